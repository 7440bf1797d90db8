package gan4j.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/** A {@link SampleCritic} over a network that sees samples with their labels appended by a {@link Conditioning}. */
public final class ConditionedCritic implements SampleCritic {

    private final Network network;
    private final Conditioning conditioning;

    public ConditionedCritic(Network network, Conditioning conditioning) {
        this.network = network;
        this.conditioning = conditioning;
    }

    @Override
    public INDArray score(INDArray samples, int[] labels) {
        return network.forward(conditioning.discriminatorInput(samples, labels));
    }

    @Override
    public ParameterGradient parameterGradient(INDArray scoreGradient) {
        return network.parameterGradient(scoreGradient);
    }

    @Override
    public INDArray sampleGradient(INDArray scoreGradient) {
        return conditioning.sampleGradient(network.inputGradient(scoreGradient));
    }

    @Override
    public void update(ParameterGradient gradient) {
        network.update(gradient);
    }

    @Override
    public Network network() {
        return network;
    }
}
