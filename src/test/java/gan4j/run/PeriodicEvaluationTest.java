package gan4j.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import gan4j.data.IdxDataset;
import gan4j.testing.ClassifierFixtures;
import gan4j.testing.TinyRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eval}: figures in eval.csv at each interval, the best state kept, and both survive a resume. */
class PeriodicEvaluationTest {

    private static Path toyConfig(Path dir, int steps) throws Exception {
        Path file = dir.resolve("toy-eval.yaml");
        Files.writeString(file, """
                seed: 5
                data: {type: toy, mixture: ring, points: 2000, workers: 1}
                model: {architecture: mlp, generator_width: 32, discriminator_width: 32, hidden_layers: 2}
                train: {steps: %d, batch_size: 64}
                output: {dir: %s, sample_every: 20, checkpoint_every: 20, log_every: 10}
                eval: {every: 20, samples: 500}
                """.formatted(steps, dir.resolve("run")));
        return file;
    }

    private static List<String[]> rows(Path run) throws Exception {
        return Files.readAllLines(run.resolve("eval.csv")).stream().map(line -> line.split(",", -1)).toList();
    }

    @Test
    void everyIntervalIsScoredAndTheLowestPrimaryFigureIsKeptAsBestCkpt(@TempDir Path dir) throws Exception {
        TinyRuns.Result run = TinyRuns.gan("train", "-c", toyConfig(dir, 60).toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String[]> rows = rows(dir.resolve("run"));
        assertEquals(List.of("step", "mmd", "frechet", "modes", "high_quality", "reverse_kl", "seconds"),
                List.of(rows.get(0)));
        assertEquals(List.of("20", "40", "60"), rows.stream().skip(1).map(r -> r[0]).toList());
        String[] best = rows.stream().skip(1).min((a, b) -> Double.compare(Double.parseDouble(a[1]),
                Double.parseDouble(b[1]))).orElseThrow();
        Checkpoint kept = CheckpointStore.read(dir.resolve("run/checkpoints/" + CheckpointStore.BEST));
        assertEquals(Long.parseLong(best[0]), kept.state().step());
        assertTrue(run.out().contains("eval at step 40: mmd "), run.out());
        assertTrue(run.out().contains("step 40/60") && run.out().lines().filter(l -> l.startsWith("step 40/60"))
                .allMatch(l -> l.contains("(best ")), "the progress line shows the latest evaluation:\n" + run.out());
        assertEquals(List.of(20L, 40L, 60L), new CheckpointStore(dir.resolve("run/checkpoints"), 10).list().stream()
                .map(p -> CheckpointStore.read(p).state().step()).toList(), "best.ckpt is not one of the step checkpoints");
        TinyRuns.Result scored = TinyRuns.gan("eval", "--checkpoint", dir.resolve("run/checkpoints/best.ckpt")
                .toString());
        assertEquals(0, scored.exitCode(), scored.err());
        assertTrue(scored.out().contains("at step " + best[0]), scored.out());
    }

    @Test
    void aResumedRunScoresAsTheUninterruptedOneAndKeepsTheRowsBeforeItsCheckpoint(@TempDir Path straight,
                                                                                  @TempDir Path halves)
            throws Exception {
        assertEquals(0, TinyRuns.gan("train", "-c", toyConfig(straight, 60).toString()).exitCode());
        Path b = toyConfig(halves, 40);
        assertEquals(0, TinyRuns.gan("train", "-c", b.toString()).exitCode());
        // A row the killed process wrote past its last checkpoint, and a torn one: both must go.
        Files.writeString(halves.resolve("run/eval.csv"), "50,1,2,3,4,5,0.1\n51,1,2", java.nio.file.StandardOpenOption.APPEND);
        TinyRuns.Result resumed = TinyRuns.gan("train", "-c", b.toString(), "--resume", "--set", "train.steps=60");
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertArrayEquals(withoutSeconds(rows(straight.resolve("run"))), withoutSeconds(rows(halves.resolve("run"))));
        assertEquals(CheckpointStore.read(straight.resolve("run/checkpoints/best.ckpt")).state().step(),
                CheckpointStore.read(halves.resolve("run/checkpoints/best.ckpt")).state().step());
    }

    private static String[] withoutSeconds(List<String[]> rows) {
        return rows.stream().map(r -> String.join(",", Arrays.copyOf(r, r.length - 1))).toArray(String[]::new);
    }

    /**
     * An IDX run scored in its classifier's features. The classifier is put in the run's cache
     * beforehand, trained briefly at the default recipe's width, so the test pays seconds, not the
     * minute the default recipe takes.
     */
    @Test
    void anIdxRunIsScoredInItsClassifiersFeatures(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isDirectory(TinyRuns.FASHION_MNIST), "needs dataset-fashion-mnist");
        IdxDataset train = IdxDataset.inDirectory(TinyRuns.FASHION_MNIST, IdxDataset.ALL);
        ClassifierFixtures.seed(dir.resolve("run/eval/classifier.zip"), train, 60, 32, 2e-3);
        TinyRuns.Result run = TinyRuns.gan("train", "-c", TinyRuns.dcganConfig(dir, "eval: {every: 3, samples: 300}")
                .toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("classifier: " + dir.resolve("run/eval/classifier.zip")), run.out());
        List<String[]> rows = rows(dir.resolve("run"));
        assertEquals(List.of("step", "frechet", "kid", "kid_se", "precision", "recall", "density", "coverage",
                "diversity", "class_entropy", "seconds"), List.of(rows.get(0)));
        assertEquals(3, rows.size(), "steps 3 and 6");
        for (String[] row : rows.subList(1, rows.size())) {
            double[] v = Arrays.stream(row).mapToDouble(Double::parseDouble).toArray();
            assertTrue(v[1] > 0, "a 6-step generator is far from the data");
            assertTrue(v[3] > 0, "KID has a standard error over its subsets");
            for (int unit = 4; unit <= 5; unit++) {
                assertTrue(v[unit] >= 0 && v[unit] <= 1, "precision and recall are shares");
            }
            assertTrue(v[8] > 0 && v[8] < 3, "spread over the real images' spread: " + v[8]);
            assertTrue(v[9] >= 0 && v[9] <= Math.log(10) + 1e-9, "entropy of 10 classes");
        }
        assertTrue(Files.isRegularFile(dir.resolve("run/checkpoints/best.ckpt")));
    }

    /**
     * An image folder has no classifier: it is scored in a user's frozen graph against its own images,
     * while training and by {@code gan eval}.
     */
    @Test
    void anImageFolderIsScoredInAUsersFeatureNetworkAgainstItsOwnImages(@TempDir Path dir) throws Exception {
        Path images = Files.createDirectories(dir.resolve("images"));
        for (int i = 0; i < 24; i++) {
            gan4j.data.TestImages.writeNoise(images.resolve("img" + i + ".png"), 40, 36, i);
        }
        Path graph = dir.resolve("features.pb");
        gan4j.nn.features.TinyFrozenGraph.write(graph, gan4j.nn.features.TinyFrozenGraphFixtures::seeded);
        Path config = dir.resolve("folder.yaml");
        Files.writeString(config, """
                seed: 3
                data: {type: folder, path: %s, image_size: 32, channels: 3, workers: 1}
                model: {architecture: dcgan, latent_size: 8, generator_width: 8, discriminator_width: 8}
                train: {steps: 4, batch_size: 8}
                output: {dir: %s, sample_every: 2, checkpoint_every: 2, log_every: 2, samples: 4}
                eval: {every: 2, samples: 40, features: %s}
                """.formatted(images, dir.resolve("run"), graph));
        TinyRuns.Result run = TinyRuns.gan("train", "-c", config.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("against 24 evenly spaced training images"), run.out());
        List<String[]> rows = rows(dir.resolve("run"));
        assertEquals(List.of("step", "frechet", "kid", "kid_se", "precision", "recall", "density", "coverage",
                "diversity", "seconds"), List.of(rows.get(0)));
        assertEquals(List.of("2", "4"), rows.stream().skip(1).map(r -> r[0]).toList());
        assertTrue(Double.parseDouble(rows.get(1)[1]) > 0, "4 steps of G are far from the images");
        assertTrue(Files.isRegularFile(dir.resolve("run/checkpoints/best.ckpt")));

        TinyRuns.Result scored = TinyRuns.gan("eval", "--checkpoint", dir.resolve("run").toString(), "-n", "30",
                "--features", graph.toString());
        assertEquals(0, scored.exitCode(), scored.err());
        assertTrue(scored.out().contains("real: 24 evenly spaced training images") && scored.out().contains(
                "Frechet distance") && !scored.out().contains("class entropy"), scored.out());
        TinyRuns.Result unscored = TinyRuns.gan("eval", "--checkpoint", dir.resolve("run").toString());
        assertEquals(2, unscored.exitCode());
        assertTrue(unscored.err().contains("add --features FILE"), unscored.err());

        Path notAGraph = Files.writeString(dir.resolve("bad.pb"), "no protobuf");
        TinyRuns.Result refused = TinyRuns.gan("train", "-c", config.toString(), "--set",
                "output.dir=" + dir.resolve("run2"), "--set", "eval.features=" + notAGraph);
        assertEquals(2, refused.exitCode(), refused.out());
        assertEquals(1, refused.err().strip().lines().count(), refused.err());
        assertTrue(Files.notExists(dir.resolve("run2/metrics.csv")), "refused before training");
    }
}
