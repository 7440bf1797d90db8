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

    public static IUpdater updater(OptimizerConfig config) {
        return switch (config.type()) {
            case "adam" -> new Adam(config.learningRate(), config.beta1(), config.beta2(), config.epsilon());
            case "rmsprop" -> new RmsProp(config.learningRate(), config.rmsDecay(), config.epsilon());
            case "sgd" -> new Sgd(config.learningRate());
            default -> throw new IllegalArgumentException("unknown optimizer " + config.type());
        };
    }
}
