package gan4j.metrics;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Scores an IDX dataset's generator during training in the features of the run's classifier (the
 * one {@code gan eval} uses, trained at the first evaluation and cached): Fréchet distance to the
 * whole test split, KID over {@link #KID_SUBSETS} subsets, precision, recall, density and coverage
 * against every other test image, and the entropy of the classes it sees.
 */
public final class ClassifierTrainingEvaluator implements TrainingEvaluator {

    /** A tenth of {@code gan eval}'s subsets: the standard error doubles, the cost drops from seconds to tenths. */
    static final int KID_SUBSETS = 10;
    /** Every other test image: the nearest-neighbour metrics cost grows with real times generated samples. */
    static final int MANIFOLD_STRIDE = 2;

    private final Path dataDirectory;
    private final List<String> classNames;
    private final ClassifierCache cache;
    private final PrintWriter log;
    private IdxEvaluation evaluation;
    private ManifoldMetrics.Reference manifold;

    /** Checks that {@code dataDirectory} has its test split now; the classifier is obtained at the first evaluation. */
    public ClassifierTrainingEvaluator(Path dataDirectory, List<String> classNames, ClassifierCache cache,
                                       PrintWriter log) {
        IdxEvaluation.requireTestSplit(dataDirectory);
        this.dataDirectory = dataDirectory;
        this.classNames = List.copyOf(classNames);
        this.cache = cache;
        this.log = log;
    }

    @Override
    public List<String> columns() {
        return List.of("frechet", "kid", "kid_se", "precision", "recall", "density", "coverage", "class_entropy");
    }

    @Override
    public double[] evaluate(INDArray samples, long seed) {
        prepare();
        SampleClassifier classifier = evaluation.classifier();
        double[][] generated = classifier.features(samples).toDoubleMatrix();
        double frechet = FrechetDistance.between(evaluation.testFeatures(), FeatureStatistics.of(generated));
        KernelDistance kid = KernelDistance.measure(evaluation.testFeatureRows(), generated, KID_SUBSETS,
                KernelDistance.SUBSET_SIZE, seed);
        double[] manifoldFigures = ManifoldMetrics.estimate(manifold, generated);
        double entropy = ClassEntropy.entropy(ClassEntropy.histogram(classifier.predict(samples),
                classNames.size()));
        return new double[] {frechet, kid.mean(), kid.standardError(), manifoldFigures[0], manifoldFigures[1],
            manifoldFigures[2], manifoldFigures[3], entropy};
    }

    @Override
    public OptionalDouble classBalance(double[] figures) {
        return OptionalDouble.of(figures[columns().indexOf("class_entropy")] / Math.log(classNames.size()));
    }

    @Override
    public String protocol(int samples) {
        return String.format(Locale.ROOT, "%d generated samples against the t10k test split in %s, in the"
                + " features of the run's classifier (eval/classifier.zip), native size: Frechet distance to all"
                + " test images; KID (kernel (x.y/d+1)^3) over %d subsets of %d; precision/recall k=%d and"
                + " density/coverage k=%d against every %d-th test image; class entropy in nats (uniform %.3f); point"
                + " estimates (gan eval gives intervals)", samples, dataDirectory, KID_SUBSETS,
                KernelDistance.SUBSET_SIZE, ManifoldMetrics.PRECISION_RECALL_K, ManifoldMetrics.DENSITY_COVERAGE_K,
                MANIFOLD_STRIDE, Math.log(classNames.size()));
    }

    private void prepare() {
        if (evaluation != null) {
            return;
        }
        evaluation = IdxEvaluation.prepare(dataDirectory, classNames, cache, SampleClassifier.Recipe.DEFAULT,
                Optional.empty(), log);
        double[][] test = evaluation.testFeatureRows();
        double[][] every = new double[(test.length + MANIFOLD_STRIDE - 1) / MANIFOLD_STRIDE][];
        for (int i = 0; i < every.length; i++) {
            every[i] = test[i * MANIFOLD_STRIDE];
        }
        manifold = ManifoldMetrics.Reference.of(every);
    }
}
