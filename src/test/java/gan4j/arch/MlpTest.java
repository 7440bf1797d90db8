package gan4j.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import gan4j.nn.SequentialNetwork;
import gan4j.random.RandomStreams;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;

class MlpTest {

    private static final double SCALE = 2.83;

    @Test
    void aDataScaleMultipliesTheGeneratorsOutputAndDividesTheDiscriminatorsInput() {
        Architecture.NetworkSpec spec = new Architecture.NetworkSpec(0, 5, new Adam(1e-3), DataType.DOUBLE);
        Mlp unit = new Mlp(2, 2, 16, 16, 2);
        Mlp scaled = new Mlp(2, 2, 16, 16, 2, SCALE);
        MultiLayerNetwork g = net(unit.generator(spec));
        MultiLayerNetwork scaledG = net(scaled.generator(spec));
        MultiLayerNetwork d = net(unit.discriminator(spec));
        MultiLayerNetwork scaledD = net(scaled.discriminator(spec));
        scaledG.setParams(g.params());
        scaledD.setParams(d.params());

        INDArray z = RandomStreams.gaussian(new SplittableRandom(1), DataType.DOUBLE, 8, 2);
        assertEquals(g.output(z).mul(SCALE), scaledG.output(z));
        INDArray x = RandomStreams.gaussian(new SplittableRandom(2), DataType.DOUBLE, 8, 2);
        assertEquals(d.output(x), scaledD.output(x.mul(SCALE)));
    }

    @Test
    void theScaledDiscriminatorsInputGradientIsTheChainRuleOne() {
        Architecture.NetworkSpec spec = new Architecture.NetworkSpec(0, 5, new Adam(1e-3), DataType.DOUBLE);
        MultiLayerNetwork d = net(new Mlp(2, 2, 16, 16, 2).discriminator(spec));
        MultiLayerNetwork scaledD = net(new Mlp(2, 2, 16, 16, 2, SCALE).discriminator(spec));
        scaledD.setParams(d.params());
        INDArray x = RandomStreams.gaussian(new SplittableRandom(3), DataType.DOUBLE, 4, 2);
        INDArray ones = org.nd4j.linalg.factory.Nd4j.ones(DataType.DOUBLE, 4, 1);

        SequentialNetwork plain = new SequentialNetwork(d);
        plain.forward(x);
        INDArray grad = plain.backward(ones).input().dup();
        SequentialNetwork scaledNet = new SequentialNetwork(scaledD);
        scaledNet.forward(x.mul(SCALE));
        INDArray scaledGrad = scaledNet.backward(ones).input();
        assertEquals(0, grad.div(SCALE).distance2(scaledGrad), 1e-12);
    }

    @Test
    void rejectsANonPositiveScale() {
        assertThrows(IllegalArgumentException.class, () -> new Mlp(2, 2, 4, 4, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new Scale(-1));
    }

    private static MultiLayerNetwork net(org.deeplearning4j.nn.conf.MultiLayerConfiguration conf) {
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }
}
