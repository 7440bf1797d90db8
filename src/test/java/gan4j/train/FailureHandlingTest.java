package gan4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import gan4j.config.GanConfig;
import gan4j.data.BatchStream;
import gan4j.data.ToyDataset;
import gan4j.data.ToyMixture;
import gan4j.event.NonFiniteGuard;
import gan4j.event.NonFiniteLossException;
import gan4j.model.GanModel;
import gan4j.objective.LossAndGrad;
import gan4j.objective.NonSaturating;
import gan4j.objective.Objective;
import gan4j.objective.Scores;
import gan4j.penalty.InputNoise;
import gan4j.random.RandomStreams;
import gan4j.run.CheckpointStore;
import gan4j.run.CheckpointWriter;
import gan4j.run.Provenance;
import gan4j.run.Rollbacks;
import gan4j.testing.TinyRuns;
import gan4j.testing.ToyModels;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;

class FailureHandlingTest {

    /** Non-saturating, except that from step {@code failAt} on the generator loss is NaN. */
    private static final class DivergingObjective implements Objective {
        private final Objective inner = new NonSaturating();
        private int calls;
        private final int failAt;

        DivergingObjective(int failAt) {
            this.failAt = failAt;
        }

        @Override
        public LossAndGrad discriminator(Scores scores) {
            return inner.discriminator(scores);
        }

        @Override
        public LossAndGrad generator(INDArray fakeScores) {
            LossAndGrad ok = inner.generator(fakeScores);
            return calls++ >= failAt ? new LossAndGrad(Double.NaN, null, ok.dFake()) : ok;
        }

        @Override
        public INDArray readout(INDArray scores) {
            return inner.readout(scores);
        }
    }

    @Test
    void aNanLossStopsTheRunAndKeepsTheLastGoodCheckpoint(@TempDir Path dir) {
        GanConfig config = ToyModels.config();
        GanModel model = ToyModels.model(config);
        Variant variant = new Variant(model.architecture(), new DivergingObjective(3), List.of(), List.of(),
                InputNoise.NONE, 1);
        CheckpointStore store = new CheckpointStore(dir, 10);
        List<RunEvent> seen = new ArrayList<>();
        Trainer trainer = new Trainer(model.sampleGenerator(), model.sampleCritic(), variant, new RandomStreams(1),
                List.of(new NonFiniteGuard(), new CheckpointWriter(store, 1, model, config.resolvedYaml(),
                        new Provenance(Map.of()), Rollbacks.NONE), seen::add));
        try (BatchStream batches = new BatchStream(new ToyDataset(ToyMixture.RING, 1000, 1), 16, 1, 0)) {
            NonFiniteLossException e = assertThrows(NonFiniteLossException.class,
                    () -> trainer.run(new TrainingState(0), 10, batches::next, new StopSignal()));
            assertTrue(e.getMessage().startsWith("training diverged at step 3 ("), e.getMessage());
            assertTrue(e.getMessage().contains("generator loss NaN"), e.getMessage());
        }
        assertEquals(dir.resolve("step-000003.ckpt"), store.latest().orElseThrow());
        assertTrue(seen.get(seen.size() - 1) instanceof RunEvent.RunFailed);
    }

    /** SIGTERM from a scheduler or kill, SIGUSR1 from Slurm's --signal ahead of a time limit. */
    @ParameterizedTest
    @ValueSource(strings = {"TERM", "USR1"})
    void aStopSignalFinishesTheStepWritesACheckpointAndExits143(String signal, @TempDir Path dir) throws Exception {
        assumeTrue(Files.isDirectory(TinyRuns.FASHION_MNIST), "needs dataset-fashion-mnist");
        Path config = TinyRuns.dcganConfig(dir, "");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Djava.awt.headless=true", "gan4j.cli.GanCommand",
                "train", "-c", config.toString(), "--set", "train.steps=100000", "--set", "output.checkpoint_every=100000")
                .redirectErrorStream(true).start();
        StringBuilder output = new StringBuilder();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                output.append(line).append('\n');
                if (line.startsWith("step 2/")) {
                    // Process.destroy() would also close our end of its output; send the signal alone.
                    new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor();
                }
            }
        }
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), output.toString());
        assertEquals(143, process.exitValue(), output.toString());
        assertTrue(output.toString().contains("stop requested"), output.toString());
        long step = CheckpointStore.read(dir.resolve("run")).state().step();
        assertTrue(step >= 2 && step < 100000, "checkpoint at step " + step + "\n" + output);
        assertTrue(output.toString().contains("stopped at step " + step), output.toString());
    }

    /**
     * Slurm's --signal can come while the run still loads its data, before the trainer listens for
     * it: it must still mean "preempted" (143), not kill the JVM (138). The data here is a named pipe
     * nobody writes, so the run stays in loading until the signal.
     */
    @Test
    void sigusr1WhileLoadingTheDataStillExits143(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "reads the signal mask from /proc");
        Path pipe = dir.resolve("data.gan4j");
        assertEquals(0, new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor());
        Path config = TinyRuns.dcganConfig(dir, "");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Djava.awt.headless=true", "gan4j.cli.GanCommand",
                "train", "-c", config.toString(), "--set", "data.type=packed", "--set", "data.path=" + pipe,
                "--set", "data.limit=null")
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!catchesUsr1(process.pid()) && System.nanoTime() < deadline && process.isAlive()) {
            Thread.sleep(50);
        }
        new ProcessBuilder("kill", "-USR1", Long.toString(process.pid())).start().waitFor();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(143, process.exitValue(), Files.readString(dir.resolve("out.txt")));
    }

    private static boolean catchesUsr1(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("SigCgt:")) {
                // Bit n of the mask is signal n + 1; SIGUSR1 is 10.
                return (Long.parseUnsignedLong(line.substring(7).strip(), 16) & (1L << 9)) != 0;
            }
        }
        return false;
    }
}
