package gan4j.arch;

import gan4j.config.OptimizerConfig;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;

/** Turns an optimizer configuration into the ND4J updater that implements it. */
public final class Optimizers {

    private Optimizers() {
    }

    /**
     * The updater for a network that will be updated {@code updates} times in the whole run (the
     * generator once per step, the discriminator k times), which a linear schedule decays over.
     * The schedule reads the network's iteration count, which checkpoints keep, so a resumed run
     * continues the decay where it stopped.
     */
    public static IUpdater updater(OptimizerConfig config, long updates) {
        IUpdater updater = rule(config.algorithm(), config.learningRate());
        if (config.schedule() == OptimizerConfig.Schedule.LINEAR) {
            int horizon = (int) Math.min(Integer.MAX_VALUE, updates);
            updater.setLrAndSchedule(Double.NaN, new LinearDecay(config.learningRate(), horizon));
        }
        return updater;
    }

    private static IUpdater rule(OptimizerConfig.Algorithm algorithm, double learningRate) {
        if (algorithm instanceof OptimizerConfig.Adam adam) {
            return new Adam(learningRate, adam.beta1(), adam.beta2(), adam.epsilon());
        }
        if (algorithm instanceof OptimizerConfig.RmsProp rms) {
            return new RmsProp(learningRate, rms.decay(), rms.epsilon());
        }
        if (algorithm instanceof OptimizerConfig.Sgd) {
            return new Sgd(learningRate);
        }
        throw new IllegalArgumentException("no updater for " + algorithm);
    }
}
