package gan4j.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.OptionalInt;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ImageGridTest {

    @TempDir
    Path dir;

    /** 64 grey 28×28 images whose pixel values all differ, in [-1, 1]. */
    private static INDArray images() {
        return Nd4j.linspace(-1, 1, 64 * 28 * 28, DataType.FLOAT).reshape(64, 1, 28, 28);
    }

    private BufferedImage written(OptionalInt scale) throws IOException {
        Path file = dir.resolve("grid-" + scale + ".png");
        ImageGrid.write(images(), 8, scale, file);
        return ImageIO.read(file.toFile());
    }

    @Test
    void autoEnlargesAThumbnailToAtLeast512PixelsByWholePixelBlocks() throws IOException {
        BufferedImage plain = written(OptionalInt.of(1));
        // 8 images of 28 pixels with 2-pixel borders: 242 pixels, a thumbnail.
        assertEquals(242, plain.getWidth());
        BufferedImage auto = written(OptionalInt.empty());
        assertEquals(3 * 242, auto.getWidth(), "the smallest factor reaching 512 px");
        assertEquals(3 * plain.getHeight(), auto.getHeight());
        for (int[] xy : new int[][] {{2, 2}, {29, 29}, {100, 57}, {241, 241}}) {
            int expected = plain.getRGB(xy[0], xy[1]);
            for (int dy = 0; dy < 3; dy++) {
                for (int dx = 0; dx < 3; dx++) {
                    assertEquals(expected, auto.getRGB(3 * xy[0] + dx, 3 * xy[1] + dy), "nearest neighbour");
                }
            }
        }
        assertEquals(5 * 242, written(OptionalInt.of(5)).getWidth());
    }
}
