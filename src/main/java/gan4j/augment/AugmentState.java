package gan4j.augment;

/**
 * What adaptive augmentation carries from step to step, saved in checkpoints: the probability, and
 * the signs of D's real scores summed since it last moved, over {@code signCount} scores.
 */
public record AugmentState(double probability, long signSum, long signCount) {

    public static AugmentState at(double probability) {
        return new AugmentState(probability, 0, 0);
    }
}
