package gan4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import gan4j.testing.TinyRuns.Result;
import gan4j.testing.TinyRuns;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

    @Test
    void helpAndVersionSucceed() {
        Result help = TinyRuns.gan("--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("train") && help.out().contains("sample"), help.out());
        Result version = TinyRuns.gan("--version");
        assertEquals(0, version.exitCode());
        assertTrue(version.out().startsWith("gan4j "), version.out());
        assertEquals(0, TinyRuns.gan("train", "--help").exitCode());
        assertEquals(0, TinyRuns.gan().exitCode());
    }

    @Test
    void userErrorsAreOneSentenceAndNonZero(@TempDir Path dir) throws Exception {
        Result missing = TinyRuns.gan("train", "-c", dir.resolve("none.yaml").toString());
        assertEquals(ExitCodes.USAGE, missing.exitCode());
        assertTrue(missing.err().startsWith("error: "), missing.err());
        assertEquals(1, missing.err().lines().count(), missing.err());

        Path config = TinyRuns.dcganConfig(dir, "");
        Result badKey = TinyRuns.gan("train", "-c", config.toString(), "--set", "train.stepz=3");
        assertEquals(ExitCodes.USAGE, badKey.exitCode());
        assertTrue(badKey.err().contains("unknown key 'train.stepz'"), badKey.err());

        Result noData = TinyRuns.gan("train", "-c", config.toString(), "--set", "data.path=" + dir.resolve("nothing"));
        assertEquals(ExitCodes.FAILED, noData.exitCode());
        assertTrue(noData.err().contains("apt-get install dataset-fashion-mnist"), noData.err());
        assertEquals(1, noData.err().lines().count(), noData.err());
        assertFalse(Files.exists(dir.resolve("run/config.yaml")), "a failed start leaves no run behind");

        Result badOption = TinyRuns.gan("sample");
        assertEquals(ExitCodes.USAGE, badOption.exitCode());
    }

    @Test
    void trainThenSampleEndToEnd(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isDirectory(TinyRuns.FASHION_MNIST), "needs dataset-fashion-mnist");
        Path config = TinyRuns.dcganConfig(dir, "");
        Result train = TinyRuns.gan("train", "-c", config.toString(), "--set", "train.steps=4");
        assertEquals(0, train.exitCode(), train.err());
        assertTrue(train.out().contains("finished at step 4"), train.out());
        for (String file : new String[] {"config.yaml", "provenance.yaml", "metrics.csv", "plots/training.png",
            "samples/step-000003.png", "samples/step-000004.png", "checkpoints/step-000003.ckpt",
            "checkpoints/step-000004.ckpt"}) {
            assertTrue(Files.exists(dir.resolve("run").resolve(file)), file);
        }
        assertTrue(Files.readString(dir.resolve("run/config.yaml")).contains("steps: 4"));

        Result again = TinyRuns.gan("train", "-c", config.toString(), "--set", "train.steps=4");
        assertEquals(ExitCodes.FAILED, again.exitCode());
        assertTrue(again.err().contains("add --resume"), again.err());

        Path a = dir.resolve("a.png");
        Path b = dir.resolve("b.png");
        Path c = dir.resolve("c.png");
        String checkpoint = dir.resolve("run/checkpoints/step-000004.ckpt").toString();
        assertEquals(0, TinyRuns.gan("sample", "--checkpoint", checkpoint, "--count", "10", "--seed", "1",
                "--out", a.toString()).exitCode());
        assertEquals(0, TinyRuns.gan("sample", "--checkpoint", dir.resolve("run").toString(), "--count", "10",
                "--seed", "1", "--out", b.toString()).exitCode());
        assertEquals(0, TinyRuns.gan("sample", "--checkpoint", checkpoint, "--count", "10", "--seed", "2",
                "--out", c.toString()).exitCode());
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b), "same seed, same PNG");
        assertFalse(Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(c)), "another seed, other samples");
        BufferedImage grid = ImageIO.read(a.toFile());
        // 10 samples in rows of 4: 3 rows of 28-pixel images with 2-pixel borders, 122 pixels wide,
        // enlarged 5 times by default to be at least 512 pixels wide.
        assertEquals(5 * (2 + 4 * 30), grid.getWidth());
        assertEquals(5 * (2 + 3 * 30), grid.getHeight());
        assertEquals(0, TinyRuns.gan("sample", "--checkpoint", checkpoint, "--count", "10", "--scale", "1",
                "--out", c.toString()).exitCode());
        assertEquals(2 + 4 * 30, ImageIO.read(c.toFile()).getWidth());
        Result badScale = TinyRuns.gan("sample", "--checkpoint", checkpoint, "--scale", "40", "--out", c.toString());
        assertEquals(ExitCodes.USAGE, badScale.exitCode());
        assertTrue(badScale.err().contains("--scale must be auto or a whole number from 1 to 16, got '40'"),
                badScale.err());

        Result classOnUnconditional = TinyRuns.gan("sample", "--checkpoint", checkpoint, "--class", "Bag",
                "--out", c.toString());
        assertEquals(ExitCodes.USAGE, classOnUnconditional.exitCode());
        assertTrue(classOnUnconditional.err().contains("needs a conditional model"), classOnUnconditional.err());
    }
}
