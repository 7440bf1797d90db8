package gan4j.nn.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gan4j.io.BoundedZip;
import gan4j.nn.Network;
import gan4j.nn.NetworkSnapshot;
import gan4j.nn.ParameterGradient;
import gan4j.nn.SequentialNetwork;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;

/** Spectral normalisation's u: where it lives, who moves it, and that it carries a run across a restore. */
class SpectralNormStateTest {

    /** Each layer's u key and how it sees its weights as [outputs, rest]. */
    private static final List<Layer> LAYERS = List.of(
            new Layer("0", w -> w.reshape('c', w.size(0), w.length() / w.size(0))),
            new Layer("1", INDArray::transpose));

    @Test
    void resumingFromCopiedParametersContinuesBitExactly() throws IOException {
        MultiLayerConfiguration configuration = SpectralNormNets.stack(new Adam(0.05), 3);
        MultiLayerNetwork original = SpectralNormNets.initialised(configuration);
        Network trained = new SequentialNetwork(original);
        Batch[] batches = batches(6);
        INDArray initial = original.params().dup();
        for (int step = 0; step < 3; step++) {
            step(trained, batches[step]);
        }
        for (Layer layer : LAYERS) {
            assertFalse(Arrays.equals(layer.slice(original, initial, "u"), layer.slice(original, original.params(), "u")),
                    "power iteration moved " + layer.u());
        }

        // One configuration each: a network keeps its iteration count in its configuration object.
        MultiLayerNetwork restored = copy(original, MultiLayerConfiguration.fromJson(configuration.toJson()));
        // The control: everything restored but u, which restarts from its initial value.
        MultiLayerNetwork withoutU = copy(original, MultiLayerConfiguration.fromJson(configuration.toJson()));
        for (Layer layer : LAYERS) {
            withoutU.getParam(layer.u()).assign(Nd4j.createFromArray(layer.slice(original, initial, "u")));
        }
        MultiLayerNetwork checkpointed = throughCheckpoint(original,
                MultiLayerConfiguration.fromJson(configuration.toJson()));
        Network resumed = new SequentialNetwork(restored);
        Network resumedWithoutU = new SequentialNetwork(withoutU);
        Network resumedFromCheckpoint = new SequentialNetwork(checkpointed);
        for (int step = 3; step < 6; step++) {
            step(trained, batches[step]);
            step(resumed, batches[step]);
            step(resumedWithoutU, batches[step]);
            step(resumedFromCheckpoint, batches[step]);
        }
        assertArrayEquals(original.params().toDoubleVector(), restored.params().toDoubleVector());
        assertArrayEquals(original.params().toDoubleVector(), checkpointed.params().toDoubleVector());
        assertArrayEquals(original.getUpdater().getStateViewArray().toDoubleVector(),
                restored.getUpdater().getStateViewArray().toDoubleVector());
        assertFalse(Arrays.equals(original.params().toDoubleVector(), withoutU.params().toDoubleVector()));
    }

    /**
     * Each training forward pass sets u to one power iteration from the previous u (computed here
     * in plain double arithmetic); its gradient is zero and Adam, which does move the weights,
     * leaves it exactly there.
     */
    @Test
    void adamLeavesUWherePowerIterationPutIt() {
        MultiLayerNetwork net = SpectralNormNets.initialised(SpectralNormNets.stack(new Adam(0.05), 4));
        Network network = new SequentialNetwork(net);
        // Adam keeps two moments per parameter; u, under NoOp, has none.
        long uLength = net.getParam("0_u").length() + net.getParam("1_u").length();
        assertEquals(2 * (net.numParams() - uLength), net.getUpdater().getStateViewArray().length());
        for (Batch batch : batches(4)) {
            INDArray before = net.params().dup();
            network.forward(batch.input());
            for (Layer layer : LAYERS) {
                double[] expected = powerStep(layer.matrix(net.getParam(layer.key("W"))), layer.slice(net, before, "u"));
                assertArrayEquals(expected, layer.slice(net, net.params(), "u"), 1e-12, layer.u());
            }
            INDArray afterForward = net.params().dup();
            ParameterGradient gradient = network.backward(batch.error()).parameters();
            for (Layer layer : LAYERS) {
                assertEquals(0, gradient.gradientForVariable().get(layer.u()).amaxNumber().doubleValue(), layer.u());
            }
            network.update(gradient);
            for (Layer layer : LAYERS) {
                assertArrayEquals(layer.slice(net, afterForward, "u"), layer.slice(net, net.params(), "u"), layer.u());
                assertFalse(Arrays.equals(layer.slice(net, afterForward, "W"), layer.slice(net, net.params(), "W")),
                        layer.key("W"));
            }
        }
    }

    @Test
    void uIsStateThatWeightClippingAndPenaltiesLeaveAlone() {
        SequentialNetwork network = SequentialNetwork.initialised(SpectralNormNets.stack(new Adam(0.05), 4));
        for (Layer layer : LAYERS) {
            assertTrue(network.paramTable().containsKey(layer.u()));
            assertFalse(network.weights().containsKey(layer.u()), layer.u());
            assertTrue(network.weights().containsKey(layer.key("W")));
        }
    }

    @Test
    void inferenceReadsUWithoutMovingIt() {
        MultiLayerNetwork net = SpectralNormNets.initialised(SpectralNormNets.stack(new Adam(0.05), 5));
        INDArray x = batches(1)[0].input();
        net.output(x, true);
        INDArray params = net.params().dup();
        INDArray first = net.output(x, false);
        INDArray second = net.output(x, false);
        assertArrayEquals(params.toDoubleVector(), net.params().toDoubleVector());
        assertArrayEquals(first.reshape(first.length()).toDoubleVector(), second.reshape(second.length()).toDoubleVector());
    }

    @Test
    void uStartsAsASeededUnitVector() {
        MultiLayerNetwork a = SpectralNormNets.initialised(SpectralNormNets.stack(new Adam(0.05), 6));
        MultiLayerNetwork b = SpectralNormNets.initialised(SpectralNormNets.stack(new Adam(0.05), 6));
        MultiLayerNetwork c = SpectralNormNets.initialised(SpectralNormNets.stack(new Adam(0.05), 7));
        for (Layer layer : LAYERS) {
            assertEquals(1, a.getParam(layer.u()).norm2Number().doubleValue(), 1e-12);
            assertArrayEquals(a.getParam(layer.u()).toDoubleVector(), b.getParam(layer.u()).toDoubleVector());
            assertFalse(Arrays.equals(a.getParam(layer.u()).toDoubleVector(), c.getParam(layer.u()).toDoubleVector()));
        }
    }

    private static void step(Network network, Batch batch) {
        network.forward(batch.input());
        network.update(network.backward(batch.error()).parameters());
    }

    /** A fresh network from {@code configuration} with {@code original}'s parameters, updater state and step count. */
    private static MultiLayerNetwork copy(MultiLayerNetwork original, MultiLayerConfiguration configuration) {
        MultiLayerNetwork copy = SpectralNormNets.initialised(configuration);
        copy.setParams(original.params().dup());
        copy.getUpdater().getStateViewArray().assign(original.getUpdater().getStateViewArray());
        copy.setIterationCount(original.getIterationCount());
        return copy;
    }

    /** {@code net} written and read back as gan4j's checkpoints do, with ModelSerializer and the updater state. */
    /** Through gan4j's checkpoint path: a snapshot in a zip, restored into a network built from the configuration. */
    private static MultiLayerNetwork throughCheckpoint(MultiLayerNetwork net, MultiLayerConfiguration configuration)
            throws IOException {
        Path file = Files.createTempFile("sn-snapshot", ".zip");
        try {
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
                NetworkSnapshot.write(new SequentialNetwork(net), "d", zip);
            }
            SequentialNetwork fresh = SequentialNetwork.initialised(configuration);
            try (BoundedZip zip = BoundedZip.open(file, NetworkSnapshot.entries("d"))) {
                NetworkSnapshot.restore(zip, "d", fresh);
            }
            return fresh.model();
        } finally {
            Files.delete(file);
        }
    }

    /** u' = normalize(M normalize(Mᵀu)), M the weights as [outputs, rest], u the estimate before the pass. */
    private static double[] powerStep(INDArray matrix, double[] previousU) {
        double[][] m = matrix.toDoubleMatrix();
        double[] v = new double[m[0].length];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < v.length; j++) {
                v[j] += m[i][j] * previousU[i];
            }
        }
        normalize(v);
        double[] u = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < v.length; j++) {
                u[i] += m[i][j] * v[j];
            }
        }
        normalize(u);
        return u;
    }

    private static void normalize(double[] x) {
        double norm = Math.sqrt(Arrays.stream(x).map(value -> value * value).sum());
        for (int i = 0; i < x.length; i++) {
            x[i] /= norm;
        }
    }

    private static Batch[] batches(int count) {
        Nd4j.getRandom().setSeed(11);
        Batch[] batches = new Batch[count];
        for (int i = 0; i < count; i++) {
            batches[i] = new Batch(Nd4j.randn(DataType.DOUBLE, 4, 2, 4, 4), Nd4j.randn(DataType.DOUBLE, 4, 2));
        }
        return batches;
    }

    private record Batch(INDArray input, INDArray error) {
    }

    /** A spectrally normalised layer of the stack, by index. */
    private record Layer(String index, UnaryOperator<INDArray> asMatrix) {

        String key(String param) {
            return index + "_" + param;
        }

        String u() {
            return key(SpectralNormParams.U_KEY);
        }

        INDArray matrix(INDArray weights) {
            return asMatrix.apply(weights);
        }

        /** Parameter {@code param} of this layer within {@code flat}, a copy of {@code net}'s parameter vector. */
        double[] slice(MultiLayerNetwork net, INDArray flat, String param) {
            long offset = 0;
            for (Map.Entry<String, INDArray> entry : net.paramTable().entrySet()) {
                long length = entry.getValue().length();
                if (entry.getKey().equals(key(param))) {
                    return flat.reshape(flat.length()).get(NDArrayIndex.interval(offset, offset + length))
                            .toDoubleVector();
                }
                offset += length;
            }
            throw new IllegalArgumentException(key(param));
        }
    }
}
