package gan4j.nn.layer;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.IUpdater;

/** Tiny networks of spectrally normalised layers, in double precision unless asked otherwise. */
final class SpectralNormNets {

    /** A D-like stack: SN convolution 2→3 channels (2×2 kernel, 4×4 input), tanh, SN dense 27→2, tanh. */
    static final InputType STACK_INPUT = InputType.convolutional(4, 4, 2);

    private SpectralNormNets() {
    }

    static MultiLayerConfiguration stack(IUpdater updater, long seed) {
        return stack(updater, seed, DataType.DOUBLE);
    }

    static MultiLayerConfiguration stack(IUpdater updater, long seed, DataType dataType) {
        return new NeuralNetConfiguration.Builder().seed(seed).dataType(dataType).updater(updater).list()
                .layer(SpectralNormConvolution.of(new ConvolutionLayer.Builder(2, 2).nOut(3)
                        .activation(Activation.TANH)))
                .layer(SpectralNormDense.of(new DenseLayer.Builder().nOut(2).activation(Activation.TANH)))
                .setInputType(STACK_INPUT).build();
    }

    /**
     * The same shapes as gan4j's discriminators build them: an SN convolution without activation,
     * a {@link LeakyReluLayer}, an SN dense score.
     */
    static MultiLayerConfiguration discriminatorLike(IUpdater updater, long seed) {
        return new NeuralNetConfiguration.Builder().seed(seed).dataType(DataType.DOUBLE).updater(updater).list()
                .layer(SpectralNormConvolution.of(new ConvolutionLayer.Builder(2, 2).nOut(3)
                        .activation(Activation.IDENTITY)))
                .layer(new LeakyReluLayer(0.2))
                .layer(SpectralNormDense.of(new DenseLayer.Builder().nOut(2).activation(Activation.IDENTITY)))
                .setInputType(STACK_INPUT).build();
    }

    static MultiLayerNetwork initialised(MultiLayerConfiguration configuration) {
        MultiLayerNetwork net = new MultiLayerNetwork(configuration);
        net.init();
        return net;
    }
}
