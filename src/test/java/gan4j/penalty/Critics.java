package gan4j.penalty;

import gan4j.nn.SequentialNetwork;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Sgd;

/** Tiny critics for penalty tests, built here because the project's own use LeakyReLU. */
final class Critics {

    private Critics() {
    }

    /** inputs → width → width → 1 with a smooth activation. */
    static SequentialNetwork mlp(int inputs, int width, Activation activation, DataType type) {
        NeuralNetConfiguration.ListBuilder layers = base(type).list()
                .layer(new DenseLayer.Builder().nOut(width).activation(activation).build())
                .layer(new DenseLayer.Builder().nOut(width).activation(activation).build())
                .layer(new DenseLayer.Builder().nOut(1).activation(Activation.IDENTITY).build());
        return network(layers.setInputType(InputType.feedForward(inputs)).build());
    }

    /** D(x) = w·x + b. */
    static SequentialNetwork linear(int inputs) {
        NeuralNetConfiguration.ListBuilder layers = base(DataType.DOUBLE).list()
                .layer(new DenseLayer.Builder().nOut(1).activation(Activation.IDENTITY).build());
        return network(layers.setInputType(InputType.feedForward(inputs)).build());
    }

    /** [channels, 6, 6] → 3×3 convolution (2 maps) → tanh → dense → 1. */
    static SequentialNetwork conv(int channels) {
        NeuralNetConfiguration.ListBuilder layers = base(DataType.DOUBLE).list()
                .layer(new ConvolutionLayer.Builder(3, 3).stride(1, 1).nOut(2)
                        .convolutionMode(ConvolutionMode.Truncate).activation(Activation.TANH).build())
                .layer(new DenseLayer.Builder().nOut(1).activation(Activation.IDENTITY).build());
        return network(layers.setInputType(InputType.convolutional(6, 6, channels)).build());
    }

    /** inputs → 8 → BatchNorm → tanh → 1. */
    static SequentialNetwork batchNormalized(int inputs) {
        NeuralNetConfiguration.ListBuilder layers = base(DataType.DOUBLE).list()
                .layer(new DenseLayer.Builder().nOut(8).activation(Activation.IDENTITY).build())
                .layer(new BatchNormalization.Builder().build())
                .layer(new ActivationLayer(Activation.TANH))
                .layer(new DenseLayer.Builder().nOut(1).activation(Activation.IDENTITY).build());
        return network(layers.setInputType(InputType.feedForward(inputs)).build());
    }

    private static NeuralNetConfiguration.Builder base(DataType type) {
        return new NeuralNetConfiguration.Builder().seed(3).dataType(type).updater(new Sgd(0.1))
                .weightInit(WeightInit.XAVIER);
    }

    private static SequentialNetwork network(MultiLayerConfiguration conf) {
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return new SequentialNetwork(net);
    }
}
