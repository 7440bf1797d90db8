package gan4j.metrics;

import java.util.List;
import java.util.OptionalDouble;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Scores a generator's samples while it trains: point estimates only, the same way every time for
 * a run, cheap enough to repeat every few thousand steps ({@code gan eval} adds the intervals).
 */
public interface TrainingEvaluator {

    /** The figures' names, in order; the first is the one {@code best.ckpt} minimises (a Fréchet distance for images). */
    List<String> columns();

    /** The figures for {@code samples} [N, ...sample shape] in {@link #columns()} order; draws derive from {@code seed}. */
    double[] evaluate(INDArray samples, long seed);

    /**
     * How evenly the samples behind {@code figures} spread over the data's classes, from 0 (one
     * class) to 1 (uniform), when the evaluator can tell; what the health monitor watches for collapse.
     */
    default OptionalDouble classBalance(double[] figures) {
        return OptionalDouble.empty();
    }

    /**
     * How widely the samples behind {@code figures} spread in feature space, over the real images'
     * spread (1 for as varied), when the evaluator measures it; what the health monitor watches for
     * collapse in feature space.
     */
    default OptionalDouble diversity(double[] figures) {
        int column = columns().indexOf("diversity");
        return column < 0 ? OptionalDouble.empty() : OptionalDouble.of(figures[column]);
    }

    /** How the figures are made (real set, features, subsets), for the run's records. */
    String protocol(int samples);
}
