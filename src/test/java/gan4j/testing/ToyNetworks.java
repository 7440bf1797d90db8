package gan4j.testing;

import gan4j.arch.Architecture;
import gan4j.nn.Networks;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;

/** Freshly initialised float G and D of an architecture, trained with Adam, for trainer tests. */
public final class ToyNetworks {

    private ToyNetworks() {
    }

    public static Networks of(Architecture architecture, double learningRate) {
        Architecture.NetworkSpec spec = new Architecture.NetworkSpec(0, 1, new Adam(learningRate), DataType.FLOAT);
        return new Networks(architecture.newGenerator(spec), architecture.newDiscriminator(spec));
    }
}
