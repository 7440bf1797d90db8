package gan4j.arch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import gan4j.config.ModelConfig.Norm;
import gan4j.nn.Conditioning;
import gan4j.testing.TinyRuns;
import gan4j.train.SampleInputs;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Labels reach G and D, the sample grids show one class per row, and classes are named by the checkpoint. */
class ConditionalGanTest {

    @Test
    void labelsEnterGeneratorAsOneHotAndDiscriminatorAsPlanes() {
        Conditioning conditioning = Conditioning.oneHot(3);
        INDArray z = Nd4j.zeros(DataType.FLOAT, 2, 4, 1, 1);
        INDArray g = conditioning.generatorInput(z, new int[] {2, 0});
        assertArrayEquals(new long[] {2, 7, 1, 1}, g.shape());
        assertEquals(Nd4j.create(new float[] {0, 0, 1}), g.get(NDArrayIndex.point(0), NDArrayIndex.interval(4, 7),
                NDArrayIndex.point(0), NDArrayIndex.point(0)));

        INDArray images = Nd4j.rand(DataType.FLOAT, 2, 1, 5, 5);
        INDArray d = conditioning.discriminatorInput(images, new int[] {2, 0});
        assertArrayEquals(new long[] {2, 4, 5, 5}, d.shape());
        assertEquals(25.0, d.get(NDArrayIndex.point(0), NDArrayIndex.point(3)).sumNumber().doubleValue());
        assertEquals(25.0, d.get(NDArrayIndex.point(1), NDArrayIndex.point(1)).sumNumber().doubleValue());
        assertEquals(images, conditioning.sampleGradient(d));
    }

    @Test
    void sampleGridsHaveOneRowPerClass() {
        Dcgan dcgan = new Dcgan(28, 1, 8, 4, 4, Norm.BATCH, Norm.BATCH);
        SampleInputs grid = SampleInputs.grid(dcgan, Conditioning.oneHot(10), 64, new SplittableRandom(1));
        assertEquals(6, grid.columns());
        assertEquals(60, grid.input().size(0));
        for (int i = 0; i < 60; i++) {
            INDArray oneHot = grid.input().get(NDArrayIndex.point(i), NDArrayIndex.interval(8, 18),
                    NDArrayIndex.point(0), NDArrayIndex.point(0));
            assertEquals(i / 6, oneHot.argMax().getInt(0), "sample " + i + " belongs to row " + (i / 6));
        }
    }

    @Test
    void conditionalRunSamplesOneClassAndRejectsUnknownOnes(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isDirectory(TinyRuns.FASHION_MNIST), "needs dataset-fashion-mnist");
        Path config = TinyRuns.dcganConfig(dir, "");
        TinyRuns.Result train = TinyRuns.gan("train", "-c", config.toString(), "--set", "train.steps=3",
                "--set", "model.conditional=true", "--set", "output.samples=20", "--set", "output.grid_scale=1");
        assertEquals(0, train.exitCode(), train.err());
        BufferedImage grid = ImageIO.read(dir.resolve("run/samples/step-000003.png").toFile());
        assertEquals(2 + 10 * 30, grid.getHeight(), "ten classes, ten rows");
        assertEquals(2 + 2 * 30, grid.getWidth(), "20 samples over 10 classes: two per row");

        String run = dir.resolve("run").toString();
        Path bag = dir.resolve("bag.png");
        Path bagByIndex = dir.resolve("bag8.png");
        Path boot = dir.resolve("boot.png");
        assertEquals(0, TinyRuns.gan("sample", "--checkpoint", run, "--class", "Bag", "--count", "4",
                "--out", bag.toString()).exitCode());
        assertEquals(0, TinyRuns.gan("sample", "--checkpoint", run, "--class", "8", "--count", "4",
                "--out", bagByIndex.toString()).exitCode());
        assertEquals(0, TinyRuns.gan("sample", "--checkpoint", run, "--class", "Ankle boot", "--count", "4",
                "--out", boot.toString()).exitCode());
        assertArrayEquals(Files.readAllBytes(bag), Files.readAllBytes(bagByIndex), "a class by name or index");
        assertFalse(Arrays.equals(Files.readAllBytes(bag), Files.readAllBytes(boot)), "the label changes the images");

        TinyRuns.Result unknown = TinyRuns.gan("sample", "--checkpoint", run, "--class", "Hat");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("unknown class 'Hat'; this model knows: T-shirt/top, Trouser"),
                unknown.err());
    }
}
