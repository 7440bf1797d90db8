package gan4j.nn.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.weightnoise.DropConnect;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.shade.jackson.core.JsonProcessingException;

/** How the spectrally normalised layers sit in a DL4J configuration. */
class SpectralNormConfigurationTest {

    @Test
    void keepTheBuildersSettings() throws JsonProcessingException {
        DenseLayer.Builder dense = new DenseLayer.Builder().nIn(5).nOut(3).hasBias(false)
                .activation(Activation.SOFTPLUS).weightInit(WeightInit.XAVIER_UNIFORM).l2(0.01).name("d");
        assertEquals(withoutClass(dense.build()), withoutClass(SpectralNormDense.of(dense)));
        ConvolutionLayer.Builder convolution = new ConvolutionLayer.Builder(4, 4).stride(2, 2).padding(1, 1)
                .convolutionMode(ConvolutionMode.Truncate).nIn(2).nOut(6).hasBias(false).activation(Activation.TANH);
        assertEquals(withoutClass(convolution.build()), withoutClass(SpectralNormConvolution.of(convolution)));
    }

    @Test
    void surviveTheJsonOfACheckpoint() {
        MultiLayerConfiguration conf = MultiLayerConfiguration.fromJson(SpectralNormNets.stack(new NoOp(), 1).toJson());
        assertInstanceOf(SpectralNormConvolution.class, conf.getConf(0).getLayer());
        assertInstanceOf(SpectralNormDense.class, conf.getConf(1).getLayer());
    }

    /** u is neither a weight nor a bias: the optimizer, L1 and weight decay all pass it by. */
    @Test
    void uIsNeitherOptimisedNorRegularised() {
        MultiLayerNetwork net = SpectralNormNets.initialised(new NeuralNetConfiguration.Builder()
                .dataType(DataType.DOUBLE).updater(new Adam(0.1)).l1(0.5).weightDecay(0.5).list()
                .layer(SpectralNormConvolution.of(new ConvolutionLayer.Builder(2, 2).nOut(3)))
                .layer(SpectralNormDense.of(new DenseLayer.Builder().nOut(2)))
                .setInputType(InputType.convolutional(3, 3, 1)).build());
        for (int i = 0; i < 2; i++) {
            Layer layer = net.getLayer(i).conf().getLayer();
            assertInstanceOf(NoOp.class, layer.getUpdaterByParam(SpectralNormParams.U_KEY));
            assertInstanceOf(Adam.class, layer.getUpdaterByParam("W"));
            assertNull(layer.getRegularizationByParam(SpectralNormParams.U_KEY));
            assertFalse(layer.getRegularizationByParam("W").isEmpty(), "W is regularised");
        }
    }

    @Test
    void refuseWeightNoise() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().weightNoise(new DropConnect(0.5)).list()
                .layer(SpectralNormDense.of(new DenseLayer.Builder().nIn(3).nOut(2))).build();
        assertThrows(IllegalArgumentException.class, () -> new MultiLayerNetwork(conf).init());
    }

    private static String withoutClass(Layer layer) throws JsonProcessingException {
        return NeuralNetConfiguration.mapper().writeValueAsString(layer).replaceFirst("\"@class\"\\s*:\\s*\"[^\"]*\",?", "");
    }
}
