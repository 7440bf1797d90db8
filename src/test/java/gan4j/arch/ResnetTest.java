package gan4j.arch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gan4j.config.ModelConfig.Norm;
import gan4j.nn.GraphNetwork;
import gan4j.nn.Network;
import java.util.Map;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;

class ResnetTest {

    private static final Architecture.NetworkSpec SPEC = new Architecture.NetworkSpec(0, 1, new Sgd(0.1), DataType.FLOAT);

    @ParameterizedTest
    @ValueSource(ints = {28, 32, 64})
    void generatorMakesImagesAndDiscriminatorScoresThem(int size) {
        Resnet resnet = new Resnet(size, 3, 6, 4, 4, 1, Norm.BATCH, Norm.NONE);
        GraphNetwork g = network(resnet.generator(SPEC));
        GraphNetwork d = network(resnet.discriminator(SPEC));

        INDArray images = g.forward(Nd4j.randn(DataType.FLOAT, resnet.latentShape(5)));
        g.releaseActivations();
        assertArrayEquals(new long[] {5, 3, size, size}, images.shape());
        assertTrue(images.amaxNumber().doubleValue() <= 1.0, "tanh output stays in [-1, 1]");

        INDArray scores = d.forward(images);
        assertArrayEquals(new long[] {5, 1}, scores.shape());
        Network.Backward back = d.backward(Nd4j.onesLike(scores));
        assertArrayEquals(images.shape(), back.input().shape());
        assertEquals(d.model().numParams(), back.parameters().gradient().length());
    }

    @Test
    void conditionChannelsWidenBothInputs() {
        Resnet resnet = new Resnet(32, 1, 6, 4, 4, 0, Norm.BATCH, Norm.NONE);
        Architecture.NetworkSpec conditioned = new Architecture.NetworkSpec(10, 1, new Sgd(0.1), DataType.FLOAT);
        GraphNetwork g = network(resnet.generator(conditioned));
        GraphNetwork d = network(resnet.discriminator(conditioned));
        INDArray images = g.infer(Nd4j.randn(DataType.FLOAT, 2, 16, 1, 1));
        assertArrayEquals(new long[] {2, 1, 32, 32}, images.shape());
        assertArrayEquals(new long[] {2, 1}, d.infer(Nd4j.concat(1, images, Nd4j.zeros(DataType.FLOAT, 2, 10, 32, 32))).shape());
    }

    /** 128 pixels: shapes by DL4J's type inference only, without building the (large) networks. */
    @Test
    void at128PixelsTheShapesStillFit() {
        Resnet resnet = new Resnet(128, 3, 16, 4, 4, 0, Norm.BATCH, Norm.NONE);
        assertEquals(InputType.convolutional(128, 128, 3), types(resnet.generator(SPEC), 16, 1, 1).get("output"));
        Map<String, InputType> d = types(resnet.discriminator(SPEC), 3, 128, 128);
        assertEquals(InputType.feedForward(1), d.get("output"));
        assertEquals(InputType.convolutional(4, 4, 4 << 4), d.get("down4"));
    }

    /** Fashion-MNIST: G starts from 7×7 and doubles twice; D halves twice, back to 7×7. */
    @Test
    void at28PixelsTheBaseIsSevenBySeven() {
        Resnet resnet = new Resnet(28, 1, 16, 4, 4, 0, Norm.BATCH, Norm.NONE);
        Map<String, InputType> g = types(resnet.generator(SPEC), 16, 1, 1);
        assertEquals(InputType.convolutional(7, 7, 8), g.get("map"));
        assertEquals(InputType.convolutional(14, 14, 4), g.get("up0"));
        assertEquals(InputType.convolutional(28, 28, 4), g.get("up1"));
        assertFalse(g.containsKey("up2"));
        Map<String, InputType> d = types(resnet.discriminator(SPEC), 1, 28, 28);
        assertEquals(InputType.convolutional(14, 14, 4), d.get("down0"));
        assertEquals(InputType.convolutional(7, 7, 8), d.get("down1"));
        assertFalse(d.containsKey("down2"));
    }

    @Test
    void theDiscriminatorHasNoBatchNormAndOneAdditionPerBlock() {
        ComputationGraphConfiguration d = new Resnet(32, 3, 16, 4, 4, 2, Norm.BATCH, Norm.NONE).discriminator(SPEC);
        long additions = d.getVertices().values().stream().filter(v -> v instanceof ElementWiseVertex).count();
        assertEquals(3 + 2, additions);
        assertTrue(d.getVertices().values().stream().noneMatch(v -> v instanceof LayerVertex layer
                && layer.getLayerConf().getLayer() instanceof BatchNormalization));
        assertEquals(InputType.convolutional(4, 4, 16), types(d, 3, 32, 32).get("block1"));
    }

    /** What a checkpoint relies on: the configurations, custom layers included, survive JSON. */
    @Test
    void configurationsRoundTripThroughJson() {
        Resnet resnet = new Resnet(28, 1, 6, 2, 2, 1, Norm.BATCH, Norm.NONE);
        Architecture.NetworkSpec spec = new Architecture.NetworkSpec(0, 1, new Sgd(0.1), DataType.DOUBLE);
        roundTrips(resnet.generator(spec), Nd4j.randn(DataType.DOUBLE, resnet.latentShape(2)));
        roundTrips(resnet.discriminator(spec), Nd4j.rand(DataType.DOUBLE, 2, 1, 28, 28));
    }

    private static void roundTrips(ComputationGraphConfiguration conf, INDArray input) {
        ComputationGraphConfiguration restored = ComputationGraphConfiguration.fromJson(conf.toJson());
        assertEquals(conf, restored);
        GraphNetwork original = network(conf);
        GraphNetwork copy = network(restored);
        copy.model().setParams(original.model().params());
        assertEquals(original.infer(input), copy.infer(input));
    }

    @Test
    void unsupportedSizesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Resnet(48, 3, 16, 4, 4, 0, Norm.BATCH, Norm.NONE));
        assertThrows(IllegalArgumentException.class, () -> new Resnet(32, 3, 16, 4, 4, -1, Norm.BATCH, Norm.NONE));
    }

    private static Map<String, InputType> types(ComputationGraphConfiguration conf, int channels, int height, int width) {
        return conf.getLayerActivationTypes(InputType.convolutional(height, width, channels));
    }

    private static GraphNetwork network(ComputationGraphConfiguration conf) {
        ComputationGraph graph = new ComputationGraph(conf);
        graph.init();
        return new GraphNetwork(graph);
    }
}
