package gan4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import gan4j.testing.TinyRuns.Result;
import gan4j.testing.TinyRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gan sample and gan eval use the moving average of G when the run kept one, the trained weights on request. */
class EmaSamplingTest {

    @Test
    void sampleUsesTheAverageByDefaultAndTheTrainedWeightsWithWeightsRaw(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isDirectory(TinyRuns.FASHION_MNIST), "needs dataset-fashion-mnist");
        Path config = TinyRuns.dcganConfig(dir, "");
        assertEquals(0, TinyRuns.gan("train", "-c", config.toString(), "--set", "train.steps=4",
                "--set", "train.ema.decay=0.5").exitCode());
        String run = dir.resolve("run").toString();
        Path byDefault = dir.resolve("default.png");
        Path ema = dir.resolve("ema.png");
        Path raw = dir.resolve("raw.png");

        Result first = TinyRuns.gan("sample", "--checkpoint", run, "--count", "8", "--out", byDefault.toString());
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.out().contains("moving-average (EMA) weights"), first.out());
        assertEquals(0, TinyRuns.gan("sample", "--checkpoint", run, "--count", "8", "--weights", "ema",
                "--out", ema.toString()).exitCode());
        Result trained = TinyRuns.gan("sample", "--checkpoint", run, "--count", "8", "--weights", "raw",
                "--out", raw.toString());
        assertEquals(0, trained.exitCode(), trained.err());
        assertTrue(trained.out().contains("trained weights"), trained.out());

        assertArrayEquals(Files.readAllBytes(byDefault), Files.readAllBytes(ema));
        assertFalse(Arrays.equals(Files.readAllBytes(ema), Files.readAllBytes(raw)), "the average is not G");
    }

    @Test
    void weightsEmaWithoutAnAverageIsOneSentence(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isDirectory(TinyRuns.FASHION_MNIST), "needs dataset-fashion-mnist");
        Path config = TinyRuns.dcganConfig(dir, "");
        assertEquals(0, TinyRuns.gan("train", "-c", config.toString(), "--set", "train.steps=1").exitCode());

        Result sample = TinyRuns.gan("sample", "--checkpoint", dir.resolve("run").toString(), "--weights", "ema",
                "--out", dir.resolve("x.png").toString());

        assertEquals(ExitCodes.USAGE, sample.exitCode());
        assertEquals(1, sample.err().strip().lines().count(), sample.err());
        assertTrue(sample.err().contains("holds no moving average of the generator (it was trained without"
                + " train.ema); use --weights raw."), sample.err());
        Result bad = TinyRuns.gan("sample", "--checkpoint", dir.resolve("run").toString(), "--weights", "best");
        assertEquals(ExitCodes.USAGE, bad.exitCode());
        assertTrue(bad.err().contains("--weights"), bad.err());
    }
}
