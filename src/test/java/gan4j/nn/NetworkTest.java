package gan4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import gan4j.arch.Architecture;
import gan4j.arch.Dcgan;
import gan4j.config.ModelConfig.Norm;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;

class NetworkTest {

    private static final Dcgan DCGAN = new Dcgan(28, 1, 8, 4, 4, Norm.BATCH, Norm.BATCH);

    private static SequentialNetwork discriminator() {
        MultiLayerNetwork net = new MultiLayerNetwork(DCGAN.discriminator(
                new Architecture.NetworkSpec(0, 1, new Sgd(0.1), DataType.FLOAT)));
        net.init();
        return new SequentialNetwork(net);
    }

    @Test
    void theOutputOutlivesTheNextForwardPass() {
        SequentialNetwork d = discriminator();
        INDArray x = Nd4j.rand(DataType.FLOAT, 4, 1, 28, 28);
        INDArray first = d.forward(x);
        INDArray copy = first.dup();
        d.forward(x.neg());
        d.releaseActivations();
        assertEquals(0, copy.distance2(first), 0);
    }

    /** The input-only pass (transposed convolutions) agrees with the full one, at 28 and 64 pixels. */
    @Test
    void theInputGradientAloneMatchesTheFullBackwardPass() {
        for (Dcgan dcgan : new Dcgan[] {new Dcgan(28, 3, 8, 4, 4, Norm.BATCH, Norm.BATCH), new Dcgan(64, 1, 8, 4, 4, Norm.BATCH, Norm.NONE)}) {
            MultiLayerNetwork net = new MultiLayerNetwork(dcgan.discriminator(
                    new Architecture.NetworkSpec(2, 1, new Sgd(0.1), DataType.DOUBLE)));
            net.init();
            SequentialNetwork d = new SequentialNetwork(net);
            long[] shape = {3, dcgan.sampleShape()[0] + 2, dcgan.sampleShape()[1], dcgan.sampleShape()[2]};
            INDArray x = Nd4j.rand(DataType.DOUBLE, shape);
            INDArray error = Nd4j.rand(DataType.DOUBLE, 3, 1).subi(0.5);
            d.forward(x);
            INDArray full = d.backward(error).input().dup();
            d.forward(x);
            INDArray alone = d.inputGradient(error);
            assertEquals(0, full.distance2(alone) / full.norm2Number().doubleValue(), 1e-12);
        }
    }

    @Test
    void aSecondBackwardPassNeedsItsOwnForwardPass() {
        SequentialNetwork d = discriminator();
        INDArray scores = d.forward(Nd4j.rand(DataType.FLOAT, 4, 1, 28, 28));
        d.backward(Nd4j.onesLike(scores));
        assertThrows(IllegalStateException.class, () -> d.backward(Nd4j.onesLike(scores)));
    }

    @Test
    void interleavedNetworksKeepTheirOwnActivations() {
        SequentialNetwork g = discriminator();
        SequentialNetwork d = discriminator();
        d.model().setParams(g.model().params());
        INDArray x = Nd4j.rand(DataType.FLOAT, 4, 1, 28, 28);
        g.forward(x);
        INDArray alone = d.backward(d.forward(x)).input().dup();
        g.forward(x);
        d.forward(x.neg());
        d.releaseActivations();
        INDArray interleaved = g.backward(d.forward(x)).input();
        d.releaseActivations();
        assertEquals(0, alone.distance2(interleaved), 1e-6);
    }
}
