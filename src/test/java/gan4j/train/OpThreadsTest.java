package gan4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gan4j.arch.Architecture;
import gan4j.arch.Conditioning;
import gan4j.arch.Dcgan;
import gan4j.arch.Mlp;
import gan4j.objective.Objectives;
import gan4j.penalty.InputNoise;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/** Toy-sized models train with one thread per op; image-sized ones keep ND4J's default. */
class OpThreadsTest {

    @AfterEach
    void restoreDefault() {
        Nd4j.getEnvironment().setMaxMasterThreads(Nd4j.getEnvironment().maxThreads());
    }

    @Test
    void theToyMlpRunsOnOneThread() {
        Variant toy = variant(new Mlp(2, 2, 128, 128, 3), Conditioning.none());
        Networks networks = networks(toy);
        assertEquals(128, OpThreads.largestActivationPerSample(networks, toy));
        assertEquals(1, OpThreads.configure(networks, toy, 256));
        assertEquals(1, Nd4j.getEnvironment().maxMasterThreads());
    }

    @Test
    void aDcganKeepsTheDefault() {
        Variant dcgan = variant(new Dcgan(28, 1, 100, 64, 64, true), Conditioning.oneHot(10));
        Networks networks = networks(dcgan);
        // 64 feature maps of 14×14, in G's last hidden layer and D's first.
        assertEquals(64 * 14 * 14, OpThreads.largestActivationPerSample(networks, dcgan));
        assertEquals(Nd4j.getEnvironment().maxThreads(), OpThreads.configure(networks, dcgan, 64));
    }

    private static Variant variant(Architecture architecture, Conditioning conditioning) {
        return new Variant(architecture, conditioning, Objectives.byName("non_saturating", Map.of()), List.of(),
                List.of(), InputNoise.NONE, 1);
    }

    private static Networks networks(Variant variant) {
        int channels = variant.conditioning().channels();
        return new Networks(
                network(variant.architecture().generator(new Architecture.NetworkSpec(channels, 1, new Adam(), DataType.FLOAT))),
                network(variant.architecture().discriminator(new Architecture.NetworkSpec(channels, 2, new Adam(), DataType.FLOAT))));
    }

    private static Network network(MultiLayerConfiguration configuration) {
        MultiLayerNetwork net = new MultiLayerNetwork(configuration);
        net.init();
        return new Network(net);
    }
}
