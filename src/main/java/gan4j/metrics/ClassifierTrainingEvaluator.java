package gan4j.metrics;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Scores an IDX dataset's generator during training against its whole t10k test split, in the
 * features of the run's classifier (the one {@code gan eval} uses, trained at the first evaluation
 * and cached) or of a user's network, then the entropy of the classes the classifier sees.
 */
public final class ClassifierTrainingEvaluator implements TrainingEvaluator {

    private final Path dataDirectory;
    private final List<String> classNames;
    private final ClassifierCache cache;
    private final Optional<FeatureExtractor> network;
    private final PrintWriter log;
    private IdxEvaluation evaluation;
    private RealFeatures real;

    /** Checks that {@code dataDirectory} has its test split now; the classifier is obtained at the first evaluation. */
    public ClassifierTrainingEvaluator(Path dataDirectory, List<String> classNames, ClassifierCache cache,
                                       Optional<FeatureExtractor> network, PrintWriter log) {
        IdxEvaluation.requireTestSplit(dataDirectory);
        this.dataDirectory = dataDirectory;
        this.classNames = List.copyOf(classNames);
        this.cache = cache;
        this.network = network;
        this.log = log;
    }

    @Override
    public List<String> columns() {
        List<String> columns = new ArrayList<>(RealFeatures.COLUMNS);
        columns.add("class_entropy");
        return columns;
    }

    @Override
    public double[] evaluate(INDArray samples, long seed) {
        if (evaluation == null) {
            evaluation = IdxEvaluation.prepare(dataDirectory, classNames, cache, SampleClassifier.Recipe.DEFAULT,
                    network, log);
            real = new RealFeatures(evaluation.testFeatureRows());
        }
        double[] figures = real.measure(evaluation.features(samples).toDoubleMatrix(), seed);
        double[] all = java.util.Arrays.copyOf(figures, figures.length + 1);
        all[figures.length] = ClassEntropy.entropy(ClassEntropy.histogram(evaluation.classifier().predict(samples),
                classNames.size()));
        return all;
    }

    @Override
    public OptionalDouble classBalance(double[] figures) {
        return OptionalDouble.of(figures[columns().indexOf("class_entropy")] / Math.log(classNames.size()));
    }

    @Override
    public String protocol(int samples) {
        return String.format(Locale.ROOT, "%d generated samples against the t10k test split in %s, in the features"
                + " of %s, native size: Frechet distance to all test images; %s; class entropy in nats (uniform"
                + " %.3f)", samples, dataDirectory, network.map(FeatureExtractor::describe)
                .orElse("the run's classifier (eval/classifier.zip)"), RealFeatures.protocol(),
                Math.log(classNames.size()));
    }
}
