package gan4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gan4j.arch.Architecture;
import gan4j.arch.Dcgan;
import gan4j.arch.Resnet;
import gan4j.config.ModelConfig.Norm;
import gan4j.nn.layer.SpectralNormFreezer;
import gan4j.nn.layer.SpectralNormParams;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.DoubleSupplier;
import java.util.function.IntFunction;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * {@link GraphNetwork} on tiny ResNets in double precision: D's optimized block and G's first
 * up-block both read one array twice (the graph input, the reshaped dense output), so their
 * gradients are sums over two paths.
 */
class GraphNetworkTest {

    private static final int BATCH = 2;
    private static final int LATENT = 3;
    private static final Resnet RESNET = new Resnet(28, 1, LATENT, 2, 2, 1, Norm.BATCH, Norm.NONE);

    private static ComputationGraphConfiguration generator(IUpdater updater) {
        return RESNET.generator(new Architecture.NetworkSpec(0, 7, updater, DataType.DOUBLE));
    }

    private static ComputationGraphConfiguration discriminator(IUpdater updater) {
        return RESNET.discriminator(new Architecture.NetworkSpec(0, 7, updater, DataType.DOUBLE));
    }

    /** On a copy: a graph keeps its iteration count in its configuration, which it does not copy. */
    private static ComputationGraph graph(ComputationGraphConfiguration conf) {
        ComputationGraph graph = new ComputationGraph(conf.clone());
        graph.init();
        return graph;
    }

    private static INDArray latents(long seed) {
        Nd4j.getRandom().setSeed(seed);
        return Nd4j.randn(DataType.DOUBLE, RESNET.latentShape(BATCH));
    }

    private static INDArray images(long seed) {
        Nd4j.getRandom().setSeed(seed);
        return Nd4j.rand(DataType.DOUBLE, BATCH, 1, 28, 28).muli(2).subi(1);
    }

    private static INDArray error(long seed, long... shape) {
        Nd4j.getRandom().setSeed(seed);
        return Nd4j.randn(DataType.DOUBLE, shape);
    }

    @Test
    void discriminatorGradientsEqualDl4jsOwn() {
        sameParameterGradientAsDl4j(discriminator(new Sgd(0.1)), images(1));
    }

    @Test
    void generatorGradientsEqualDl4jsOwn() {
        sameParameterGradientAsDl4j(generator(new Sgd(0.1)), latents(1));
    }

    /** DL4J's graph computes parameter gradients for an external error, just not the input gradient. */
    private static void sameParameterGradientAsDl4j(ComputationGraphConfiguration conf, INDArray input) {
        GraphNetwork network = new GraphNetwork(graph(conf));
        ComputationGraph reference = graph(conf);
        INDArray output = network.forward(input);
        INDArray error = error(2, output.shape());
        INDArray ours = network.backward(error).parameters().gradient().dup();

        reference.feedForward(new INDArray[] {input}, true, false);
        INDArray theirs = reference.backpropGradient(error).gradient();

        assertTrue(ours.norm2Number().doubleValue() > 0);
        assertEquals(0, ours.distance2(theirs), 1e-12 * theirs.norm2Number().doubleValue());
    }

    @Test
    void discriminatorParameterGradientPassesFiniteDifferences() {
        parameterGradientMatchesFiniteDifferences(new GraphNetwork(graph(discriminator(new Sgd(0.1)))), images(3));
    }

    @Test
    void generatorParameterGradientPassesFiniteDifferences() {
        parameterGradientMatchesFiniteDifferences(new GraphNetwork(graph(generator(new Sgd(0.1)))), latents(3));
    }

    /** Class-conditional BatchNorm: the one-hot reaches the map through broadcast products and sums. */
    private static ComputationGraphConfiguration classConditionalGenerator() {
        return new Dcgan(28, 1, LATENT, 2, 2, Norm.BATCH, Norm.NONE, true)
                .conditionalGenerator(new Architecture.NetworkSpec(3, 7, new Sgd(0.1), DataType.DOUBLE));
    }

    private static INDArray conditionedLatents() {
        return Conditioning.oneHot(3).generatorInput(latents(8), new int[] {2, 0});
    }

    @Test
    void classConditionalGeneratorParameterGradientPassesFiniteDifferences() {
        parameterGradientMatchesFiniteDifferences(new GraphNetwork(graph(classConditionalGenerator())),
                conditionedLatents());
    }

    @Test
    void classConditionalGeneratorInputGradientPassesFiniteDifferences() {
        inputGradientMatchesFiniteDifferences(new GraphNetwork(graph(classConditionalGenerator())),
                conditionedLatents());
    }

    /** SNGAN's conditional ResNets: class-conditional norms in G, a spectrally normalized projection critic. */
    private static final Resnet PROJECTION_RESNET = new Resnet(28, 1, LATENT, 2, 2, 0, Norm.BATCH, Norm.SPECTRAL,
            true);

    @Test
    void resnetClassConditionalGeneratorParameterGradientPassesFiniteDifferences() {
        GraphNetwork g = new GraphNetwork(graph(PROJECTION_RESNET.generator(
                new Architecture.NetworkSpec(3, 7, new Sgd(0.1), DataType.DOUBLE))));
        parameterGradientMatchesFiniteDifferences(g, conditionedLatents());
    }

    /** Power iteration is stopped first (as in SpectralNormGradientTest), so that σ is a fixed function of W. */
    @Test
    void resnetProjectionCriticParameterGradientPassesFiniteDifferences() {
        GraphNetwork d = new GraphNetwork(graph(PROJECTION_RESNET.discriminator(
                new Architecture.NetworkSpec(3, 7, new Sgd(0.1), DataType.DOUBLE))));
        INDArray input = Conditioning.oneHot(3).discriminatorInput(images(3), new int[] {1, 2});
        for (int pass = 0; pass < 3; pass++) {
            d.forward(input);
            d.releaseActivations();
        }
        SpectralNormFreezer.stopIterating(d.model());
        parameterGradientMatchesFiniteDifferences(d, input);
    }

    @Test
    void discriminatorInputGradientPassesFiniteDifferences() {
        inputGradientMatchesFiniteDifferences(new GraphNetwork(graph(discriminator(new Sgd(0.1)))), images(4));
    }

    @Test
    void generatorInputGradientPassesFiniteDifferences() {
        inputGradientMatchesFiniteDifferences(new GraphNetwork(graph(generator(new Sgd(0.1)))), latents(4));
    }

    /**
     * A few entries of every parameter array. The parameters move off their initial values first:
     * biases start at 0, which puts a ReLU exactly on its kink wherever a 3×3 window of its input
     * is all zero, and there the central difference averages the two one-sided slopes.
     */
    private static void parameterGradientMatchesFiniteDifferences(GraphNetwork network, INDArray input) {
        INDArray params = network.model().params();
        Nd4j.getRandom().setSeed(13);
        params.addi(Nd4j.randn(DataType.DOUBLE, params.shape()).muli(0.05));
        INDArray error = error(5, network.forward(input).shape());
        INDArray analytic = network.backward(error).parameters().gradient().dup();
        List<Long> checked = trainedParameters(network.model());
        INDArray numeric = Nd4j.zeros(DataType.DOUBLE, checked.size());
        INDArray expected = Nd4j.zeros(DataType.DOUBLE, checked.size());
        for (int i = 0; i < checked.size(); i++) {
            long index = checked.get(i);
            numeric.putScalar(i, centralDifference(params, index, () -> loss(network, input, error)));
            expected.putScalar(i, analytic.getDouble(index));
        }
        assertClose(expected, numeric);
    }

    /** Every input entry of G (the latents), every 23rd of D (the images). */
    private static void inputGradientMatchesFiniteDifferences(GraphNetwork network, INDArray input) {
        INDArray error = error(6, network.forward(input).shape());
        INDArray analytic = network.backward(error).input();
        assertArrayEquals(input.shape(), analytic.shape());
        INDArray x = input.dup();
        INDArray flat = x.reshape(x.length());
        INDArray analyticFlat = analytic.reshape(analytic.length());
        long stride = x.length() > 100 ? 23 : 1;
        int count = (int) ((x.length() + stride - 1) / stride);
        INDArray numeric = Nd4j.zeros(DataType.DOUBLE, count);
        INDArray expected = Nd4j.zeros(DataType.DOUBLE, count);
        for (int i = 0; i < count; i++) {
            numeric.putScalar(i, centralDifference(flat, i * stride, () -> loss(network, x, error)));
            expected.putScalar(i, analyticFlat.getDouble(i * stride));
        }
        assertClose(expected, numeric);
    }

    /**
     * The first, middle and last index of each parameter array the training loss depends on:
     * BatchNorm's running mean and variance and spectral norm's u sit in the parameter vector, moved
     * by their layers and not by a gradient.
     */
    private static List<Long> trainedParameters(ComputationGraph graph) {
        Set<Long> indices = new TreeSet<>();
        long offset = 0;
        for (int vertex : graph.topologicalSortOrder()) {
            if (!graph.getVertices()[vertex].hasLayer()) {
                continue;
            }
            for (var entry : graph.getVertices()[vertex].getLayer().paramTable().entrySet()) {
                long length = entry.getValue().length();
                boolean running = entry.getKey().equals("mean") || entry.getKey().equals("var")
                        || entry.getKey().equals("log10stdev") || entry.getKey().equals(SpectralNormParams.U_KEY);
                if (!running) {
                    indices.addAll(List.of(offset, offset + length / 2, offset + length - 1));
                }
                offset += length;
            }
        }
        assertEquals(graph.numParams(), offset);
        return new ArrayList<>(indices);
    }

    private static double loss(GraphNetwork network, INDArray input, INDArray error) {
        double loss = network.forward(input).mul(error).sumNumber().doubleValue();
        network.releaseActivations();
        return loss;
    }

    private static double centralDifference(INDArray values, long index, DoubleSupplier loss) {
        double h = 1e-6;
        double original = values.getDouble(index);
        values.putScalar(index, original + h);
        double up = loss.getAsDouble();
        values.putScalar(index, original - h);
        double down = loss.getAsDouble();
        values.putScalar(index, original);
        return (up - down) / (2 * h);
    }

    private static void assertClose(INDArray expected, INDArray numeric) {
        double scale = expected.norm2Number().doubleValue();
        assertTrue(scale > 0);
        for (long i = 0; i < expected.length(); i++) {
            double a = expected.getDouble(i);
            double n = numeric.getDouble(i);
            assertEquals(a, n, 1e-6 * scale + 1e-5 * Math.abs(a), "element " + i);
        }
    }

    @Test
    void discriminatorPartialPassesMatchTheFullPass() {
        partialPassesMatchTheFullPass(new GraphNetwork(graph(discriminator(new Sgd(0.1)))), images(8));
    }

    @Test
    void generatorPartialPassesMatchTheFullPass() {
        partialPassesMatchTheFullPass(new GraphNetwork(graph(generator(new Sgd(0.1)))), latents(8));
    }

    @Test
    void classConditionalGeneratorPartialPassesMatchTheFullPass() {
        partialPassesMatchTheFullPass(new GraphNetwork(graph(classConditionalGenerator())), conditionedLatents());
    }

    /**
     * The parameter-only and input-only passes take other routes through some layers (a kernel
     * gradient through deconv2d_bp, an input gradient through deconv2d), hence agreement to
     * rounding, not bits.
     */
    private static void partialPassesMatchTheFullPass(GraphNetwork network, INDArray x) {
        INDArray error = error(9, network.forward(x).shape());
        Network.Backward full = network.backward(error);
        INDArray parameters = full.parameters().gradient().dup();
        INDArray input = full.input();
        // Entries the pass leaves unwritten would otherwise still hold the full pass's values.
        network.model().getFlattenedGradients().assign(Double.NaN);
        network.forward(x);
        ParameterGradient alone = network.parameterGradient(error);
        assertEquals(0, parameters.distance2(alone.gradient()), 1e-12 * parameters.norm2Number().doubleValue());
        assertEquals(parameters.length(), alone.gradient().length());
        assertEquals(network.model().paramTable().keySet(), alone.gradientForVariable().keySet());
        network.forward(x);
        assertEquals(0, input.distance2(network.inputGradient(error)), 1e-12 * input.norm2Number().doubleValue());
    }

    @Test
    void aSecondBackwardPassNeedsItsOwnForwardPass() {
        GraphNetwork d = new GraphNetwork(graph(discriminator(new Sgd(0.1))));
        INDArray scores = d.forward(images(10));
        d.backward(Nd4j.onesLike(scores));
        assertThrows(IllegalStateException.class, () -> d.backward(Nd4j.onesLike(scores)));
    }

    /**
     * A generator step: G's activations outlive D's passes in between (a parameter pass on other
     * images, then the input-only pass that G's error comes from).
     */
    @Test
    void interleavedNetworksKeepTheirOwnActivations() {
        GraphNetwork g = new GraphNetwork(graph(generator(new Sgd(0.1))));
        GraphNetwork d = new GraphNetwork(graph(discriminator(new Sgd(0.1))));
        INDArray z = latents(11);
        INDArray scoreError = error(12, BATCH, 1);
        d.forward(g.forward(z));
        Network.Backward alone = g.backward(d.backward(scoreError).input());
        INDArray aloneInput = alone.input();
        INDArray aloneParameters = alone.parameters().gradient().dup();

        INDArray images = g.forward(z);
        d.forward(images.neg());
        d.parameterGradient(scoreError);
        d.forward(images);
        Network.Backward interleaved = g.backward(d.inputGradient(scoreError));
        assertEquals(0, aloneInput.distance2(interleaved.input()), 1e-12 * aloneInput.norm2Number().doubleValue());
        assertEquals(0, aloneParameters.distance2(interleaved.parameters().gradient()),
                1e-12 * aloneParameters.norm2Number().doubleValue());
    }

    /**
     * {@code update} against DL4J's own {@code fit}, on D extended by an L2 loss layer (whose error
     * for the score is 2·(score − target)): SGD checks the step's size, Adam the iteration count.
     */
    @Test
    void discriminatorUpdatesMoveParametersAsDl4jsFitDoes() {
        for (IUpdater updater : new IUpdater[] {new Sgd(0.01), new Adam(0.01)}) {
            ComputationGraphConfiguration conf = discriminator(updater);
            GraphNetwork network = new GraphNetwork(graph(conf));
            ComputationGraph reference = graph(withLoss(conf, new LossLayer.Builder(LossFunctions.LossFunction.L2)
                    .activation(Activation.IDENTITY).build()));
            reference.setParams(network.model().params());
            for (int step = 0; step < 4; step++) {
                INDArray x = images(20 + step);
                INDArray target = error(30 + step, BATCH, 1);
                INDArray score = network.forward(x);
                network.update(network.backward(score.sub(target).muli(2)).parameters());
                reference.fit(new INDArray[] {x}, new INDArray[] {target});
            }
            assertEquals(4, network.model().getIterationCount());
            assertEquals(4, reference.getIterationCount());
            assertEquals(0, network.model().params().distance2(reference.params()),
                    1e-12 * reference.params().norm2Number().doubleValue(), updater.toString());
        }
    }

    /** As above for G, whose BatchNorm running statistics also move through the updater. */
    @Test
    void generatorUpdatesMoveParametersAsDl4jsFitDoes() {
        ComputationGraphConfiguration conf = generator(new Adam(0.01));
        GraphNetwork network = new GraphNetwork(graph(conf));
        ComputationGraph reference = graph(withLoss(conf, new CnnLossLayer.Builder(LossFunctions.LossFunction.L2)
                .activation(Activation.IDENTITY).build()));
        reference.setParams(network.model().params());
        for (int step = 0; step < 3; step++) {
            INDArray z = latents(40 + step);
            INDArray target = images(50 + step);
            INDArray out = network.forward(z);
            network.update(network.backward(out.sub(target).muli(2)).parameters());
            reference.fit(new INDArray[] {z}, new INDArray[] {target});
        }
        assertEquals(0, network.model().params().distance2(reference.params()),
                1e-12 * reference.params().norm2Number().doubleValue());
    }

    private static ComputationGraphConfiguration withLoss(ComputationGraphConfiguration conf,
                                                          Layer loss) {
        // Not mini-batch, as the networks' own configuration: fit() would halve the step at batch 2.
        return new ComputationGraphConfiguration.GraphBuilder(conf, new NeuralNetConfiguration.Builder()
                .dataType(DataType.DOUBLE).miniBatch(false))
                .addLayer("loss", loss, "output")
                .setOutputs("loss")
                .build();
    }

    @Test
    void generatorTrainingContinuesExactlyFromCopiedState() {
        continuesExactlyFromCopiedState(generator(new Adam(0.01)), step -> latents(60 + step));
    }

    @Test
    void discriminatorTrainingContinuesExactlyFromCopiedState() {
        continuesExactlyFromCopiedState(discriminator(new Adam(0.01)), step -> images(60 + step));
    }

    /**
     * A run continued from copied parameters, updater state and iteration count (what a checkpoint
     * holds) is the run that never stopped, bit for bit.
     */
    private static void continuesExactlyFromCopiedState(ComputationGraphConfiguration conf,
                                                        IntFunction<INDArray> inputs) {
        GraphNetwork original = new GraphNetwork(graph(conf));
        for (int step = 0; step < 3; step++) {
            step(original, inputs.apply(step), step);
        }
        ComputationGraph copy = graph(conf);
        copy.setParams(original.model().params());
        copy.getUpdater().getStateViewArray().assign(original.model().getUpdater().getStateViewArray());
        copy.getConfiguration().setIterationCount(original.model().getIterationCount());
        GraphNetwork resumed = new GraphNetwork(copy);
        for (int step = 3; step < 6; step++) {
            step(original, inputs.apply(step), step);
            step(resumed, inputs.apply(step), step);
        }
        assertEquals(6, resumed.model().getIterationCount());
        assertArrayEquals(original.model().params().toDoubleVector(), resumed.model().params().toDoubleVector(), 0);
        assertArrayEquals(original.model().getUpdater().getStateViewArray().toDoubleVector(),
                resumed.model().getUpdater().getStateViewArray().toDoubleVector(), 0);
    }

    private static void step(GraphNetwork network, INDArray input, int step) {
        INDArray out = network.forward(input);
        ParameterGradient gradient = network.backward(out.sub(error(70 + step, out.shape()))).parameters();
        network.update(gradient);
    }
}
