package gan4j.arch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gan4j.config.ModelConfig.Norm;
import gan4j.nn.SequentialNetwork;
import gan4j.nn.layer.BatchNorm;
import gan4j.nn.layer.SpectralNormConvolution;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Sgd;

class DcganTest {

    @ParameterizedTest
    @ValueSource(ints = {28, 32, 64})
    void generatorMakesImagesAndDiscriminatorScoresThem(int size) {
        Dcgan dcgan = new Dcgan(size, 3, 16, 8, 8, Norm.BATCH, Norm.BATCH);
        Architecture.NetworkSpec spec = new Architecture.NetworkSpec(0, 1, new Sgd(0.1), DataType.FLOAT);
        SequentialNetwork g = network(dcgan.generator(spec));
        SequentialNetwork d = network(dcgan.discriminator(spec));

        INDArray images = g.forward(Nd4j.randn(DataType.FLOAT, dcgan.latentShape(5)));
        g.releaseActivations();
        assertArrayEquals(new long[] {5, 3, size, size}, images.shape());
        assertTrue(images.amaxNumber().doubleValue() <= 1.0, "tanh output stays in [-1, 1]");

        INDArray scores = d.forward(images);
        assertArrayEquals(new long[] {5, 1}, scores.shape());
        SequentialNetwork.Backward back = d.backward(Nd4j.onesLike(scores));
        assertArrayEquals(images.shape(), back.input().shape());
        assertEquals(d.model().numParams(), back.parameters().gradient().length());
    }

    private static SequentialNetwork network(org.deeplearning4j.nn.conf.MultiLayerConfiguration conf) {
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return new SequentialNetwork(net);
    }

    @Test
    void aSpectrallyNormalizedCriticHasNoBatchNormAndScoresEachSample() {
        Dcgan dcgan = new Dcgan(32, 3, 16, 8, 8, Norm.NONE, Norm.SPECTRAL);
        Architecture.NetworkSpec spec = new Architecture.NetworkSpec(0, 1, new Adam(),
                DataType.FLOAT);
        MultiLayerConfiguration d = dcgan.discriminator(spec);
        long spectral = d.getConfs().stream().filter(c -> c.getLayer() instanceof SpectralNormConvolution)
                .count();
        assertEquals(4, spectral, "three stride-2 convolutions and the score");
        assertTrue(d.getConfs().stream().noneMatch(c -> c.getLayer() instanceof BatchNorm));
        assertTrue(dcgan.generator(spec).getConfs().stream()
                .noneMatch(c -> c.getLayer() instanceof BatchNorm), "generator_norm none");
        SequentialNetwork critic = SequentialNetwork.initialised(d);
        assertArrayEquals(new long[] {5, 1}, critic.forward(Nd4j.rand(DataType.FLOAT, 5, 3, 32, 32)).shape());
        critic.releaseActivations();
    }
}
