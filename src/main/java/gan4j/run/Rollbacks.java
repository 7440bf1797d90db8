package gan4j.run;

/**
 * How often a run has rolled back to a checkpoint after diverging, and the factor its learning rates
 * have been multiplied by since: kept in every checkpoint, so a resumed run continues at the lowered
 * rates and counts on towards {@code train.max_rollbacks}.
 */
public record Rollbacks(int count, double learningRateScale) {

    /** A run that never diverged. */
    public static final Rollbacks NONE = new Rollbacks(0, 1.0);

    public Rollbacks {
        if (count < 0 || !(learningRateScale > 0 && learningRateScale <= 1)) {
            throw new IllegalArgumentException("its rollbacks (" + count + ") or learning_rate_scale ("
                    + learningRateScale + ") is out of range");
        }
    }

    /** After one more rollback that multiplies the learning rates by {@code factor}. */
    public Rollbacks next(double factor) {
        return new Rollbacks(count + 1, learningRateScale * factor);
    }
}
