package gan4j.metrics;

import gan4j.data.DataException;
import gan4j.data.IdxDataset;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Scores generators of an IDX dataset (Fashion-MNIST, MNIST) with a classifier trained on its real
 * training files (or taken from the cache) and checked on its {@code t10k} test files: class accuracy
 * of conditional samples, and a Fréchet distance and the other sample-quality metrics in the
 * classifier's features, or in those of a network the user supplies (Inception for standard FID).
 */
public final class IdxEvaluation {

    private static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    private static final String TEST_LABELS = "t10k-labels-idx1-ubyte";

    private final IdxDataset train;
    private final IdxDataset test;
    private final SampleClassifier classifier;
    /** Where Fréchet distance, KID, precision/recall and density/coverage are measured. */
    private final Optional<FeatureExtractor> network;
    private final ClassAccuracy realTest;
    private final double[][] testFeatureRows;
    private final FeatureStatistics testFeatures;
    private final Path dataDirectory;

    private IdxEvaluation(IdxDataset train, IdxDataset test, SampleClassifier classifier,
                          Optional<FeatureExtractor> network, Path dataDirectory) {
        this.train = train;
        this.test = test;
        this.classifier = classifier;
        this.network = network;
        this.dataDirectory = dataDirectory;
        this.realTest = classifier.accuracy(test);
        this.testFeatureRows = space().features(SampleClassifier.images(test, evenlySpaced(test.size(),
                test.size()))).toDoubleMatrix();
        this.testFeatures = FeatureStatistics.of(testFeatureRows);
    }

    /**
     * Opens the training and test files in {@code dataDirectory} and obtains the classifier from
     * {@code cache}, training it first if needed; progress goes to {@code log}. The sample-quality
     * metrics are measured in {@code network}'s features if present, else in the classifier's.
     */
    public static IdxEvaluation prepare(Path dataDirectory, List<String> classNames, ClassifierCache cache,
                                        SampleClassifier.Recipe recipe, Optional<FeatureExtractor> network,
                                        PrintWriter log) {
        // The test files are looked up first: a missing test split should fail before minutes of training.
        Path testImages = find(dataDirectory, TEST_IMAGES);
        Path testLabels = find(dataDirectory, TEST_LABELS);
        IdxDataset train = IdxDataset.inDirectory(dataDirectory, classNames, IdxDataset.ALL);
        SampleClassifier classifier = cache.obtain(train, recipe, log);
        return new IdxEvaluation(train, IdxDataset.open(testImages, testLabels, classNames, IdxDataset.ALL),
                classifier, network, dataDirectory);
    }

    private FeatureExtractor space() {
        return network.orElse(classifier);
    }

    /** The features the sample-quality metrics compare {@code samples} in: the user's network's, or the classifier's. */
    INDArray features(INDArray samples) {
        return space().features(samples);
    }

    /**
     * Fails, naming what is missing, unless {@code dataDirectory} holds the test split beside the
     * training files: checked when a run starts, not after its first few thousand steps.
     */
    public static void requireTestSplit(Path dataDirectory) {
        find(dataDirectory, TEST_IMAGES);
        find(dataDirectory, TEST_LABELS);
    }

    SampleClassifier classifier() {
        return classifier;
    }

    /** The classifier's features of every real test image, one row each. */
    double[][] testFeatureRows() {
        return testFeatureRows;
    }

    /** The classifier's accuracy on the real test images. */
    public ClassAccuracy realTest() {
        return realTest;
    }

    /**
     * Report lines for a conditional generator: its class accuracy per class next to the real test
     * accuracy, then the Fréchet distance of all its samples and the other sample-quality metrics,
     * whose intervals draw from {@code seed}.
     */
    public List<String> conditional(ClassConditionalAccuracy.ClassSampler generator, int perClass, long seed) {
        List<INDArray> features = new ArrayList<>();
        List<int[]> predicted = new ArrayList<>();
        ClassAccuracy generated = ClassConditionalAccuracy.measure((label, count) -> {
            INDArray samples = generator.sample(label, count);
            features.add(space().features(samples));
            predicted.add(classifier.predict(samples));
            return samples;
        }, classifier, perClass);
        INDArray all = Nd4j.concat(0, features.toArray(INDArray[]::new));
        List<String> lines = new ArrayList<>(new ClassConditionalReport(realTest, generated).lines());
        lines.addAll(frechet(all).lines());
        lines.addAll(quality(all, predicted.stream().flatMapToInt(java.util.Arrays::stream).toArray(),
                perClass + " per class", seed).lines());
        return lines;
    }

    /**
     * Report lines for an unconditional generator: the classifier's real test accuracy, then the
     * Fréchet distance of {@code count} samples and the other sample-quality metrics, whose
     * intervals draw from {@code seed}.
     */
    public List<String> unconditional(IntFunction<INDArray> generator, int count, long seed) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "classifier accuracy on %d real test images: %.1f%%",
                test.size(), 100 * realTest.overall()));
        INDArray samples = generator.apply(count);
        INDArray features = space().features(samples);
        lines.addAll(frechet(features).lines());
        lines.addAll(quality(features, classifier.predict(samples), "unconditional", seed).lines());
        return lines;
    }

    /** The sample-quality metrics of generated features against all real test images' features. */
    SampleQuality quality(INDArray generatedFeatures, int[] predicted, String sampling, long seed) {
        long[] shape = test.sampleShape();
        String protocol = String.format(Locale.ROOT, "real: all %d test images (t10k) in %s; generated: %d samples"
                + " (%s, latent seed %d); native %dx%d pixels%s", test.size(), dataDirectory,
                generatedFeatures.size(0), sampling, seed, shape[1], shape[2], network.map(n -> "; features: "
                        + n.describe()).orElse(", no resize; features: the classifier's penultimate layer"));
        return SampleQuality.measure(testFeatureRows, generatedFeatures.toDoubleMatrix(), predicted,
                classifier.classNames().size(), seed, network.isPresent() ? SampleQuality.NETWORK_SPACE
                        : SampleQuality.CLASSIFIER_SPACE, protocol);
    }

    /** Fréchet distance of generated features to the test set's, with the floor of as many real training images. */
    FrechetReport frechet(INDArray generatedFeatures) {
        int n = (int) generatedFeatures.size(0);
        int trainCount = Math.min(n, train.size());
        FeatureStatistics trainFeatures = FeatureStatistics.of(space().features(
                SampleClassifier.images(train, evenlySpaced(train.size(), trainCount))));
        return new FrechetReport(network.isPresent() ? FrechetReport.NETWORK_HEADING : FrechetReport.CLASSIFIER_HEADING,
                FrechetDistance.between(FeatureStatistics.of(generatedFeatures), testFeatures), n,
                FrechetDistance.between(trainFeatures, testFeatures), trainCount, test.size());
    }

    /** {@code count} indices spread evenly over {@code 0..size-1}: a sample of a dataset that spans all of it. */
    static int[] evenlySpaced(int size, int count) {
        int[] indices = new int[count];
        for (int i = 0; i < count; i++) {
            indices[i] = (int) ((long) i * size / count);
        }
        return indices;
    }

    private static Path find(Path directory, String baseName) {
        for (String name : List.of(baseName, baseName + ".gz")) {
            Path candidate = directory.resolve(name);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new DataException("found neither " + baseName + " nor " + baseName + ".gz in " + directory
                + "; gan eval needs the test split next to the training files (for Fashion-MNIST,"
                + " apt-get install dataset-fashion-mnist puts both in /usr/share/datasets/fashion-mnist).");
    }
}
