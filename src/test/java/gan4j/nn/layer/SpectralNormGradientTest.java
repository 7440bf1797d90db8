package gan4j.nn.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gan4j.nn.Network;
import gan4j.nn.SequentialNetwork;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleSupplier;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Gradients through spectral normalisation against float64 central differences.
 *
 * <p>Power iteration moves u on every training forward pass, so the function a training pass
 * computes changes between the passes of a finite difference. The checks therefore stop the
 * iteration (after a few real training passes, so that u is a converging estimate, not its
 * random start): σ(W) = uᵀMv with v = Mᵀu/‖Mᵀu‖ is then ‖Mᵀu‖, a fixed function of W whose exact
 * derivative is u vᵀ, the paper's gradient with u and v held constant. Everything else the
 * backward pass runs (v, σ, W_sn, the gradient correction) is the production code.
 */
class SpectralNormGradientTest {

    private static final double STEP = 1e-6;

    @BeforeAll
    static void doublePrecision() {
        // GradientCheckUtil insists on double as the global default; restored after these tests.
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    @AfterAll
    static void restorePrecision() {
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
    }

    @Test
    void parameterGradientsPassDl4jGradientCheck() {
        MultiLayerConfiguration body = SpectralNormNets.stack(new NoOp(), 5);
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder().seed(5)
                .dataType(DataType.DOUBLE).updater(new NoOp()).list();
        for (int i = 0; i < body.getConfs().size(); i++) {
            list.layer(body.getConf(i).getLayer());
            if (body.getInputPreProcess(i) != null) {
                list.inputPreProcessor(i, body.getInputPreProcess(i));
            }
        }
        list.layer(new LossLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY).build());
        MultiLayerNetwork net = SpectralNormNets.initialised(list.build());
        INDArray x = Nd4j.randn(DataType.DOUBLE, 3, 2, 4, 4);
        settle(net, x);
        assertTrue(GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig().net(net)
                .input(x).labels(Nd4j.rand(DataType.DOUBLE, 3, 2)).epsilon(STEP).maxRelError(1e-5)
                .minAbsoluteError(1e-9).excludeParams(Set.of("0_u", "1_u"))));
    }

    /**
     * Every weight and bias and every input, through the trainer's forward and backward passes,
     * of the tanh stack and of a discriminator-like one (identity convolution, whose backward
     * pass reuses the forward pre-activation, then LeakyReLU).
     */
    @Test
    void trainerBackwardPathMatchesFiniteDifferences() {
        matchesFiniteDifferences(SpectralNormNets.initialised(SpectralNormNets.stack(new NoOp(), 9)));
        matchesFiniteDifferences(SpectralNormNets.initialised(SpectralNormNets.discriminatorLike(new NoOp(), 9)));
    }

    private static void matchesFiniteDifferences(MultiLayerNetwork net) {
        Network network = new SequentialNetwork(net);
        INDArray x = Nd4j.randn(DataType.DOUBLE, 4, 2, 4, 4);
        INDArray weights = Nd4j.create(new double[][] {{0.7, -0.2}, {-1.3, 0.4}, {0.2, 1.1}, {2.0, -0.6}});
        settle(net, x);

        network.forward(x);
        SequentialNetwork.Backward backward = network.backward(weights);
        Map<String, INDArray> analytic = new HashMap<>();
        // In the views' own order: a linear index into a dense layer's 'f'-ordered W follows it.
        backward.parameters().gradientForVariable().forEach((name, g) -> analytic.put(name, g.dup(g.ordering())));
        INDArray inputGradient = backward.input().dup();

        int checked = 0;
        for (Map.Entry<String, INDArray> entry : net.paramTable().entrySet()) {
            if (entry.getKey().endsWith("_" + SpectralNormParams.U_KEY)) {
                continue;
            }
            INDArray view = entry.getValue();
            for (long i = 0; i < view.length(); i++) {
                double numeric = centralDifference(view, i, () -> weighted(network, x, weights));
                assertEquals(numeric, analytic.get(entry.getKey()).getDouble(i), 1e-9 + 1e-6 * Math.abs(numeric),
                        entry.getKey() + "[" + i + "]");
                checked++;
            }
        }
        assertEquals(3 * 2 * 2 * 2 + 3 + 27 * 2 + 2, checked);
        for (long i = 0; i < x.length(); i++) {
            double numeric = centralDifference(x, i, () -> weighted(network, x, weights));
            assertEquals(numeric, inputGradient.getDouble(i), 1e-9 + 1e-6 * Math.abs(numeric), "input " + i);
        }
    }

    /**
     * The float path gan4j trains with, workspaces and all, over three Adam steps: outputs, u
     * and parameters stay within float rounding of the same network in double precision.
     */
    @Test
    void floatNetworkTracksTheDoubleOne() {
        MultiLayerNetwork wide = SpectralNormNets.initialised(SpectralNormNets.stack(new Adam(0.01), 2));
        MultiLayerNetwork narrow = SpectralNormNets.initialised(SpectralNormNets.stack(new Adam(0.01), 2,
                DataType.FLOAT));
        narrow.setParams(wide.params().castTo(DataType.FLOAT));
        Network doubles = new SequentialNetwork(wide);
        Network floats = new SequentialNetwork(narrow);
        Nd4j.getRandom().setSeed(21);
        for (int step = 0; step < 3; step++) {
            INDArray x = Nd4j.randn(DataType.DOUBLE, 4, 2, 4, 4);
            INDArray error = Nd4j.randn(DataType.DOUBLE, 4, 2);
            INDArray expected = doubles.forward(x);
            INDArray actual = floats.forward(x.castTo(DataType.FLOAT));
            assertEquals(0, expected.distance2(actual.castTo(DataType.DOUBLE)), 1e-5, "output, step " + step);
            doubles.update(doubles.backward(error).parameters());
            floats.update(floats.backward(error.castTo(DataType.FLOAT)).parameters());
            // Measured: 1e-7 to 3e-7 for outputs and parameters alike.
            assertEquals(0, wide.params().distance2(narrow.params().castTo(DataType.DOUBLE)), 1e-5,
                    "parameters, step " + step);
        }
    }

    /** A few training passes with power iteration, then none, so that u is a realistic, fixed estimate. */
    private static void settle(MultiLayerNetwork net, INDArray x) {
        for (int pass = 0; pass < 3; pass++) {
            net.output(x, true);
        }
        SpectralNormFreezer.stopIterating(net);
    }

    private static double centralDifference(INDArray values, long i, DoubleSupplier f) {
        double original = values.getDouble(i);
        values.putScalar(i, original + STEP);
        double plus = f.getAsDouble();
        values.putScalar(i, original - STEP);
        double minus = f.getAsDouble();
        values.putScalar(i, original);
        return (plus - minus) / (2 * STEP);
    }

    /** Σ weights·D(x), whose gradient is what backward(weights) returns. */
    private static double weighted(Network network, INDArray x, INDArray weights) {
        double value = network.forward(x).mul(weights).sumNumber().doubleValue();
        network.releaseActivations();
        return value;
    }
}
