package gan4j.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import gan4j.augment.AugmentState;
import gan4j.nn.Network;
import gan4j.testing.TinyRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.factory.Nd4j;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A resumed run must be the uninterrupted run: same parameters, same optimizer state, same samples. */
class ResumeTest {

    /**
     * Both generator-step schedules (a new latent batch as in Algorithm 1, or the D step's fake batch
     * again), a spectrally normalized critic, whose power-iteration vectors must resume too, and the
     * ResNet pair (computation graphs, spectral norm in the critic by default), and a moving average
     * of G's weights, which the checkpoint must carry.
     */
    @ParameterizedTest
    @ValueSource(strings = {"train.reuse_fake_batch=false", "train.reuse_fake_batch=true",
        "model.discriminator_norm=spectral", "model.architecture=resnet", "train.ema.decay=0.9"})
    void trainingInTwoHalvesEqualsTrainingStraightThrough(String setting, @TempDir Path straight,
                                                           @TempDir Path halves) throws Exception {
        assumeTrue(Files.isDirectory(TinyRuns.FASHION_MNIST), "needs dataset-fashion-mnist");
        Path a = TinyRuns.dcganConfig(straight, "");
        assertEquals(0, TinyRuns.gan("train", "-c", a.toString(), "--set", setting).exitCode());

        Path b = TinyRuns.dcganConfig(halves, "");
        assertEquals(0, TinyRuns.gan("train", "-c", b.toString(), "--set", "train.steps=3", "--set", setting)
                .exitCode());
        TinyRuns.Result resumed = TinyRuns.gan("train", "-c", b.toString(), "--resume", "--set", setting);
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(resumed.out().contains("resuming"), resumed.out());

        Checkpoint one = CheckpointStore.read(straight.resolve("run"));
        Checkpoint two = CheckpointStore.read(halves.resolve("run"));
        assertEquals(6, one.state().step());
        assertEquals(6, two.state().step());
        assertSameNetwork(one.model().generator(), two.model().generator());
        assertSameNetwork(one.model().critic(), two.model().critic());
        assertEquals(setting.startsWith("train.ema"), one.model().averageGenerator().isPresent());
        if (one.model().averageGenerator().isPresent()) {
            assertSameNetwork(one.model().averageGenerator().get(), two.model().averageGenerator().get());
        }

        Path pngA = straight.resolve("a.png");
        Path pngB = halves.resolve("b.png");
        assertEquals(0, TinyRuns.gan("sample", "--checkpoint", straight.resolve("run").toString(), "--count", "9",
                "--seed", "5", "--out", pngA.toString()).exitCode());
        assertEquals(0, TinyRuns.gan("sample", "--checkpoint", halves.resolve("run").toString(), "--count", "9",
                "--seed", "5", "--out", pngB.toString()).exitCode());
        assertArrayEquals(Files.readAllBytes(pngA), Files.readAllBytes(pngB));
        assertSameLog(straight, halves);
    }

    /**
     * ADA with lazy R1: the resume at step 3 falls inside ADA's 4-step interval (so the summed signs
     * must survive the checkpoint) and between R1's steps; p must move for the test to mean anything.
     */
    @Test
    void adaptiveAugmentationAndLazyR1ResumeExactly(@TempDir Path straight, @TempDir Path halves) throws Exception {
        assumeTrue(Files.isDirectory(TinyRuns.FASHION_MNIST), "needs dataset-fashion-mnist");
        String extra = """
                augment: {policy: [color, translation, cutout, flip, rotate90], target: 0.6, probability: 0.5,
                          ada_images: 256}
                regularizers: [{type: r1, weight: 1, every: 2}]
                """;
        Path a = TinyRuns.dcganConfig(straight, extra);
        assertEquals(0, TinyRuns.gan("train", "-c", a.toString(), "--set", "train.steps=9").exitCode());
        Path b = TinyRuns.dcganConfig(halves, extra);
        assertEquals(0, TinyRuns.gan("train", "-c", b.toString(), "--set", "train.steps=3").exitCode());
        TinyRuns.Result resumed = TinyRuns.gan("train", "-c", b.toString(), "--resume", "--set", "train.steps=9");
        assertEquals(0, resumed.exitCode(), resumed.err());

        AugmentState atResume = CheckpointStore.read(halves.resolve("run/checkpoints/step-000003.ckpt")).state()
                .augment();
        assertEquals(new AugmentState(0.5, atResume.signSum(), 3 * 32), atResume, "3 steps' signs, not yet used");
        assertNotEquals(0, atResume.signSum(), "an untrained D's real scores lean to one side");
        Checkpoint one = CheckpointStore.read(straight.resolve("run"));
        Checkpoint two = CheckpointStore.read(halves.resolve("run"));
        assertEquals(9, two.state().step());
        assertEquals(one.state(), two.state());
        assertSameNetwork(one.model().generator(), two.model().generator());
        assertSameNetwork(one.model().critic(), two.model().critic());
        assertSameLog(straight, halves);
        List<String> rows = Files.readAllLines(straight.resolve("run/metrics.csv"));
        assertTrue(rows.get(0).endsWith(",augment_p"), rows.get(0));
        assertTrue(rows.get(1).endsWith(",0.500000"), rows.get(1));
        assertTrue(rows.stream().skip(1).map(r -> r.substring(r.lastIndexOf(',') + 1)).distinct().count() > 1,
                "p moves at steps 4 and 8, and is logged");
    }

    /**
     * A projection critic and class-conditional generator norms: the class embedding and per-class
     * gains (the new parameters) and their Adam moments must come back from the checkpoint, and the
     * resumed networks must be rebuilt with them, for both architectures that offer projection.
     */
    @ParameterizedTest
    @ValueSource(strings = {"dcgan", "resnet"})
    void projectionModelsResumeExactly(String architecture, @TempDir Path straight, @TempDir Path halves)
            throws Exception {
        assumeTrue(Files.isDirectory(TinyRuns.FASHION_MNIST), "needs dataset-fashion-mnist");
        String[] projection = {"--set", "model.conditional=true", "--set", "model.conditioning=projection",
            "--set", "model.architecture=" + architecture};
        Path a = TinyRuns.dcganConfig(straight, "");
        assertEquals(0, TinyRuns.gan(withArgs(new String[] {"train", "-c", a.toString()}, projection)).exitCode());
        Path b = TinyRuns.dcganConfig(halves, "");
        assertEquals(0, TinyRuns.gan(withArgs(new String[] {"train", "-c", b.toString(), "--set", "train.steps=3"},
                projection)).exitCode());
        TinyRuns.Result resumed = TinyRuns.gan(withArgs(new String[] {"train", "-c", b.toString(), "--resume"},
                projection));
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(resumed.out().contains("resuming"), resumed.out());

        Checkpoint one = CheckpointStore.read(straight.resolve("run"));
        Checkpoint two = CheckpointStore.read(halves.resolve("run"));
        assertEquals(6, two.state().step());
        assertTrue(two.model().critic().paramTable().keySet().stream().anyMatch(k -> k.startsWith("embed_")),
                "the resumed critic is rebuilt with its class embedding: " + two.model().critic().paramTable().keySet());
        assertTrue(two.model().generator().paramTable().keySet().stream().anyMatch(k -> k.contains("_gain_")),
                "the resumed generator is rebuilt with its class gains");
        assertSameNetwork(one.model().generator(), two.model().generator());
        assertSameNetwork(one.model().critic(), two.model().critic());
        assertSameLog(straight, halves);
    }

    private static String[] withArgs(String[] first, String[] more) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /**
     * A packed critic (PacGAN2) on the toy ring, with and without BatchNorm in G: packing must not
     * disturb the exact resume.
     */
    @ParameterizedTest
    @ValueSource(strings = {"none", "batch"})
    void packedCriticResumesExactly(String norm, @TempDir Path straight, @TempDir Path halves) throws Exception {
        String normalized = "model.generator_norm=" + norm;
        Path a = toyPackedConfig(straight);
        assertEquals(0, TinyRuns.gan("train", "-c", a.toString(), "--set", normalized).exitCode());
        Path b = toyPackedConfig(halves);
        assertEquals(0, TinyRuns.gan("train", "-c", b.toString(), "--set", normalized, "--set", "train.steps=3")
                .exitCode());
        TinyRuns.Result resumed = TinyRuns.gan("train", "-c", b.toString(), "--resume", "--set", normalized);
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(resumed.out().contains("resuming"), resumed.out());

        Checkpoint one = CheckpointStore.read(straight.resolve("run"));
        Checkpoint two = CheckpointStore.read(halves.resolve("run"));
        assertEquals(6, two.state().step());
        assertEquals(2, two.model().architecture().pack(), "the resumed critic is rebuilt packed");
        assertSameNetwork(one.model().generator(), two.model().generator());
        assertSameNetwork(one.model().critic(), two.model().critic());
        assertSameLog(straight, halves);
    }

    /**
     * Four generators (MAD-GAN) on the toy ring, with a moving average of them: every generator's
     * weights and optimizer state must survive the checkpoint, and sampling draws from all of them.
     */
    @ParameterizedTest
    @ValueSource(strings = {"none", "batch"})
    void severalGeneratorsResumeExactly(String norm, @TempDir Path straight, @TempDir Path halves) throws Exception {
        String madgan = "model.generators=4";
        String ema = "train.ema.decay=0.9";
        String normalized = "model.generator_norm=" + norm;
        Path a = toyPackedConfig(straight);
        assertEquals(0, TinyRuns.gan("train", "-c", a.toString(), "--set", "model.pack=1", "--set", madgan,
                "--set", ema, "--set", normalized).exitCode());
        Path b = toyPackedConfig(halves);
        assertEquals(0, TinyRuns.gan("train", "-c", b.toString(), "--set", "model.pack=1", "--set", madgan,
                "--set", ema, "--set", normalized, "--set", "train.steps=3").exitCode());
        TinyRuns.Result resumed = TinyRuns.gan("train", "-c", b.toString(), "--resume", "--set", "model.pack=1",
                "--set", madgan, "--set", ema, "--set", normalized);
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(resumed.out().contains("resuming"), resumed.out());

        Checkpoint one = CheckpointStore.read(straight.resolve("run"));
        Checkpoint two = CheckpointStore.read(halves.resolve("run"));
        assertEquals(6, two.state().step());
        assertEquals(4, two.model().generators(), "the resumed model is rebuilt with its four generators");
        assertEquals(5, two.model().critic().infer(Nd4j.zeros(1, 2)).size(1), "D scores 4 generators and real");
        assertSameNetwork(one.model().generator(), two.model().generator());
        assertSameNetwork(one.model().critic(), two.model().critic());
        assertSameNetwork(one.model().averageGenerator().orElseThrow(),
                two.model().averageGenerator().orElseThrow());
        assertSameLog(straight, halves);
    }

    private static Path toyPackedConfig(Path dir) throws Exception {
        Path file = dir.resolve("tiny-pacgan.yaml");
        Files.writeString(file, """
                seed: 3
                data: {type: toy, mixture: ring, points: 1000, workers: 1}
                model: {architecture: mlp, generator_width: 16, discriminator_width: 16, hidden_layers: 2, pack: 2}
                train: {steps: 6, batch_size: 32}
                output: {dir: %s, sample_every: 3, checkpoint_every: 3, log_every: 1}
                """.formatted(dir.resolve("run")));
        return file;
    }

    @Test
    void aDifferentSeedGivesADifferentRun(@TempDir Path first, @TempDir Path second) throws Exception {
        assumeTrue(Files.isDirectory(TinyRuns.FASHION_MNIST), "needs dataset-fashion-mnist");
        assertEquals(0, TinyRuns.gan("train", "-c", TinyRuns.dcganConfig(first, "").toString(),
                "--set", "train.steps=2").exitCode());
        assertEquals(0, TinyRuns.gan("train", "-c", TinyRuns.dcganConfig(second, "").toString(),
                "--set", "train.steps=2", "--set", "seed=8").exitCode());
        assertNotEquals(CheckpointStore.read(first.resolve("run")).model().generator().params(),
                CheckpointStore.read(second.resolve("run")).model().generator().params());
    }

    /** The resumed log has each step once, with the same values (throughput, column 8, aside). */
    private static void assertSameLog(Path straight, Path halves) throws Exception {
        assertArrayEquals(Files.readAllLines(straight.resolve("run/metrics.csv")).stream()
                        .map(ResumeTest::withoutThroughput).toArray(),
                Files.readAllLines(halves.resolve("run/metrics.csv")).stream()
                        .map(ResumeTest::withoutThroughput).toArray());
    }

    private static String withoutThroughput(String line) {
        List<String> cells = new ArrayList<>(List.of(line.split(",", -1)));
        cells.remove(7);
        return String.join(",", cells);
    }

    private static void assertSameNetwork(Network expected, Network actual) {
        assertEquals(expected.iterationCount(), actual.iterationCount());
        assertArrayEquals(expected.params().toFloatVector(), actual.params().toFloatVector());
        assertEquals(expected.updaterState() == null, actual.updaterState() == null);
        if (expected.updaterState() != null) {
            assertArrayEquals(expected.updaterState().toFloatVector(), actual.updaterState().toFloatVector());
        }
    }
}
