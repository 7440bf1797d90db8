package gan4j.health;

import java.util.Optional;

/**
 * The evaluation has turned: its figure (the Fréchet distance for images) has stayed above {@link #WORSE_BY} times its best
 * for {@link #EVALUATIONS} evaluations in a row, the sign of a run that is getting worse (D
 * overfitting, G drifting) rather than noise. {@code best.ckpt} still holds the best step.
 */
public final class EvalDivergence {

    /** Step-to-step noise of a 5,000-sample Fréchet distance is a few percent; a quarter is a trend. */
    static final double WORSE_BY = 1.25;
    static final int EVALUATIONS = 2;

    private double best = Double.POSITIVE_INFINITY;
    private long bestStep = -1;
    private int worseInARow;
    private final Onset onset = new Onset();

    /** The event the evaluation at {@code step} starts, if any. */
    public Optional<HealthEvent> check(long step, String figure, double frechet) {
        if (frechet < best) {
            best = frechet;
            bestStep = step;
        }
        worseInARow = frechet > WORSE_BY * best ? worseInARow + 1 : 0;
        return onset.starts(worseInARow >= EVALUATIONS) ? Optional.of(new HealthEvent(step, "eval_divergence",
                String.format("%s is %.4g, %.2fx its best %.4g at step %d, for %d evaluations in a"
                        + " row; checkpoints/best.ckpt holds step %d", figure.equals("frechet") ? "the Frechet distance"
                        : figure, frechet, frechet / best, best, bestStep,
                        worseInARow, bestStep))) : Optional.empty();
    }
}
