package gan4j.metrics;

import gan4j.data.DataException;
import gan4j.data.IdxDataset;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The class-accuracy evaluation of a conditional model trained on an IDX folder: a classifier
 * trained on the folder's training files (or taken from the cache), checked on its {@code t10k}
 * test files, then run on generated samples of every class.
 */
public final class ClassConditionalEvaluation {

    private static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    private static final String TEST_LABELS = "t10k-labels-idx1-ubyte";

    private final Path dataDirectory;
    private final List<String> classNames;
    private final ClassifierCache cache;
    private final SampleClassifier.Recipe recipe;

    public ClassConditionalEvaluation(Path dataDirectory, List<String> classNames, ClassifierCache cache,
                                      SampleClassifier.Recipe recipe) {
        this.dataDirectory = dataDirectory;
        this.classNames = List.copyOf(classNames);
        this.cache = cache;
        this.recipe = recipe;
    }

    /** Scores {@code perClass} samples of each class; progress and the classifier's provenance go to {@code log}. */
    public ClassConditionalReport run(ClassConditionalAccuracy.ClassSampler generator, int perClass, PrintWriter log) {
        // The test files are looked up first: a missing test split should fail before minutes of training.
        Path testImages = find(TEST_IMAGES);
        Path testLabels = find(TEST_LABELS);
        SampleClassifier classifier = cache.obtain(IdxDataset.inDirectory(dataDirectory, classNames, IdxDataset.ALL),
                recipe, log);
        IdxDataset test = IdxDataset.open(testImages, testLabels, classNames, IdxDataset.ALL);
        ClassAccuracy realTest = classifier.accuracy(test);
        ClassAccuracy generated = ClassConditionalAccuracy.measure(generator, classifier, perClass);
        return new ClassConditionalReport(realTest, generated);
    }

    private Path find(String baseName) {
        for (String name : List.of(baseName, baseName + ".gz")) {
            Path candidate = dataDirectory.resolve(name);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new DataException("found neither " + baseName + " nor " + baseName + ".gz in " + dataDirectory
                + "; class accuracy needs the test split next to the training files (for Fashion-MNIST,"
                + " apt-get install dataset-fashion-mnist puts both in /usr/share/datasets/fashion-mnist).");
    }
}
