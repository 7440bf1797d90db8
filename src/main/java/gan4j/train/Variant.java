package gan4j.train;

import gan4j.arch.Architecture;
import gan4j.augment.Augmentation;
import gan4j.objective.Objective;
import gan4j.penalty.Constraint;
import gan4j.penalty.InputNoise;
import gan4j.penalty.Penalty;
import java.util.List;

/**
 * A GAN variant as a composition: architecture × objective × penalties × constraints × input
 * noise × schedule (conditioning belongs to the model, inside its sample-space networks). DCGAN, WGAN-GP, DRAGAN... are values of this, not classes.
 * {@code reuseFakeBatch}: the generator step trains on the fake batch of the last discriminator
 * step (same latent codes, G's forward pass not repeated), as PyTorch's DCGAN example does, instead
 * of drawing a new one as Algorithm 1 does. {@code augmentation} transforms every image D sees.
 */
public record Variant(Architecture architecture, Objective objective,
                      List<Penalty> penalties, List<Constraint> constraints, InputNoise inputNoise,
                      int discriminatorStepsPerGeneratorStep, boolean reuseFakeBatch, Augmentation augmentation) {

    public Variant {
        penalties = List.copyOf(penalties);
        constraints = List.copyOf(constraints);
    }

    /** Without augmentation. */
    public Variant(Architecture architecture, Objective objective, List<Penalty> penalties,
                   List<Constraint> constraints, InputNoise inputNoise, int discriminatorStepsPerGeneratorStep,
                   boolean reuseFakeBatch) {
        this(architecture, objective, penalties, constraints, inputNoise, discriminatorStepsPerGeneratorStep,
                reuseFakeBatch, Augmentation.NONE);
    }

    /** Algorithm 1's schedule: a fresh latent batch for the generator step. */
    public Variant(Architecture architecture, Objective objective, List<Penalty> penalties,
                   List<Constraint> constraints, InputNoise inputNoise, int discriminatorStepsPerGeneratorStep) {
        this(architecture, objective, penalties, constraints, inputNoise,
                discriminatorStepsPerGeneratorStep, false, Augmentation.NONE);
    }
}
