package gan4j.nn.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import gan4j.nn.SequentialNetwork;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;

class LeakyReluLayerTest {

    /** Training and inference output and input gradient, against DL4J's activation layer of the same function. */
    @Test
    void matchesDl4jsActivationLayer() {
        for (double alpha : new double[] {0, 0.2}) {
            InputType type = InputType.convolutional(5, 4, 3);
            SequentialNetwork expected = OneLayer.network(new ActivationLayer(new LeakyRelu(alpha)), type, new NoOp(), null);
            SequentialNetwork actual = OneLayer.network(new LeakyReluLayer(alpha), type, new NoOp(), null);
            INDArray x = Nd4j.rand(DataType.DOUBLE, 2, 3, 5, 4).subi(0.5);
            INDArray error = Nd4j.rand(DataType.DOUBLE, 2, 3, 5, 4).subi(0.5);
            INDArray xBefore = x.dup();
            // Inference works in place on the input, as DL4J's activation layer does.
            INDArray[] want = {expected.forward(x), expected.backward(error).input(), expected.infer(x.dup())};
            INDArray[] got = {actual.forward(x), actual.backward(error).input(), actual.infer(x.dup())};
            for (int i = 0; i < want.length; i++) {
                assertEquals(0, want[i].distance2(got[i]), 1e-12, "alpha " + alpha + " result " + i);
            }
            assertEquals(0, xBefore.distance2(x), 0, "the training pass leaves its input alone");
        }
    }

    @Test
    void survivesTheJsonOfACheckpoint() {
        MultiLayerConfiguration conf = MultiLayerConfiguration.fromJson(
                OneLayer.configuration(new LeakyReluLayer(0.2), InputType.convolutional(4, 4, 2), new NoOp()).toJson());
        assertEquals(new LeakyRelu(0.2), ((ActivationLayer) conf.getConf(0).getLayer()).getActivationFn());
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        assertInstanceOf(LeakyReluLayer.Instance.class, net.getLayer(0));
    }
}
