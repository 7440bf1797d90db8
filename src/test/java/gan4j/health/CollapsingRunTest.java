package gan4j.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gan4j.cli.ExitCodes;
import gan4j.config.ConfigException;
import gan4j.config.ConfigLoader;
import gan4j.config.HealthConfig;
import gan4j.testing.TinyRuns.Result;
import gan4j.testing.TinyRuns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Assertions;

/**
 * A real run that collapses on purpose: a one-latent generator with a single ReLU unit under SGD at
 * rate 10 on the toy ring. Measured at seed 4: the fixed batch's duplicate rate goes 26% (step 1),
 * 8% (step 5), 33% (step 10), 65% (step 15), the ReLU dead for most latents.
 */
class CollapsingRunTest {

    @TempDir
    Path dir;

    private Path collapsing(String name, long steps, String onCollapse) throws IOException {
        return collapsing(name, steps, onCollapse, 100);
    }

    private Path collapsing(String name, long steps, String onCollapse, int checkpointEvery) throws IOException {
        return Files.writeString(dir.resolve(name + ".yaml"), """
                seed: 4
                data: {type: toy, mixture: ring, points: 1000, workers: 1}
                model: {architecture: mlp, latent_size: 1, generator_width: 1, discriminator_width: 8,
                        hidden_layers: 1}
                train:
                  steps: %d
                  batch_size: 32
                  g_optimizer: {type: sgd, lr: 10}
                output: {dir: %s, sample_every: 5, checkpoint_every: %d, log_every: 20}
                health: {on_collapse: %s}
                """.formatted(steps, dir.resolve(name), checkpointEvery, onCollapse));
    }

    @Test
    void aCollapsingRunReportsTheCollapseInHealthCsvTheLogAndTheReport() throws IOException {
        Result result = TinyRuns.gan("train", "--config", collapsing("warn", 15, "warn").toString());
        assertEquals(ExitCodes.OK, result.exitCode(), result.err());
        assertTrue(result.out().contains("health: step 15, mode collapse:"), result.out());
        List<String> rows = Files.readAllLines(dir.resolve("warn/health.csv"));
        assertEquals("step,event,detail", rows.get(0));
        assertTrue(rows.stream().anyMatch(row -> row.startsWith("15,mode_collapse,")), rows.toString());
        String report = Files.readString(dir.resolve("warn/report.html"));
        assertTrue(report.contains("<h2>Health</h2>") && report.contains("<td>15</td><td>mode collapse</td>"),
                report);
    }

    @Test
    void stopEndsTheRunWithOneSentenceAfterSavingTheCollapsedState() throws IOException {
        Result result = TinyRuns.gan("train", "--config", collapsing("stop", 40, "stop").toString());
        assertEquals(ExitCodes.FAILED, result.exitCode(), result.out());
        assertTrue(result.err().contains("stopped at step 15 on mode collapse"), result.err());
        assertEquals(1, result.err().strip().lines().count(), result.err());
        assertTrue(Files.exists(dir.resolve("stop/checkpoints/step-000015.ckpt")));
    }

    @Test
    void rollbackGoesBackToTheCheckpointBeforeTheCollapseAtLowerLearningRates() throws IOException {
        Result result = TinyRuns.gan("train", "--config", collapsing("rollback", 40, "rollback", 5).toString());
        assertTrue(result.out().contains("warning: mode collapse at step 15 ("), result.out());
        assertTrue(result.out().contains("rolled back to step 10 with learning rates x0.5 (rollback 1 of 3)"),
                result.out());
        List<String> events = Files.readAllLines(dir.resolve("rollback/events.csv"));
        assertTrue(events.get(1).startsWith("10,rollback,mode collapse at step 15"), events.toString());
        // This generator collapses at every rate it is given: after three rollbacks the run ends, in one sentence.
        assertEquals(ExitCodes.FAILED, result.exitCode());
        assertTrue(result.err().contains("after 3 rollback(s), the most train.max_rollbacks allows"), result.err());
        assertEquals(1, result.err().strip().lines().count(), result.err());
    }

    @Test
    void anUnknownCollapseActionIsRefusedNamingTheKey() {
        ConfigException e = Assertions.assertThrows(ConfigException.class, () -> new ConfigLoader().parse(
                "health: {on_collapse: restart}", "t.yaml", "t", List.of()));
        assertTrue(e.getMessage().contains("health.on_collapse"), e.getMessage());
        assertEquals(HealthConfig.OnCollapse.WARN, new ConfigLoader().parse("seed: 1", "t.yaml", "t", List.of())
                .health().onCollapse());
    }
}
