package gan4j.testing;

import gan4j.data.IdxDataset;
import gan4j.metrics.ClassifierCache;
import gan4j.metrics.SampleClassifier;
import java.nio.file.Path;

/** Stand-ins for the run's classifier, so that tests of evaluation pay seconds instead of its minute of training. */
public final class ClassifierFixtures {

    private ClassifierFixtures() {
    }

    /**
     * Files in {@code cacheFile} a classifier of the default recipe's network trained on {@code train}
     * for {@code iterations} batches of {@code batchSize} at {@code learningRate}, under the default
     * recipe's key: what a run or {@code gan eval} then loads as its classifier.
     */
    public static void seed(Path cacheFile, IdxDataset train, int iterations, int batchSize, double learningRate) {
        SampleClassifier.Recipe standIn = new SampleClassifier.Recipe(SampleClassifier.Recipe.DEFAULT.width(),
                iterations, batchSize, learningRate, SampleClassifier.Recipe.DEFAULT.seed());
        new ClassifierCache(cacheFile).store(SampleClassifier.train(train, standIn, done -> { }),
                ClassifierCache.key(train, SampleClassifier.Recipe.DEFAULT));
    }
}
