package gan4j.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gan4j.cli.ExitCodes;
import gan4j.io.AtomicFiles;
import gan4j.testing.TinyRuns.Result;
import gan4j.testing.TinyRuns;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One writer per run directory, nothing of the user's overwritten, and a resume that survives a bad file. */
class RunDirectoryRulesTest {

    @TempDir
    Path dir;

    private Path toyConfig(int steps) throws IOException {
        return Files.writeString(dir.resolve("toy.yaml"), """
                data: {type: toy, mixture: ring, points: 1000, workers: 1}
                model: {architecture: mlp, generator_width: 8, discriminator_width: 8, hidden_layers: 1}
                train: {steps: %d, batch_size: 16}
                output: {dir: %s, sample_every: 1000000, checkpoint_every: 4, keep_checkpoints: 5, log_every: 1}
                """.formatted(steps, dir.resolve("run")));
    }

    @Test
    void aNewRunRefusesADirectoryWithTheUsersFilesAndLeavesThemAlone() throws IOException {
        Path run = Files.createDirectories(dir.resolve("run"));
        Files.writeString(run.resolve("config.yaml"), "my own notes\n");

        Result train = TinyRuns.gan("train", "-c", toyConfig(4).toString());

        assertEquals(ExitCodes.FAILED, train.exitCode());
        assertTrue(train.err().startsWith("error: " + run + " holds config.yaml, which no gan4j run wrote"),
                train.err());
        assertEquals("my own notes\n", Files.readString(run.resolve("config.yaml")));
        assertFalse(Files.exists(run.resolve("metrics.csv")));
    }

    @Test
    void aRunThatNeverCheckpointedMayBeStartedAgainAndStaleTemporariesGo() throws IOException {
        Path config = toyConfig(3);
        assertEquals(0, TinyRuns.gan("train", "-c", config.toString(), "--set", "output.checkpoint_every=100")
                .exitCode());
        Path run = dir.resolve("run");
        Files.delete(run.resolve("checkpoints/step-000003.ckpt"));
        Path stale = Files.writeString(run.resolve("checkpoints/step-000008.ckpt" + AtomicFiles.TEMP_SUFFIX), "x");

        Result again = TinyRuns.gan("train", "-c", config.toString());

        assertEquals(0, again.exitCode(), again.err());
        assertFalse(Files.exists(stale));
    }

    @Test
    void resumeFallsBackFromADamagedNewestCheckpointAndResumeFromPicksOne() throws IOException {
        Path config = toyConfig(8);
        assertEquals(0, TinyRuns.gan("train", "-c", config.toString()).exitCode());
        Path checkpoints = dir.resolve("run/checkpoints");
        byte[] whole = Files.readAllBytes(checkpoints.resolve("step-000008.ckpt"));
        Files.write(checkpoints.resolve("step-000008.ckpt"), java.util.Arrays.copyOf(whole, whole.length / 2));

        Result resumed = TinyRuns.gan("train", "-c", config.toString(), "--resume", "--set", "train.steps=12");

        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(resumed.out().contains("warning: " + checkpoints.resolve("step-000008.ckpt")), resumed.out());
        assertTrue(resumed.out().contains("Trying step-000004.ckpt instead."), resumed.out());
        assertTrue(resumed.out().contains("resuming " + dir.resolve("run") + " from step-000004.ckpt"), resumed.out());
        assertEquals(12, CheckpointStore.read(checkpoints.resolve("step-000012.ckpt")).state().step());

        Result from = TinyRuns.gan("train", "-c", config.toString(), "--resume-from",
                checkpoints.resolve("step-000004.ckpt").toString(), "--set", "train.steps=6");
        assertEquals(0, from.exitCode(), from.err());
        assertTrue(from.out().contains("from step-000004.ckpt"), from.out());
    }

    @Test
    void resumeAutoStartsContinuesAndFinishesWithTheSameCommand() throws IOException {
        Path config = toyConfig(4);

        Result first = TinyRuns.gan("train", "-c", config.toString(), "--resume=auto");
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.out().contains("training from step 0 to 4"), first.out());

        Result more = TinyRuns.gan("train", "-c", config.toString(), "--resume=auto", "--set", "train.steps=8");
        assertEquals(0, more.exitCode(), more.err());
        assertTrue(more.out().contains("resuming " + dir.resolve("run") + " from step-000004.ckpt"), more.out());

        Result done = TinyRuns.gan("train", "-c", config.toString(), "--resume=auto", "--set", "train.steps=8");
        assertEquals(0, done.exitCode(), done.err());
        assertTrue(done.out().contains("nothing to do"), done.out());

        Result bad = TinyRuns.gan("train", "-c", config.toString(), "--resume=sometimes");
        assertEquals(ExitCodes.USAGE, bad.exitCode());
        assertTrue(bad.err().contains("--resume takes no value or =auto, got 'sometimes'"), bad.err());
    }

    @Test
    void aSecondTrainIntoARunningRunIsRefusedAndAKilledRunLeavesNoStaleLock() throws Exception {
        Path config = toyConfig(1_000_000);
        Process first = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Djava.awt.headless=true", "gan4j.cli.GanCommand",
                "train", "-c", config.toString()).redirectErrorStream(true).start();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(first.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null && !line.startsWith("step 2/")) {
                assertTrue(first.isAlive(), line);
            }
            byte[] metricsBefore = Files.readAllBytes(dir.resolve("run/config.yaml"));

            Result second = TinyRuns.gan("train", "-c", config.toString(), "--resume");

            assertEquals(ExitCodes.FAILED, second.exitCode());
            assertTrue(second.err().startsWith("error: " + dir.resolve("run") + " is in use by another gan train (pid "
                    + first.pid() + ")"), second.err());
            assertArrayEquals(metricsBefore, Files.readAllBytes(dir.resolve("run/config.yaml")));
        } finally {
            first.destroyForcibly();
            assertTrue(first.waitFor(60, TimeUnit.SECONDS));
        }
        RunLock.acquire(dir.resolve("run")).close();
    }
}
