package gan4j.run;

import static gan4j.testing.TinyRuns.gan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gan4j.data.TestImages;
import gan4j.testing.TinyRuns.Result;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 128-pixel colour ResNet with a spectral-norm critic trained for real from an image folder, resumed, and
 * sampled: the largest size the architecture offers, end to end through the CLI, at a width small enough for CI.
 */
class Resnet128TrainingTest {

    private static final int SIZE = 128;
    /** ImageGrid's padding between and around tiles. */
    private static final int PAD = 2;

    @TempDir
    Path dir;

    @Test
    void aResnetTrainsResumesAndSamplesAt128Pixels() throws IOException {
        Path images = dir.resolve("photos");
        for (int i = 0; i < 8; i++) {
            TestImages.writeNoise(images.resolve("photo-" + i + ".png"), 160, 144, i);
        }
        Path run = dir.resolve("run");
        Path config = dir.resolve("resnet-128.yaml");
        Files.writeString(config, """
                seed: 3
                data: {type: folder, path: %s, image_size: 128, channels: 3, workers: 1}
                model: {architecture: resnet, latent_size: 16, generator_width: 2, discriminator_width: 2,
                        generator_norm: batch, discriminator_norm: spectral}
                objective: {type: hinge}
                train: {steps: 2, batch_size: 4, d_steps_per_g_step: 2}
                output: {dir: %s, sample_every: 2, checkpoint_every: 1, log_every: 1, samples: 4}
                """.formatted(images, run));

        Result first = gan("train", "-c", config.toString());
        assertEquals(0, first.exitCode(), first.err());
        Result resumed = gan("train", "-c", config.toString(), "--set", "train.steps=3", "--resume");
        assertEquals(0, resumed.exitCode(), resumed.err());

        List<String> metrics = Files.readAllLines(run.resolve("metrics.csv"));
        assertEquals(4, metrics.size(), "a header and steps 0-2: " + metrics);
        assertTrue(metrics.get(3).startsWith("2,"), metrics.get(3));
        assertTrue(metrics.stream().skip(1).noneMatch(line -> line.contains("NaN") || line.contains("Infinity")),
                String.join("\n", metrics));
        assertTrue(Files.exists(run.resolve("checkpoints/step-000003.ckpt")));
        assertTileGrid(run.resolve("samples/step-000002.png"), 2);

        Path out = dir.resolve("sampled.png");
        Result sample = gan("sample", "--checkpoint", run.toString(), "-n", "4", "--scale", "1", "-o", out.toString());
        assertEquals(0, sample.exitCode(), sample.err());
        BufferedImage grid = assertTileGrid(out, 2);
        assertEquals(PAD + 2 * (SIZE + PAD), grid.getWidth(), "--scale 1 keeps the native 128 px");
        assertTrue(distinctColours(grid) > 100, "the samples have texture, not one flat colour");
    }

    /** Training grids are enlarged to at least 512 px by a whole factor; {@code gan sample --scale 1} is not. */
    private static BufferedImage assertTileGrid(Path png, int tilesPerSide) throws IOException {
        BufferedImage grid = ImageIO.read(png.toFile());
        int side = PAD + tilesPerSide * (SIZE + PAD);
        assertEquals(0, grid.getWidth() % side, png + " is " + tilesPerSide + " tiles of 128 px wide: " + grid.getWidth());
        assertEquals(grid.getWidth(), grid.getHeight(), png + " is square");
        return grid;
    }

    private static long distinctColours(BufferedImage image) {
        return java.util.stream.IntStream.range(0, image.getWidth() * image.getHeight())
                .map(i -> image.getRGB(i % image.getWidth(), i / image.getWidth())).distinct().count();
    }
}
