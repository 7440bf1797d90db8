package gan4j.augment;

/**
 * ADA's controller (Karras et al. 2020; {@code training_loop.py} of stylegan2-ada-pytorch): every
 * {@value #INTERVAL} generator steps, r = E[sign(D(real))] over the real scores of those steps
 * moves p by sign(r − target)·(images judged)/adaImages, clamped to [0, 1]. StyleGAN2-ADA lets p
 * cross [0, 1] in 500k images of runs of 25M; gan4j's runs are a few hundred thousand images, so
 * {@code adaImages} (default 10,000) is a config key.
 */
public final class AdaptiveProbability {

    /** StyleGAN2-ADA's {@code ada_interval}. */
    public static final int INTERVAL = 4;

    private final double target;
    private final long adaImages;

    public AdaptiveProbability(double target, long adaImages) {
        if (!(target >= 0 && target <= 1) || adaImages < 1) {
            throw new IllegalArgumentException("target must be in [0, 1] and adaImages >= 1, got " + target + ", "
                    + adaImages);
        }
        this.target = target;
        this.adaImages = adaImages;
    }

    /** The state after generator step {@code step}, whose D steps gave real scores with these signs. */
    public AugmentState after(AugmentState state, long step, long signSum, long signCount) {
        long sum = state.signSum() + signSum;
        long count = state.signCount() + signCount;
        if ((step + 1) % INTERVAL != 0 || count == 0) {
            return new AugmentState(state.probability(), sum, count);
        }
        double overfitting = (double) sum / count;
        double adjust = Math.signum(overfitting - target) * count / adaImages;
        return AugmentState.at(Math.min(1, Math.max(0, state.probability() + adjust)));
    }
}
