package gan4j.nn.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import gan4j.nn.SequentialNetwork;
import java.util.function.Function;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;

class ReusingLayersTest {

    private static ConvolutionLayer.Builder convolution(Activation activation) {
        return new ConvolutionLayer.Builder(4, 4).stride(2, 2).padding(1, 1).nOut(5)
                .convolutionMode(ConvolutionMode.Truncate).activation(activation);
    }

    private static Deconvolution2D.Builder deconvolution(Activation activation) {
        return new Deconvolution2D.Builder(4, 4).stride(2, 2).padding(1, 1).nOut(3)
                .convolutionMode(ConvolutionMode.Truncate).activation(activation);
    }

    @Test
    void convolutionGradientsMatchDl4jsLayer() {
        for (Activation activation : new Activation[] {Activation.IDENTITY, Activation.TANH}) {
            assertSameGradients(convolution(activation).build(), ReusingConvolution.of(convolution(activation)));
        }
    }

    @Test
    void deconvolutionGradientsMatchDl4jsLayer() {
        for (Activation activation : new Activation[] {Activation.IDENTITY, Activation.TANH}) {
            assertSameGradients(deconvolution(activation).build(),
                    ReusingDeconvolution2D.of(deconvolution(activation)));
        }
    }

    /**
     * The transposed-convolution shortcuts (TransposedConvolution onto 1 and 3 channels, deconv2d
     * onto 5), and the layouts handed to the full backward pass (same-padding; a 9-pixel input
     * whose last row the stride-2 kernel never reaches).
     */
    @Test
    void inputGradientAloneMatchesTheFullBackwardPass() {
        ConvolutionLayer.Builder[] layers = {convolution(Activation.TANH), convolution(Activation.TANH),
                convolution(Activation.TANH), convolution(Activation.IDENTITY).convolutionMode(ConvolutionMode.Same)
                .padding(0, 0), convolution(Activation.IDENTITY)};
        int[] sizes = {8, 8, 8, 8, 9};
        int[] channels = {1, 3, 5, 3, 3};
        for (int i = 0; i < layers.length; i++) {
            SequentialNetwork network = OneLayer.network(ReusingConvolution.of(layers[i]),
                    InputType.convolutional(sizes[i], sizes[i], channels[i]), new NoOp(), null);
            INDArray input = Nd4j.rand(DataType.DOUBLE, 2, channels[i], sizes[i], sizes[i]).subi(0.5);
            INDArray output = network.forward(input);
            INDArray error = Nd4j.linspace(-1, 1, output.length(), DataType.DOUBLE).reshape(output.shape());
            INDArray full = network.backward(error).input().dup();
            network.forward(input);
            assertEquals(0, full.distance2(network.inputGradient(error)), 1e-12, "layer " + i);
        }
    }

    /**
     * The kernel gradient alone (deconv2d_bp) for 1 and 3 input channels, with and without bias,
     * at dilation 1 and 2; conv2d_bp from 9 channels on, and for a truncated border.
     */
    @Test
    void parameterGradientAloneMatchesTheFullBackwardPass() {
        int[][] cases = {{1, 8, 1}, {3, 8, 1}, {3, 9, 2}, {9, 8, 1}, {3, 9, 1}};
        for (int[] c : cases) {
            for (boolean bias : new boolean[] {false, true}) {
                String name = c[0] + " channels, " + c[1] + " px, dilation " + c[2] + ", bias " + bias;
                SequentialNetwork network = OneLayer.network(ReusingConvolution.of(convolution(Activation.TANH).hasBias(bias)
                        .dilation(c[2], c[2])), InputType.convolutional(c[1], c[1], c[0]), new NoOp(), null);
                INDArray input = Nd4j.rand(DataType.DOUBLE, 2, c[0], c[1], c[1]).subi(0.5);
                INDArray output = network.forward(input);
                INDArray error = Nd4j.linspace(-1, 1, output.length(), DataType.DOUBLE).reshape(output.shape());
                INDArray full = network.backward(error).parameters().gradient().dup();
                network.forward(input);
                INDArray alone = network.parameterGradient(error).gradient();
                assertEquals(0, full.distance2(alone) / full.norm2Number().doubleValue(), 1e-12, name);
            }
        }
    }

    /** A kernel covering its whole input (D's score) is a matrix product; so are its partial backward passes. */
    @Test
    void convolutionOverTheWholeInputMatchesDl4jsLayer() {
        for (boolean bias : new boolean[] {false, true}) {
            for (Activation activation : new Activation[] {Activation.IDENTITY, Activation.TANH}) {
                ConvolutionLayer.Builder plain = new ConvolutionLayer.Builder(4, 4).stride(1, 1).nOut(2)
                        .convolutionMode(ConvolutionMode.Truncate).hasBias(bias).activation(activation);
                ConvolutionLayer.Builder ours = new ConvolutionLayer.Builder(4, 4).stride(1, 1).nOut(2)
                        .convolutionMode(ConvolutionMode.Truncate).hasBias(bias).activation(activation);
                InputType type = InputType.convolutional(4, 4, 3);
                assertSameGradients(plain.build(), ReusingConvolution.of(ours), type, new long[] {2, 3, 4, 4});
                SequentialNetwork network = OneLayer.network(ReusingConvolution.of(ours), type, new NoOp(), null);
                INDArray input = Nd4j.rand(DataType.DOUBLE, 2, 3, 4, 4).subi(0.5);
                INDArray error = Nd4j.linspace(-1, 1, 4, DataType.DOUBLE).reshape(2, 2, 1, 1);
                network.forward(input);
                SequentialNetwork.Backward full = network.backward(error);
                INDArray parameters = full.parameters().gradient().dup();
                INDArray inputs = full.input().dup();
                network.forward(input);
                assertEquals(0, parameters.distance2(network.parameterGradient(error).gradient()), 1e-12);
                network.forward(input);
                assertEquals(0, inputs.distance2(network.inputGradient(error)), 1e-12);
            }
        }
    }

    /** A transposed convolution onto 1 channel (TransposedConvolution), as G's last layer on grey images. */
    @Test
    void deconvolutionOntoOneChannelMatchesDl4jsLayer() {
        assertSameGradients(deconvolution(Activation.TANH).nOut(1).build(),
                ReusingDeconvolution2D.of(deconvolution(Activation.TANH).nOut(1)));
    }

    /** From a 1×1 input (G's first layer) the layer multiplies matrices instead of calling deconv2d. */
    @Test
    void deconvolutionFromAPointMatchesDl4jsLayer() {
        for (boolean bias : new boolean[] {false, true}) {
            for (Activation activation : new Activation[] {Activation.IDENTITY, Activation.TANH}) {
                Deconvolution2D.Builder plain = new Deconvolution2D.Builder(4, 4).stride(1, 1).padding(0, 0).nOut(5)
                        .convolutionMode(ConvolutionMode.Truncate).hasBias(bias).activation(activation);
                Deconvolution2D.Builder ours = new Deconvolution2D.Builder(4, 4).stride(1, 1).padding(0, 0).nOut(5)
                        .convolutionMode(ConvolutionMode.Truncate).hasBias(bias).activation(activation);
                assertSameGradients(plain.build(), ReusingDeconvolution2D.of(ours), InputType.convolutional(1, 1, 3),
                        new long[] {2, 3, 1, 1});
                SequentialNetwork network = OneLayer.network(ReusingDeconvolution2D.of(ours), InputType.convolutional(1, 1, 3),
                        new NoOp(), null);
                INDArray input = Nd4j.rand(DataType.DOUBLE, 2, 3, 1, 1);
                INDArray error = Nd4j.linspace(-1, 1, network.forward(input).length(), DataType.DOUBLE)
                        .reshape(2, 5, 4, 4);
                INDArray full = network.backward(error).parameters().gradient().dup();
                network.forward(input);
                assertEquals(0, full.distance2(network.parameterGradient(error).gradient()), 1e-12);
            }
        }
    }

    @Test
    void survivesTheJsonOfACheckpoint() {
        MultiLayerConfiguration conf = MultiLayerConfiguration.fromJson(
                OneLayer.configuration(ReusingDeconvolution2D.of(deconvolution(Activation.TANH)),
                        InputType.convolutional(8, 8, 3), new NoOp()).toJson());
        assertInstanceOf(ReusingDeconvolution2D.class, conf.getConf(0).getLayer());
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        assertInstanceOf(ReusingDeconvolution2D.Instance.class, net.getLayer(0));
        assertEquals(Activation.TANH.getActivationFunction(), conf.getConf(0).getLayer() instanceof Deconvolution2D d
                ? d.getActivationFn() : null);
    }

    /**
     * Same parameters, same input: the output and the gradients with respect to input and
     * parameters agree with DL4J's layer, and a backward pass uses the forward pass just before it.
     */
    private static void assertSameGradients(Layer plain, Layer reusing) {
        assertSameGradients(plain, reusing, InputType.convolutional(8, 8, 3), new long[] {2, 3, 8, 8});
    }

    private static void assertSameGradients(Layer plain, Layer reusing, InputType type, long[] shape) {
        SequentialNetwork expected = OneLayer.network(plain, type, new NoOp(), null);
        SequentialNetwork actual = OneLayer.network(reusing, type, new NoOp(), expected.model().params());
        INDArray input = Nd4j.rand(DataType.DOUBLE, shape).subi(0.5);
        Function<SequentialNetwork, INDArray[]> pass = n -> {
            INDArray output = n.forward(input);
            INDArray error = Nd4j.linspace(-1, 1, output.length(), DataType.DOUBLE).reshape(output.shape());
            SequentialNetwork.Backward first = n.backward(error);
            INDArray[] result = {output, first.input().dup(), first.parameters().gradient().dup(), null};
            n.forward(input.mul(2));
            n.backward(error);
            n.forward(input);
            result[3] = n.backward(error).input().dup();
            return result;
        };
        INDArray[] want = pass.apply(expected);
        INDArray[] got = pass.apply(actual);
        for (int i = 0; i < want.length; i++) {
            assertEquals(0, want[i].distance2(got[i]), 1e-12, plain.getClass().getSimpleName() + " result " + i);
        }
        assertEquals(0, got[1].distance2(got[3]), 1e-12, "each backward pass uses its own forward pass");
    }
}
