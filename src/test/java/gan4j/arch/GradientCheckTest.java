package gan4j.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gan4j.config.ModelConfig.Norm;
import gan4j.nn.SequentialNetwork;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Gradients of the DCGAN networks in double precision: DL4J's own check of the layer stack, and a
 * finite-difference check of the forward/backward path the trainer actually uses.
 */
class GradientCheckTest {

    @BeforeAll
    static void doublePrecision() {
        // GradientCheckUtil insists on double as the global default; restored after these tests.
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    @AfterAll
    static void restorePrecision() {
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
    }

    private static final Dcgan TINY = new Dcgan(28, 1, 4, 2, 2, Norm.BATCH, Norm.BATCH);
    private static final Architecture.NetworkSpec SPEC =
            new Architecture.NetworkSpec(0, 3, new NoOp(), DataType.DOUBLE);

    @Test
    void generatorLayersPassDl4jGradientCheck() {
        MultiLayerNetwork net = withLossHead(TINY.generator(SPEC),
                new CnnLossLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY).build());
        INDArray z = Nd4j.randn(DataType.DOUBLE, TINY.latentShape(3));
        INDArray target = Nd4j.rand(DataType.DOUBLE, 3, 1, 28, 28);
        assertTrue(GradientCheckUtil.checkGradients(check(net).input(z).labels(target)));
    }

    @Test
    void batchNormMlpGeneratorLayersPassDl4jGradientCheck() {
        Mlp mlp = new Mlp(2, 2, 4, 4, 2, 2.83, 1, 1, true);
        MultiLayerNetwork net = withLossHead(mlp.generator(SPEC),
                new LossLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY).build());
        INDArray z = Nd4j.randn(DataType.DOUBLE, mlp.latentShape(5));
        INDArray target = Nd4j.randn(DataType.DOUBLE, 5, 2);
        assertTrue(GradientCheckUtil.checkGradients(check(net).input(z).labels(target)));
    }

    @Test
    void discriminatorLayersPassDl4jGradientCheck() {
        MultiLayerNetwork net = withLossHead(TINY.discriminator(SPEC),
                new LossLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY).build());
        INDArray x = Nd4j.rand(DataType.DOUBLE, 3, 1, 28, 28).muli(2).subi(1);
        INDArray target = Nd4j.rand(DataType.DOUBLE, 3, 1);
        assertTrue(GradientCheckUtil.checkGradients(check(net).input(x).labels(target)));
    }

    @Test
    void trainerBackwardPathMatchesFiniteDifferences() {
        MultiLayerNetwork net = new MultiLayerNetwork(TINY.discriminator(SPEC));
        net.init();
        SequentialNetwork d = new SequentialNetwork(net);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 4, 1, 28, 28).muli(2).subi(1);
        INDArray weights = Nd4j.create(new double[][] {{0.7}, {-1.3}, {0.2}, {2.0}});

        d.forward(x);
        SequentialNetwork.Backward backward = d.backward(weights);
        Map<String, INDArray> analytic = new HashMap<>();
        backward.parameters().gradientForVariable().forEach((name, g) -> analytic.put(name, g.dup()));
        INDArray inputGradient = backward.input().dup();

        double h = 1e-6;
        int checked = 0;
        for (Map.Entry<String, INDArray> entry : net.paramTable().entrySet()) {
            // Running statistics carry pseudo-gradients (their update) and do not act in training mode.
            if (entry.getKey().endsWith("_mean") || entry.getKey().endsWith("_var")
                    || entry.getKey().endsWith("_log10stdev")) {
                continue;
            }
            INDArray view = entry.getValue();
            INDArray expected = analytic.get(entry.getKey());
            for (long i = 0; i < view.length(); i += Math.max(1, view.length() / 7)) {
                double original = view.getDouble(i);
                view.putScalar(i, original + h);
                double plus = weighted(d, x, weights);
                view.putScalar(i, original - h);
                double minus = weighted(d, x, weights);
                view.putScalar(i, original);
                double numeric = (plus - minus) / (2 * h);
                assertEquals(numeric, expected.getDouble(i), 1e-6 + 1e-4 * Math.abs(numeric),
                        entry.getKey() + "[" + i + "]");
                checked++;
            }
        }
        assertTrue(checked > 30);
        for (long i = 0; i < x.length(); i += 97) {
            double original = x.getDouble(i);
            x.putScalar(i, original + h);
            double plus = weighted(d, x, weights);
            x.putScalar(i, original - h);
            double minus = weighted(d, x, weights);
            x.putScalar(i, original);
            assertEquals((plus - minus) / (2 * h), inputGradient.getDouble(i), 1e-7, "input " + i);
        }
    }

    @Test
    void updateAdvancesTheIterationCountAdamReads() {
        MultiLayerNetwork net = new MultiLayerNetwork(TINY.discriminator(SPEC));
        net.init();
        SequentialNetwork d = new SequentialNetwork(net);
        d.forward(Nd4j.rand(DataType.DOUBLE, 2, 1, 28, 28));
        d.update(d.backward(Nd4j.ones(DataType.DOUBLE, 2, 1)).parameters());
        assertEquals(1, net.getIterationCount());
    }

    /**
     * Double-precision central differences on a sample of every parameter, leaving out BatchNorm's
     * running statistics, whose "gradients" are their updates and which training-mode passes ignore.
     */
    private static GradientCheckUtil.MLNConfig check(MultiLayerNetwork net) {
        Set<String> runningStatistics = net.paramTable().keySet().stream()
                .filter(name -> name.endsWith("_mean") || name.endsWith("_var") || name.endsWith("_log10stdev"))
                .collect(Collectors.toSet());
        return new GradientCheckUtil.MLNConfig().net(net).epsilon(1e-6).maxRelError(1e-3).minAbsoluteError(1e-7)
                .excludeParams(runningStatistics).subset(true).maxPerParam(25);
    }

    /** Σ weights·D(x), whose gradient is what backward(weights) returns (training-mode BatchNorm). */
    private static double weighted(SequentialNetwork d, INDArray x, INDArray weights) {
        double value = d.forward(x).mul(weights).sumNumber().doubleValue();
        d.releaseActivations();
        return value;
    }

    private static MultiLayerNetwork withLossHead(MultiLayerConfiguration body, Layer head) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder().seed(3)
                .dataType(DataType.DOUBLE).updater(new NoOp()).list();
        for (int i = 0; i < body.getConfs().size(); i++) {
            list.layer(body.getConf(i).getLayer());
            if (body.getInputPreProcess(i) != null) {
                list.inputPreProcessor(i, body.getInputPreProcess(i));
            }
        }
        list.layer(head);
        MultiLayerNetwork net = new MultiLayerNetwork(list.build());
        net.init();
        return net;
    }
}
