package gan4j.penalty;

import gan4j.config.RegularizerConfig;
import java.util.ArrayList;
import java.util.List;

/** The penalties, constraints and input noise that a run's regularizer configs ask for. */
public record Regularizers(List<Penalty> penalties, List<Constraint> constraints, InputNoise inputNoise) {

    public Regularizers {
        penalties = List.copyOf(penalties);
        constraints = List.copyOf(constraints);
    }

    /** Builds each configured regularizer; at most one may perturb D's inputs. */
    public static Regularizers from(List<RegularizerConfig> configs) {
        List<Penalty> penalties = new ArrayList<>();
        List<Constraint> constraints = new ArrayList<>();
        InputNoise inputNoise = InputNoise.NONE;
        for (RegularizerConfig config : configs) {
            if (config instanceof RegularizerConfig.GradientPenalty p) {
                penalties.add(new GradientPenalty(p.weight(), p.target(), p.oneSided(), p.epsilon(), points(p)));
            } else if (config instanceof RegularizerConfig.ZeroCenteredPenalty z) {
                penalties.add(zeroCentered(z));
            } else if (config instanceof RegularizerConfig.WeightClip c) {
                constraints.add(new WeightClip(c.clip()));
            } else if (config instanceof RegularizerConfig.InstanceNoise n) {
                if (inputNoise != InputNoise.NONE) {
                    throw new IllegalArgumentException("at most one instance_noise regularizer, found two");
                }
                inputNoise = new InstanceNoise(n.std(), n.annealSteps());
            } else {
                throw new IllegalArgumentException("no regularizer for " + config);
            }
        }
        return new Regularizers(penalties, constraints, inputNoise);
    }

    /**
     * R1/R2 is γ/2·mean‖∇ₓD‖²: the gradient-norm penalty with target 0 and weight γ/2, which makes
     * its first-order training rule (see {@link GradientPenalty}) apply unchanged.
     */
    private static Penalty zeroCentered(RegularizerConfig.ZeroCenteredPenalty config) {
        PenaltyPoints points = config.side() == RegularizerConfig.Side.REAL ? JudgedSamples.REAL : JudgedSamples.FAKE;
        Penalty scaled = new GradientPenalty(config.weight() / 2 * config.every(), 0, false, config.epsilon(), points);
        return config.every() == 1 ? scaled : new LazyPenalty(scaled, config.every());
    }

    private static PenaltyPoints points(RegularizerConfig.GradientPenalty config) {
        return switch (config.at()) {
            case "interpolates" -> new Interpolates();
            case "data" -> new PerturbedData(config.perturbation());
            default -> throw new IllegalArgumentException("gradient penalty 'at' must be interpolates or data, not "
                    + config.at());
        };
    }
}
