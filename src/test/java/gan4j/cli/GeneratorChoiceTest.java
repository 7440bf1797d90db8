package gan4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gan4j.model.GanModel;
import gan4j.run.CheckpointStore;
import gan4j.testing.TinyRuns.Result;
import gan4j.testing.TinyRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** A MAD-GAN model samples from all its generators alike, or from the one {@code --generator i} names. */
class GeneratorChoiceTest {

    private static final int GENERATORS = 4;

    @TempDir
    static Path dir;

    @BeforeAll
    static void trainFourGenerators() throws Exception {
        Path config = dir.resolve("tiny-madgan.yaml");
        Files.writeString(config, """
                seed: 5
                data: {type: toy, mixture: ring, points: 1000, workers: 1}
                model: {architecture: mlp, generator_width: 16, discriminator_width: 16, hidden_layers: 2, generators: 4}
                train: {steps: 20, batch_size: 32}
                output: {dir: %s, sample_every: 10, checkpoint_every: 10, log_every: 5}
                """.formatted(dir.resolve("run")));
        Result trained = TinyRuns.gan("train", "-c", config.toString());
        assertEquals(0, trained.exitCode(), trained.err());
    }

    @Test
    void sampleDrawsFromAllGeneratorsOrFromTheChosenOne() throws Exception {
        String run = dir.resolve("run").toString();
        Path all = dir.resolve("all.png");
        Path first = dir.resolve("g1.png");
        Path second = dir.resolve("g2.png");
        Result mixed = TinyRuns.gan("sample", "--checkpoint", run, "-n", "200", "--out", all.toString());
        assertEquals(0, mixed.exitCode(), mixed.err());
        assertTrue(mixed.out().contains("200 points"), mixed.out());
        Result one = TinyRuns.gan("sample", "--checkpoint", run, "-n", "200", "--generator", "1",
                "--out", first.toString());
        assertEquals(0, one.exitCode(), one.err());
        assertTrue(one.out().contains("of generator 1"), one.out());
        assertEquals(0, TinyRuns.gan("sample", "--checkpoint", run, "-n", "200", "--generator", "2",
                "--out", second.toString()).exitCode());
        assertFalse(Arrays.equals(Files.readAllBytes(first), Files.readAllBytes(second)), "two generators, two plots");
        assertFalse(Arrays.equals(Files.readAllBytes(first), Files.readAllBytes(all)), "one generator is not all");

        Result eval = TinyRuns.gan("eval", "--checkpoint", run, "--generator", "3", "--count", "400");
        assertEquals(0, eval.exitCode(), eval.err());
        assertTrue(eval.out().contains("modes captured:"), eval.out());
    }

    /** Sample j of a batch is generator j mod k's, so the chosen generator repeats every k-th sample. */
    @Test
    void theChosenGeneratorIsTheOneThatDrawsEveryKthSample() {
        GanModel model = CheckpointStore.read(dir.resolve("run")).model();
        assertEquals(GENERATORS, model.generators());
        INDArray latent = model.gridInputs(600, new SplittableRandom(9)).input();
        INDArray mixed = model.generate(latent);
        for (int g = 0; g < GENERATORS; g++) {
            INDArray alone = model.onlyGenerator(g).generate(latent);
            assertEquals(600, alone.size(0));
            INDArray every = mixed.get(NDArrayIndex.interval(g, GENERATORS, 600), NDArrayIndex.all());
            INDArray same = alone.get(NDArrayIndex.interval(g, GENERATORS, 600), NDArrayIndex.all());
            assertTrue(every.equalsWithEps(same, 1e-6), "generator " + g + " draws samples " + g + ", "
                    + (g + GENERATORS) + ", ... of a mixed batch, across inference slices too");
            assertNotEquals(alone, model.onlyGenerator((g + 1) % GENERATORS).generate(latent),
                    "the generators share no weights");
        }
    }

    @Test
    void aGeneratorOutOfRangeIsOneSentence() {
        String run = dir.resolve("run").toString();
        Result bad = TinyRuns.gan("sample", "--checkpoint", run, "--generator", "4",
                "--out", dir.resolve("x.png").toString());
        assertEquals(ExitCodes.USAGE, bad.exitCode());
        assertEquals(1, bad.err().strip().lines().count(), bad.err());
        assertTrue(bad.err().contains("--generator 4: " + run + " holds 4 generators, numbered 0..3; use one of"
                + " those or leave --generator out."), bad.err());
        assertFalse(Files.exists(dir.resolve("x.png")));
        assertEquals(ExitCodes.USAGE, TinyRuns.gan("eval", "--checkpoint", run, "--generator", "-1").exitCode());
    }
}
