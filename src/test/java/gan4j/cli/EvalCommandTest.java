package gan4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gan4j.data.IdxDataset;
import gan4j.data.IdxFixtures;
import gan4j.data.ToyMixture;
import gan4j.metrics.FrechetReport;
import gan4j.metrics.SampleQuality;
import gan4j.metrics.ModeCoverage;
import gan4j.metrics.SampleClassifier;
import gan4j.nn.features.TinyFrozenGraph;
import gan4j.nn.features.TinyFrozenGraphFixtures;
import gan4j.random.RandomStreams.Purpose;
import gan4j.random.RandomStreams;
import gan4j.run.Checkpoint;
import gan4j.run.CheckpointStore;
import gan4j.testing.ClassifierFixtures;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EvalCommandTest {

    // One short toy run serves every toy test: training is the slow part.
    @TempDir
    static Path shared;
    static Path toyRun;

    @TempDir
    Path dir;

    /** What one command printed and returned. */
    record Result(int exitCode, List<String> out, String err) {
    }

    static Result gan(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = GanCommand.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        int exit = command.execute(args);
        return new Result(exit, Arrays.asList(out.toString().split("\\R")), err.toString());
    }

    @BeforeAll
    static void trainToyRing() throws IOException {
        Path config = shared.resolve("toy.yaml");
        Files.writeString(config, """
                data: {type: toy, mixture: ring, points: 2000, workers: 1}
                model: {architecture: mlp, generator_width: 32, discriminator_width: 32, hidden_layers: 2}
                train: {steps: 20, batch_size: 64}
                output: {sample_every: 10, checkpoint_every: 10}
                """);
        toyRun = shared.resolve("run");
        Result train = gan("train", "-c", config.toString(), "--set", "output.dir=" + toyRun);
        assertEquals(0, train.exitCode(), train.err());
    }

    @Test
    void toyEvalPrintsTheModeCoverageOfTheGeneratorsPoints() {
        Path run = toyRun;

        Result eval = gan("eval", "--checkpoint", run.toString(), "--seed", "3");

        assertEquals(0, eval.exitCode(), eval.err());
        List<String> lines = eval.out();
        assertEquals(4, lines.size(), String.join("\n", lines));
        assertEquals("eval of " + run + " at step 20 (trained weights): 2500 generated points against the ring mixture, seed 3",
                lines.get(0));
        assertTrue(lines.get(1).matches("modes captured: \\d/8"), lines.get(1));
        assertTrue(lines.get(2).matches("high-quality: \\d{1,3}\\.\\d%"), lines.get(2));
        assertTrue(lines.get(3).matches("reverse KL: (\\d+\\.\\d\\d|n/a)"), lines.get(3));
        // The same points, drawn by hand from the same checkpoint and stream, score the same.
        Checkpoint checkpoint = CheckpointStore.read(run);
        List<String> expected = ModeCoverage.measure(
                checkpoint.model().sample(2500, new RandomStreams(3).random(Purpose.EVALUATION, 0, 0)), ToyMixture.RING).lines();
        assertEquals(expected, lines.subList(1, 4));
    }

    @Test
    void toyEvalOfACheckpointFileIsRepeatableAndHonoursCount() {
        Path file = toyRun.resolve("checkpoints/step-000010.ckpt");

        Result first = gan("eval", "--checkpoint", file.toString(), "-n", "300");
        Result second = gan("eval", "--checkpoint", file.toString(), "-n", "300");

        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.out().get(0).contains("at step 10 (trained weights): 300 generated points"), first.out().get(0));
        assertEquals(first.out(), second.out());
    }

    @Test
    void aPathWithoutCheckpointsIsOneSentenceAndExitOne() {
        Result eval = gan("eval", "--checkpoint", dir.resolve("nothing").toString());

        assertEquals(ExitCodes.FAILED, eval.exitCode());
        assertTrue(eval.err().startsWith("error: " + dir.resolve("nothing") + " does not exist"), eval.err());
        assertEquals(1, eval.err().strip().lines().count(), eval.err());
    }

    private Path trainTinyDcgan(Path data, boolean conditional) throws IOException {
        Path config = dir.resolve("dcgan.yaml");
        Files.writeString(config, """
                data: {type: idx, path: %s, workers: 1}
                model: {architecture: dcgan, latent_size: 8, generator_width: 4, discriminator_width: 4,
                        conditional: %s}
                train: {steps: 1, batch_size: 8}
                output: {sample_every: 1, checkpoint_every: 1, samples: 10}
                """.formatted(data, conditional));
        Path run = dir.resolve("run");
        Result train = gan("train", "-c", config.toString(), "--set", "output.dir=" + run);
        assertEquals(0, train.exitCode(), train.err());
        return run;
    }

    /**
     * Files a classifier of the default recipe's network, trained for 3 iterations instead of 1,200, under
     * the default recipe's key: it stands in for the minute-long real training.
     */
    private static Path seedClassifierCache(Path run, Path data) {
        List<String> classNames = CheckpointStore.read(run).model().classNames();
        IdxDataset train = IdxDataset.inDirectory(data, classNames, IdxDataset.ALL);
        Path cacheFile = run.resolve("eval/classifier.zip");
        ClassifierFixtures.seed(cacheFile, train, 3, 8, SampleClassifier.Recipe.DEFAULT.learningRate());
        return cacheFile;
    }

    @Test
    void anUnconditionalIdxCheckpointGetsTheClassifierFeatureFrechetDistance() throws IOException {
        Path data = dir.resolve("idx");
        IdxFixtures.write(data, "train", 40, 10, 1);
        IdxFixtures.write(data, "t10k", 20, 10, 2);
        Path run = trainTinyDcgan(data, false);
        Path cacheFile = seedClassifierCache(run, data);

        Result eval = gan("eval", "--checkpoint", run.toString(), "-n", "25");

        assertEquals(0, eval.exitCode(), eval.err());
        List<String> lines = eval.out();
        assertEquals(15, lines.size(), String.join("\n", lines));
        assertEquals("eval of " + run + " at step 1 (trained weights): 25 generated samples, seed 0", lines.get(0));
        assertEquals("classifier: " + cacheFile + " (" + SampleClassifier.Recipe.DEFAULT.describe() + ")",
                lines.get(1));
        assertTrue(lines.get(2).matches("classifier accuracy on 20 real test images: \\d{1,3}\\.\\d%"), lines.get(2));
        assertFrechetLines(lines.subList(3, 6), 25, 25, 20);
        assertQualityLines(lines.subList(6, 15), "real: all 20 test images (t10k) in " + data + "; generated: 25"
                + " samples (unconditional, latent seed 0); native 28x28 pixels, no resize");
    }

    @Test
    void aModelOfAnImageFolderWithoutFeaturesIsRefusedWithOneSentence() throws IOException {
        Path images = Files.createDirectories(dir.resolve("images"));
        for (int i = 0; i < 4; i++) {
            BufferedImage image = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
            image.getRaster().setSample(i, i, 0, 255);
            ImageIO.write(image, "png", images.resolve("image-" + i + ".png").toFile());
        }
        Path config = dir.resolve("folder.yaml");
        Files.writeString(config, """
                data: {type: folder, path: %s, image_size: 28, channels: 1, workers: 1}
                model: {architecture: dcgan, latent_size: 8, generator_width: 4, discriminator_width: 4}
                train: {steps: 1, batch_size: 4}
                output: {sample_every: 1, checkpoint_every: 1, samples: 4}
                """.formatted(images));
        Path run = dir.resolve("run");
        assertEquals(0, gan("train", "-c", config.toString(), "--set", "output.dir=" + run).exitCode());

        Result eval = gan("eval", "--checkpoint", run.toString());

        assertEquals(ExitCodes.USAGE, eval.exitCode());
        assertEquals("error: " + run + " holds a model trained on data.type folder, which has no classifier and no"
                + " test split to judge it by; add --features FILE (a TensorFlow frozen graph such as"
                + " scripts/export-inception writes) to score it against its training images in that network's"
                + " features.", eval.err().strip());
        assertEquals(List.of(""), eval.out());
    }

    @Test
    void aConditionalIdxCheckpointGetsAPerClassTableFromTheCachedClassifier() throws IOException {
        Path data = dir.resolve("idx");
        IdxFixtures.write(data, "train", 40, 10, 1);
        IdxFixtures.write(data, "t10k", 20, 10, 2);
        Path run = trainTinyDcgan(data, true);
        Path cacheFile = seedClassifierCache(run, data);

        Result eval = gan("eval", "--checkpoint", run.resolve("checkpoints").toString(), "-n", "3");

        assertEquals(0, eval.exitCode(), eval.err());
        List<String> lines = eval.out();
        assertEquals(List.of(
                "eval of " + run.resolve("checkpoints") + " at step 1 (trained weights): 3 generated samples per class, seed 0",
                "classifier: " + cacheFile + " (" + SampleClassifier.Recipe.DEFAULT.describe() + ")",
                "classifier accuracy on 20 real test images and 30 generated ones:",
                "class    real test  generated"), lines.subList(0, 4));
        assertEquals(27, lines.size(), String.join("\n", lines));
        for (int c = 0; c < 10; c++) {
            String row = lines.get(4 + c);
            assertTrue(row.matches(c + " +\\d{1,3}\\.\\d% +\\d{1,3}\\.\\d%"), row);
            assertEquals(lines.get(3).length(), row.length(), "columns line up: " + row);
        }
        assertTrue(lines.get(14).startsWith("overall "), lines.get(14));
        assertFrechetLines(lines.subList(15, 18), 30, 30, 20);
        assertQualityLines(lines.subList(18, 27), "real: all 20 test images (t10k) in " + data + "; generated: 30"
                + " samples (3 per class, latent seed 0)");
    }

    @Test
    void withFeaturesTheSampleQualityIsMeasuredInThatNetworkAndTheProtocolNamesIt() throws Exception {
        Path data = dir.resolve("idx");
        IdxFixtures.write(data, "train", 40, 10, 1);
        IdxFixtures.write(data, "t10k", 20, 10, 2);
        Path run = trainTinyDcgan(data, false);
        seedClassifierCache(run, data);
        Path network = dir.resolve("inception-stand-in.pb");
        TinyFrozenGraph.write(network, TinyFrozenGraphFixtures::seeded);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(network)));

        Result eval = gan("eval", "--checkpoint", run.toString(), "-n", "25", "--features", network.toString());

        assertEquals(0, eval.exitCode(), eval.err());
        List<String> lines = eval.out();
        assertEquals(15, lines.size(), String.join("\n", lines));
        assertEquals(FrechetReport.NETWORK_HEADING, lines.get(3));
        assertTrue(lines.get(4).matches("  25 generated vs 20 real test images: \\d+\\.\\d\\d"), lines.get(4));
        assertEquals("sample quality in " + SampleQuality.NETWORK_SPACE + " (value [95% interval]):", lines.get(6));
        assertTrue(lines.get(7).matches("  Frechet distance +\\d+\\.\\d+ \\[.*\\]"), lines.get(7));
        assertTrue(lines.get(14).contains("; native 28x28 pixels; features: network inception-stand-in.pb (sha256 "
                + sha.substring(0, 12) + "), input 'images' 28x28x3, output 'features'; resize: bilinear"),
                lines.get(14));
        assertTrue(lines.get(14).contains("pixels mapped to [-1,1]; grey samples repeated to 3 channels; 32-d"
                + " features"), lines.get(14));
    }

    @Test
    void aFeaturesFileThatIsNotAGraphIsOneSentenceAndExitTwo() throws IOException {
        Path data = dir.resolve("idx");
        IdxFixtures.write(data, "train", 40, 10, 1);
        IdxFixtures.write(data, "t10k", 20, 10, 2);
        Path run = trainTinyDcgan(data, false);
        Path notAGraph = Files.write(dir.resolve("inception.pb"), new byte[] {(byte) 0xff, 0x00, 0x13, 0x37});

        Result eval = gan("eval", "--checkpoint", run.toString(), "--features", notAGraph.toString());

        assertEquals(ExitCodes.USAGE, eval.exitCode());
        assertEquals("error: --features " + notAGraph + " is not a TensorFlow frozen graph (it does not parse as a"
                + " GraphDef protobuf); give a GraphDef .pb file such as scripts/export-inception writes.",
                eval.err().strip());
        assertFalse(Files.exists(run.resolve("eval/classifier.zip")), "the classifier is not trained for nothing");
    }

    private static void assertQualityLines(List<String> lines, String protocolStart) {
        assertEquals("sample quality in classifier features (value [95% interval]):", lines.get(0));
        String interval = " \\d+\\.\\d+ \\[\\d+\\.\\d+, \\d+\\.\\d+\\]";
        for (int i = 1; i < 8; i++) {
            assertTrue(lines.get(i).matches("  [a-zA-Z ()]+" + interval + ".*"), lines.get(i));
        }
        assertTrue(lines.get(2).matches("  KID +-?\\d+\\.\\d{5} \\[.*\\]  \\(std over subsets \\d+\\.\\d{5},"
                + " standard error \\d+\\.\\d{5}\\)"), lines.get(2));
        assertTrue(lines.get(8).startsWith("  protocol: " + protocolStart), lines.get(8));
    }

    private static void assertFrechetLines(List<String> lines, int generated, int train, int test) {
        assertEquals("classifier-feature Frechet distance (dataset-specific; NOT comparable to Inception FID):",
                lines.get(0));
        assertTrue(lines.get(1).matches("  " + generated + " generated vs " + test
                + " real test images: \\d+\\.\\d\\d"), lines.get(1));
        assertTrue(lines.get(2).matches("  " + train + " real training vs " + test
                + " real test images: \\d+\\.\\d\\d \\(the floor\\)"), lines.get(2));
    }

    @Test
    void aConditionalRunWithoutTestFilesNamesThemBeforeTraining() throws IOException {
        Path data = dir.resolve("idx");
        IdxFixtures.write(data, "train", 40, 10, 1);
        Path run = trainTinyDcgan(data, true);

        Result eval = gan("eval", "--checkpoint", run.toString());

        assertEquals(ExitCodes.FAILED, eval.exitCode());
        assertTrue(eval.err().startsWith("error: found neither t10k-images-idx3-ubyte nor t10k-images-idx3-ubyte.gz in "
                + data), eval.err());
        assertFalse(Files.exists(run.resolve("eval")), "no classifier is trained when the test split is missing");
    }
}
