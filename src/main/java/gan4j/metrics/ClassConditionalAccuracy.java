package gan4j.metrics;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Whether a conditional generator draws the class it is asked for: a classifier trained on real
 * data labels samples generated for each class, and the share it labels as the requested class is
 * that class's accuracy (the "classification accuracy" score of conditional GAN papers).
 */
public final class ClassConditionalAccuracy {

    /** Draws {@code count} samples of class {@code label}, [count, channels, height, width] in [-1, 1]. */
    @FunctionalInterface
    public interface ClassSampler {
        INDArray sample(int label, int count);
    }

    private ClassConditionalAccuracy() {
    }

    /** Asks {@code sampler} for {@code perClass} samples of each of the classifier's classes. */
    public static ClassAccuracy measure(ClassSampler sampler, SampleClassifier classifier, int perClass) {
        if (perClass < 1) {
            throw new IllegalArgumentException("need at least one sample per class, got " + perClass);
        }
        int classes = classifier.classNames().size();
        int[] correct = new int[classes];
        int[] total = new int[classes];
        for (int label = 0; label < classes; label++) {
            INDArray samples = sampler.sample(label, perClass);
            if (samples.size(0) != perClass) {
                throw new IllegalStateException("asked for " + perClass + " samples of class " + label + ", got "
                        + Arrays.toString(samples.shape()));
            }
            int expected = label;
            correct[label] = (int) Arrays.stream(classifier.predict(samples)).filter(p -> p == expected).count();
            total[label] = perClass;
        }
        return new ClassAccuracy(classifier.classNames(), correct, total);
    }
}
