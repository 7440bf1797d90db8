package gan4j.augment;

import gan4j.config.AugmentConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Differentiable augmentation of the images D sees (DiffAugment, Zhao et al. 2020): the policy's
 * ops in order, each applied to each sample with probability p, fixed or adapted by ADA. Real and
 * fake batches go through the same kind of random transforms, and the fake batch's transforms carry
 * D's gradient back to G.
 */
public final class Augmentation {

    public static final Augmentation NONE = new Augmentation(List.of(), 0, Optional.empty());

    private final List<AugmentOp> ops;
    private final double initialProbability;
    private final Optional<AdaptiveProbability> adaptive;

    Augmentation(List<AugmentOp> ops, double initialProbability, Optional<AdaptiveProbability> adaptive) {
        this.ops = List.copyOf(ops);
        this.initialProbability = initialProbability;
        this.adaptive = adaptive;
    }

    public static Augmentation from(AugmentConfig config) {
        if (!config.enabled()) {
            return NONE;
        }
        List<AugmentOp> ops = new ArrayList<>();
        for (AugmentConfig.Op op : config.policy()) {
            switch (op) {
                case COLOR -> ops.addAll(List.of(ColorOp.BRIGHTNESS, ColorOp.SATURATION, ColorOp.CONTRAST));
                case BRIGHTNESS -> ops.add(ColorOp.BRIGHTNESS);
                case SATURATION -> ops.add(ColorOp.SATURATION);
                case CONTRAST -> ops.add(ColorOp.CONTRAST);
                case TRANSLATION -> ops.add(GeometricOp.TRANSLATION);
                case CUTOUT -> ops.add(GeometricOp.CUTOUT);
                case FLIP -> ops.add(GeometricOp.FLIP);
                case ROTATE90 -> ops.add(GeometricOp.ROTATE90);
            }
        }
        Optional<AdaptiveProbability> adaptive = config.target().isPresent()
                ? Optional.of(new AdaptiveProbability(config.target().getAsDouble(), config.adaImages()))
                : Optional.empty();
        return new Augmentation(ops, config.probability(), adaptive);
    }

    /** The state a new run starts from. */
    public AugmentState initialState() {
        return AugmentState.at(initialProbability);
    }

    /** The probability each op is applied with, given the run's state. */
    public double probability(AugmentState state) {
        return adaptive.isPresent() ? state.probability() : initialProbability;
    }

    /** The state after generator step {@code step}; only ADA changes it. */
    public AugmentState after(AugmentState state, long step, long realSignSum, long realScores) {
        return adaptive.map(a -> a.after(state, step, realSignSum, realScores)).orElse(state);
    }

    public boolean enabled() {
        return !ops.isEmpty();
    }

    /** {@code images} [N, C, H, W] augmented with probability {@code probability} per op and sample. */
    public Augmented apply(INDArray images, double probability, SplittableRandom random) {
        if (ops.isEmpty()) {
            return new Augmented(images, List.of());
        }
        long[] shape = images.shape();
        Planes planes = new Planes(Math.toIntExact(shape[0]), Math.toIntExact(shape[1]), Math.toIntExact(shape[2]),
                Math.toIntExact(shape[3]));
        double[] values = images.dup('c').data().asDouble();
        List<Transform> transforms = new ArrayList<>();
        for (AugmentOp op : ops) {
            boolean[] active = new boolean[planes.n()];
            for (int i = 0; i < active.length; i++) {
                active[i] = random.nextDouble() < probability;
            }
            Transform transform = op.draw(planes, active, random);
            values = transform.forward(values);
            transforms.add(transform);
        }
        return new Augmented(Augmented.create(values, shape, images.dataType()), transforms);
    }
}
