package gan4j.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gan4j.cli.ExitCodes;
import gan4j.event.EventLog;
import gan4j.nn.Network;
import gan4j.testing.TinyRuns.Result;
import gan4j.testing.TinyRuns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * train.on_divergence: rollback reloads the newest checkpoint at lowered learning rates, the same
 * way every time; and a run may resume with the changed settings a divergence's advice asks for.
 */
class DivergenceTest {

    @TempDir
    Path dir;

    /** A critic without a sigmoid under plain SGD at rate 1: it blows up at step 10, after the step-8 checkpoint. */
    private Path diverging(String name, long steps, String divergence) throws IOException {
        return Files.writeString(dir.resolve(name + ".yaml"), """
                data: {type: toy, mixture: ring, points: 1000, workers: 1}
                model: {architecture: mlp, generator_width: 8, discriminator_width: 8, hidden_layers: 1}
                objective: {type: wasserstein}
                train:
                  steps: %d
                  batch_size: 16
                  d_optimizer: {type: sgd, lr: 1}
                  g_optimizer: {type: sgd, lr: 1}
                  %s
                output: {dir: %s, sample_every: 1000000, checkpoint_every: 4, keep_checkpoints: 10, log_every: 1}
                """.formatted(steps, divergence, dir.resolve(name)));
    }

    private static final String ROLLBACK = "on_divergence: rollback\n  rollback_lr_factor: 0.01";

    @Test
    void aRollbackReloadsTheNewestCheckpointAtLowerRatesAndReproduces() throws IOException {
        Result stop = TinyRuns.gan("train", "-c", diverging("stop", 30, "").toString());
        assertEquals(ExitCodes.FAILED, stop.exitCode());
        assertTrue(stop.err().startsWith("error: training diverged at step 10"), stop.err());

        Result first = TinyRuns.gan("train", "-c", diverging("first", 30, ROLLBACK).toString());
        assertEquals(ExitCodes.OK, first.exitCode(), first.err());
        assertTrue(first.out().contains("rolled back to step 8 with learning rates x0.01 (rollback 1 of 3)"),
                first.out());
        List<String> events = Files.readAllLines(dir.resolve("first/events.csv"));
        assertEquals(EventLog.HEADER, events.get(0));
        assertEquals(2, events.size(), events.toString());
        assertTrue(events.get(1).startsWith("8,rollback,training diverged at step 10"), events.get(1));
        Checkpoint end = CheckpointStore.read(dir.resolve("first"));
        assertEquals(30, end.state().step());
        assertEquals(new Rollbacks(1, 0.01), end.rollbacks());
        // The metrics hold each step once: the diverged steps after the checkpoint were dropped.
        assertEquals(31, Files.readAllLines(dir.resolve("first/metrics.csv")).size());

        assertEquals(ExitCodes.OK, TinyRuns.gan("train", "-c", diverging("second", 30, ROLLBACK).toString())
                .exitCode());
        assertSameNetworks(end, CheckpointStore.read(dir.resolve("second")));
    }

    @Test
    void aRunResumedAfterARollbackContinuesAtTheLoweredRates() throws IOException {
        Path straight = diverging("straight", 24, ROLLBACK);
        assertEquals(ExitCodes.OK, TinyRuns.gan("train", "-c", straight.toString()).exitCode());
        Path halves = diverging("halves", 16, ROLLBACK);
        assertEquals(ExitCodes.OK, TinyRuns.gan("train", "-c", halves.toString()).exitCode());
        Result resumed = TinyRuns.gan("train", "-c", halves.toString(), "--resume", "--set", "train.steps=24");
        assertEquals(ExitCodes.OK, resumed.exitCode(), resumed.err());
        assertFalse(resumed.out().contains("rolled back"), resumed.out());
        assertSameNetworks(CheckpointStore.read(dir.resolve("straight")), CheckpointStore.read(dir.resolve("halves")));
        assertEquals(2, Files.readAllLines(dir.resolve("halves/events.csv")).size());
    }

    @Test
    void rollbacksStopAtTheirLimitWithOneSentence() throws IOException {
        Result run = TinyRuns.gan("train", "-c", diverging("limit", 30,
                "on_divergence: rollback\n  rollback_lr_factor: 0.9\n  max_rollbacks: 1").toString());
        assertEquals(ExitCodes.FAILED, run.exitCode());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("after 1 rollback(s), the most train.max_rollbacks allows"), run.err());
    }

    @Test
    void theAdviceAfterADivergenceCanBeFollowed() throws IOException {
        Path config = diverging("advice", 30, "");
        assertEquals(ExitCodes.FAILED, TinyRuns.gan("train", "-c", config.toString()).exitCode());

        Result resumed = TinyRuns.gan("train", "-c", config.toString(), "--resume",
                "--set", "train.d_optimizer.lr=0.01", "--set", "train.g_optimizer.lr=0.01");

        assertEquals(ExitCodes.OK, resumed.exitCode(), resumed.err());
        assertTrue(resumed.out().contains("resuming " + dir.resolve("advice") + " from step-000008.ckpt"),
                resumed.out());
        assertTrue(resumed.out().contains("changed since that checkpoint: train.g_optimizer.lr 1.0 -> 0.01,"
                + " train.d_optimizer.lr 1.0 -> 0.01; the run is no longer an exact continuation"), resumed.out());
        assertTrue(Files.readString(dir.resolve("advice/provenance.yaml"))
                .contains("changed_on_resume: 'step-000008.ckpt: train.g_optimizer.lr 1.0 -> 0.01"),
                Files.readString(dir.resolve("advice/provenance.yaml")));
        assertEquals(30, CheckpointStore.read(dir.resolve("advice")).state().step());

        Result other = TinyRuns.gan("train", "-c", config.toString(), "--resume", "--set", "train.steps=40",
                "--set", "model.hidden_layers=2");
        assertEquals(ExitCodes.USAGE, other.exitCode());
        assertTrue(other.err().contains("different model.hidden_layers; resume with the same model.hidden_layers"),
                other.err());
    }

    private static void assertSameNetworks(Checkpoint expected, Checkpoint actual) {
        for (boolean generator : new boolean[] {true, false}) {
            Network a = generator ? expected.model().generator() : expected.model().critic();
            Network b = generator ? actual.model().generator() : actual.model().critic();
            assertArrayEquals(a.params().toFloatVector(), b.params().toFloatVector());
            assertArrayEquals(a.updaterState() == null ? new float[0] : a.updaterState().toFloatVector(),
                    b.updaterState() == null ? new float[0] : b.updaterState().toFloatVector());
        }
    }
}
