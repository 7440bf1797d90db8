package gan4j.nn.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import gan4j.nn.SequentialNetwork;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;

class BatchNormTest {

    /**
     * Against DL4J's own implementation (double precision, no helper): training and inference
     * outputs, gradients with respect to input, γ and β, and the running statistics after two
     * updates.
     */
    @Test
    void matchesDl4jsBatchNormalization() {
        for (InputType type : new InputType[] {InputType.convolutional(5, 4, 3), InputType.feedForward(6)}) {
            SequentialNetwork expected = OneLayer.network(new BatchNormalization.Builder().build(), type, new Sgd(0.1), null);
            SequentialNetwork actual = OneLayer.network(new BatchNorm(), type, new Sgd(0.1), expected.model().params());
            assertInstanceOf(BatchNormHelper.class, actual.model().getLayer(0).getHelper());
            long[] shape = type.getType() == InputType.Type.CNN ? new long[] {7, 3, 5, 4} : new long[] {7, 6};
            for (int update = 0; update < 2; update++) {
                INDArray x = Nd4j.rand(DataType.DOUBLE, shape).muli(3).subi(1);
                INDArray error = Nd4j.rand(DataType.DOUBLE, shape).subi(0.5);
                INDArray[] want = pass(expected, x, error);
                INDArray[] got = pass(actual, x, error);
                for (int i = 0; i < want.length; i++) {
                    assertEquals(0, want[i].distance2(got[i]), 1e-10, type + " update " + update + " result " + i);
                }
            }
            INDArray probe = Nd4j.rand(DataType.DOUBLE, shape);
            assertEquals(0, expected.infer(probe).distance2(actual.infer(probe)), 1e-10, type + " inference");
        }
    }

    /** The helper is NCHW-only; NHWC keeps DL4J's own. */
    @Test
    void leavesNhwcToDl4j() {
        SequentialNetwork network = OneLayer.network(new BatchNorm(), InputType.convolutional(5, 4, 3, CNN2DFormat.NHWC),
                new Sgd(0.1), null);
        assertFalse(network.model().getLayer(0).getHelper() instanceof BatchNormHelper);
    }

    @Test
    void survivesTheJsonOfACheckpoint() {
        MultiLayerConfiguration conf = MultiLayerConfiguration.fromJson(
                OneLayer.configuration(new BatchNorm(), InputType.convolutional(4, 4, 2), new Sgd(0.1)).toJson());
        assertInstanceOf(BatchNorm.class, conf.getConf(0).getLayer());
    }

    private static INDArray[] pass(SequentialNetwork network, INDArray x, INDArray error) {
        INDArray output = network.forward(x);
        SequentialNetwork.Backward backward = network.backward(error);
        INDArray[] result = {output, backward.input().dup(), backward.parameters().gradient().dup(), null};
        network.update(backward.parameters());
        result[3] = network.model().params().dup();
        return result;
    }
}
