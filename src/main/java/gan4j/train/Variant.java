package gan4j.train;

import gan4j.arch.Architecture;
import gan4j.arch.Conditioning;
import gan4j.objective.Objective;
import gan4j.penalty.Constraint;
import gan4j.penalty.InputNoise;
import gan4j.penalty.Penalty;
import java.util.List;

/**
 * A GAN variant as a composition: architecture × conditioning × objective × penalties ×
 * constraints × input noise × schedule. DCGAN, WGAN-GP, DRAGAN... are values of this, not classes.
 */
public record Variant(Architecture architecture, Conditioning conditioning, Objective objective,
                      List<Penalty> penalties, List<Constraint> constraints, InputNoise inputNoise,
                      int discriminatorStepsPerGeneratorStep) {

    public Variant {
        penalties = List.copyOf(penalties);
        constraints = List.copyOf(constraints);
    }
}
