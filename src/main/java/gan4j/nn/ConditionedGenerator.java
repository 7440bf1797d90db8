package gan4j.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A {@link SampleGenerator} over a network whose input is the latent batch with labels appended by a
 * {@link Conditioning}.
 */
public final class ConditionedGenerator implements SampleGenerator {

    private final Network network;
    private final Conditioning conditioning;

    public ConditionedGenerator(Network network, Conditioning conditioning) {
        this.network = network;
        this.conditioning = conditioning;
    }

    @Override
    public INDArray generate(INDArray latent, int[] labels) {
        return network.forward(conditioning.generatorInput(latent, labels));
    }

    @Override
    public void update(INDArray sampleGradient) {
        network.update(network.parameterGradient(sampleGradient));
    }

    @Override
    public Network network() {
        return network;
    }
}
