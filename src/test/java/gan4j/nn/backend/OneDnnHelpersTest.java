package gan4j.nn.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.reflect.Method;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.distribution.NormalDistribution;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.mkldnn.BaseMKLDNNHelper;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** The shim makes DL4J's oneDNN helpers reachable, and they compute what the built-in layers compute. */
class OneDnnHelpersTest {

    @BeforeAll
    static void backend() {
        CpuBackend.init();
    }

    @Test
    void theReflectiveLookupOfBaseMklDnnHelperSucceeds() throws Exception {
        // exactly what BaseMKLDNNHelper.mklDnnEnabled() does (deeplearning4j-nn 1.0.0-M2.1, l. 51-55)
        Class<?> clazz = Class.forName("org.nd4j.nativeblas.Nd4jCpu$Environment");
        Method getInstance = clazz.getMethod("getInstance");
        Object instance = getInstance.invoke(null);
        assertNotNull(instance);
        Object on = clazz.getMethod("isUseMKLDNN").invoke(instance);
        assertEquals(org.nd4j.nativeblas.Nd4jCpu.Environment.buildHasOneDnn(), on);
        assertEquals(on, BaseMKLDNNHelper.mklDnnEnabled());
    }

    @Test
    void theChosenBuildIsTheOneLoaded() {
        CpuBackend.Choice c = CpuBackend.configure();
        assumeTrue(c.variant() != null && c.notes().isEmpty(), "no build chosen here: " + c.notes());
        assertEquals(c.variant().classifier(), CpuBackend.loadedCpuBuild());
        assertEquals(c.variant().hasOneDnn(), org.nd4j.nativeblas.Nd4jCpu.Environment.buildHasOneDnn());
        assertEquals(c.variant().hasOneDnn(), BaseMKLDNNHelper.mklDnnEnabled());
    }

    static MultiLayerNetwork net(boolean helpers) {
        String old = System.getProperty(CpuBackend.HELPERS_DISABLE);
        System.setProperty(CpuBackend.HELPERS_DISABLE, String.valueOf(!helpers));
        try {
            // ELU rather than (leaky) ReLU: no kink for float rounding to land on either side of
            MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(3).dataType(DataType.FLOAT)
                    .updater(new Adam(2e-4, 0.5, 0.999, 1e-8)).weightInit(new NormalDistribution(0, 0.2))
                    .convolutionMode(ConvolutionMode.Truncate).list()
                    .layer(new ConvolutionLayer.Builder(4, 4).stride(2, 2).padding(1, 1).nOut(8).activation(Activation.ELU).build())
                    .layer(new ConvolutionLayer.Builder(4, 4).stride(2, 2).padding(1, 1).nOut(16).hasBias(false)
                            .activation(Activation.IDENTITY).build())
                    .layer(new BatchNormalization.Builder().build())
                    .layer(new ActivationLayer.Builder().activation(Activation.ELU).build())
                    .layer(new OutputLayer.Builder(LossFunctions.LossFunction.XENT).nOut(1).activation(Activation.SIGMOID).build())
                    .setInputType(InputType.convolutional(16, 16, 3)).build();
            MultiLayerNetwork n = new MultiLayerNetwork(conf);
            n.init();
            return n;
        } finally {
            if (old == null) {
                System.clearProperty(CpuBackend.HELPERS_DISABLE);
            } else {
                System.setProperty(CpuBackend.HELPERS_DISABLE, old);
            }
        }
    }

    static int helpers(MultiLayerNetwork n) {
        int k = 0;
        for (Layer l : n.getLayers()) {
            k += l.getHelper() != null ? 1 : 0;
        }
        return k;
    }

    static double rel(INDArray a, INDArray b) {
        return a.castTo(DataType.DOUBLE).sub(b.castTo(DataType.DOUBLE)).norm2Number().doubleValue()
                / b.castTo(DataType.DOUBLE).norm2Number().doubleValue();
    }

    @Test
    void helpersGiveTheSameOutputsAndGradients() {
        assumeTrue(BaseMKLDNNHelper.mklDnnEnabled(), "oneDNN helpers not available in this build");
        MultiLayerNetwork off = net(false);
        MultiLayerNetwork on = net(true);
        assertEquals(0, helpers(off));
        assertEquals(3, helpers(on), "conv, conv, batch norm");
        on.setParams(off.params().dup());
        Nd4j.getRandom().setSeed(11);
        INDArray x = Nd4j.rand(DataType.FLOAT, 8, 3, 16, 16).muli(2).subi(1);
        INDArray y = Nd4j.rand(DataType.FLOAT, 8, 1).gt(0.5).castTo(DataType.FLOAT);

        assertTrue(rel(on.output(x, true), off.output(x, true)) < 1e-5);
        Pair<Gradient, INDArray> gOff = off.calculateGradients(x, y, null, null);
        INDArray pOff = gOff.getFirst().gradient().dup();
        INDArray iOff = gOff.getSecond().dup();
        Pair<Gradient, INDArray> gOn = on.calculateGradients(x, y, null, null);
        double params = rel(gOn.getFirst().gradient(), pOff);
        double input = rel(gOn.getSecond(), iOff);
        assertTrue(params < 1e-4, "parameter gradients differ: " + params);
        assertTrue(input < 1e-4, "input gradients differ: " + input);

        // and after a few fit() steps
        for (int i = 0; i < 3; i++) {
            off.fit(x, y);
            on.fit(x, y);
        }
        double after = rel(on.params(), off.params());
        assertTrue(after < 1e-4, "parameters after 3 steps differ: " + after);
    }
}
