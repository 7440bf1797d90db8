package gan4j.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import gan4j.data.Dataset;
import gan4j.data.IdxDataset;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The evaluation classifier and what is built on it, on real Fashion-MNIST with a short training run. */
class FashionMnistClassifierTest {

    private static final Path FASHION = Path.of("/usr/share/datasets/fashion-mnist");
    // 150 batches of 32 through a half-width network: about 3 s of one core, 78% on the whole test set.
    private static final SampleClassifier.Recipe SHORT = new SampleClassifier.Recipe(8, 150, 32, 2e-3, 1);

    // Training once for the whole class keeps it to seconds.
    static IdxDataset train;
    static IdxDataset test;
    static SampleClassifier classifier;

    @TempDir
    Path dir;

    @BeforeAll
    static void trainOnAFewThousandImages() {
        assumeTrue(Files.isRegularFile(FASHION.resolve("t10k-images-idx3-ubyte.gz")),
                "Fashion-MNIST is not installed (apt-get install dataset-fashion-mnist)");
        train = fashion("train", 3_000);
        test = fashion("t10k", 1_000);
        classifier = SampleClassifier.train(train, SHORT, done -> { });
    }

    private static IdxDataset fashion(String split, int limit) {
        return IdxDataset.open(FASHION.resolve(split + "-images-idx3-ubyte.gz"),
                FASHION.resolve(split + "-labels-idx1-ubyte.gz"), IdxDataset.FASHION_MNIST_CLASSES, limit);
    }

    @Test
    void aShortTrainingClassifiesRealTestImagesSanely() {
        ClassAccuracy accuracy = classifier.accuracy(test);

        assertEquals(1_000, Arrays.stream(accuracy.total()).sum());
        assertTrue(accuracy.overall() > 0.70, "test accuracy " + accuracy.overall());
        assertEquals(IdxDataset.FASHION_MNIST_CLASSES, accuracy.classNames());
    }

    @Test
    void aGeneratorThatReturnsRealTestImagesOfEachClassScoresLikeTheTestSet() {
        int perClass = 40;
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < 10; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < test.size(); i++) {
            byClass.get(test.label(i)).add(i);
        }

        ClassAccuracy generated = ClassConditionalAccuracy.measure(
                (label, count) -> images(test, byClass.get(label).subList(0, count)), classifier, perClass);

        assertArrayEquals(new int[] {40, 40, 40, 40, 40, 40, 40, 40, 40, 40}, generated.total());
        assertTrue(generated.overall() > 0.70, "accuracy on real images posing as generated " + generated.overall());
        for (int c = 0; c < 10; c++) {
            int[] predicted = classifier.predict(images(test, byClass.get(c).subList(0, perClass)));
            int label = c;
            assertEquals(Arrays.stream(predicted).filter(p -> p == label).count(), generated.correct()[c],
                    "class " + c + " counts the same predictions as the classifier makes directly");
        }
    }

    @Test
    void featuresAreThePenultimateLayerOneRowPerImage() {
        INDArray features = classifier.features(images(test, List.of(0, 1, 2)));

        assertArrayEquals(new long[] {3, 8 * SHORT.width()}, features.shape());
    }

    @Test
    void aSamplerThatReturnsTheWrongCountIsABug() {
        assertThrows(IllegalStateException.class, () -> ClassConditionalAccuracy.measure(
                (label, count) -> images(test, List.of(0)), classifier, 2));
    }

    @Test
    void theCacheGivesBackTheSameClassifierForTheSameKeyOnly() throws IOException {
        ClassifierCache cache = new ClassifierCache(dir.resolve("eval/classifier.zip"));
        String key = ClassifierCache.key(train, SHORT);
        cache.store(classifier, key);

        Optional<SampleClassifier> loaded = cache.load(train, SHORT);
        INDArray batch = images(test, List.of(0, 1, 2, 3, 4, 5, 6, 7));
        assertTrue(loaded.isPresent());
        assertArrayEquals(classifier.predict(batch), loaded.get().predict(batch));
        assertEquals(classifier.classNames(), loaded.get().classNames());
        assertTrue(cache.load(test, SHORT).isEmpty(), "other data, other classifier");

        StringWriter log = new StringWriter();
        SampleClassifier obtained = cache.obtain(train, SHORT, new PrintWriter(log, true));
        assertArrayEquals(classifier.predict(batch), obtained.predict(batch));
        assertEquals("classifier: " + cache.file() + " (" + SHORT.describe() + ")", log.toString().strip());

        Files.writeString(cache.file(), "not a zip");
        assertTrue(cache.load(train, SHORT).isEmpty(), "a damaged cache is rebuilt, not an error");
    }

    /** An evaluation whose cached classifier is the one this class trained, so nothing trains again. */
    private IdxEvaluation evaluationWithTheTrainedClassifier(IdxDataset full) {
        ClassifierCache cache = new ClassifierCache(dir.resolve("classifier.zip"));
        cache.store(classifier, ClassifierCache.key(full, SHORT));
        return IdxEvaluation.prepare(FASHION, IdxDataset.FASHION_MNIST_CLASSES, cache, SHORT, Optional.empty(),
                new PrintWriter(new StringWriter()));
    }

    /** 2,000 training images spread over the set, standing in for a generator's samples. */
    private static int[] otherTrainingImages() {
        int[] indices = new int[2_000];
        Arrays.setAll(indices, i -> 1 + 29 * i);
        return indices;
    }

    @Test
    void realImagesPosingAsAGeneratorSitAtTheFrechetFloorAndNoiseFarAbove() {
        IdxDataset full = IdxDataset.inDirectory(FASHION, IdxDataset.FASHION_MNIST_CLASSES, IdxDataset.ALL);
        IdxEvaluation evaluation = evaluationWithTheTrainedClassifier(full);
        int[] otherImages = otherTrainingImages();

        FrechetReport real = evaluation.frechet(classifier.features(SampleClassifier.images(full, otherImages)));
        FrechetReport noise = evaluation.frechet(classifier.features(
                Nd4j.rand(DataType.FLOAT, 2_000, 1, 28, 28).muli(2).subi(1)));

        assertEquals(10_000, Arrays.stream(evaluation.realTest().total()).sum(), "the whole test split");
        assertEquals(2_000, real.generated());
        assertEquals(2_000, real.train());
        assertEquals(real.trainVsTest(), noise.trainVsTest(), 1e-9, "the floor depends on the sample size only");
        // Two sets of 2,000 real images differ by sampling noise alone, which is what the floor measures.
        assertTrue(real.generatedVsTest() < 3 * real.trainVsTest(),
                "real images " + real.generatedVsTest() + " vs floor " + real.trainVsTest());
        assertTrue(noise.generatedVsTest() > 30 * real.trainVsTest(),
                "noise " + noise.generatedVsTest() + " vs floor " + real.trainVsTest());
    }

    @Test
    void realImagesScoreHighPrecisionRecallAndEntropyAndNoiseScoresNone() {
        IdxDataset full = IdxDataset.inDirectory(FASHION, IdxDataset.FASHION_MNIST_CLASSES, IdxDataset.ALL);
        IdxEvaluation evaluation = evaluationWithTheTrainedClassifier(full);
        int[] otherImages = otherTrainingImages();
        INDArray realImages = SampleClassifier.images(full, otherImages);
        INDArray noiseImages = Nd4j.rand(DataType.FLOAT, 2_000, 1, 28, 28).muli(2).subi(1);

        SampleQuality real = evaluation.quality(classifier.features(realImages), classifier.predict(realImages),
                "real training images", 1);
        SampleQuality noise = evaluation.quality(classifier.features(noiseImages), classifier.predict(noiseImages),
                "uniform noise", 1);

        String both = real.lines() + "\n" + noise.lines();
        assertTrue(real.manifold().precision().value() > 0.6 && real.manifold().recall().value() > 0.6, both);
        assertTrue(real.manifold().coverage().value() > 0.5, both);
        assertEquals(1, real.manifold().density().value(), 0.3, both);
        assertTrue(real.kid().mean() < 3 * real.kid().std(), "real images: KID within its noise of 0; " + both);
        assertTrue(real.classes().orElseThrow().entropy().value() > 0.95 * Math.log(10), both);
        assertTrue(noise.manifold().precision().value() < 0.2 && noise.manifold().coverage().value() < 0.05, both);
        assertTrue(noise.manifold().recall().value() < 0.05 && noise.manifold().density().value() < 0.1, both);
        assertTrue(noise.kid().mean() > 10 * real.kid().std(), both);
        assertTrue(noise.classes().orElseThrow().entropy().value() < real.classes().orElseThrow().entropy().low(), both);
    }

    private static INDArray images(Dataset data, List<Integer> indices) {
        return SampleClassifier.images(data, indices.stream().mapToInt(Integer::intValue).toArray());
    }
}
