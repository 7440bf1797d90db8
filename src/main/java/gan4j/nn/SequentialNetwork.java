package gan4j.nn;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** A {@link Network} that is a chain of layers: a {@link MultiLayerNetwork} driven layer by layer. */
public final class SequentialNetwork implements Network {

    /** Working memory of one layer's pass, shared by the forward and the backward pass. */
    private static final WorkspaceConfiguration WORKING_MEMORY = WorkspaceConfigs.learnedOver(4);

    private final MultiLayerNetwork net;
    private final LayerWorkspaceMgr forwardWorkspaces;
    private final LayerProfile profile;
    private final BackwardPass backwardPass;
    private final ActivationScope activations = new ActivationScope();

    public SequentialNetwork(MultiLayerNetwork net) {
        this.net = net;
        // Per network, because G's activations must outlive D's passes until G's backward pass.
        String id = UUID.randomUUID().toString();
        String working = "gan4j-working-" + id;
        this.forwardWorkspaces = LayerWorkspaceMgr.builder()
                .with(ArrayType.ACTIVATIONS, "gan4j-activations-" + id, WorkspaceConfigs.FIRST_PASS)
                .with(ArrayType.INPUT, "gan4j-activations-" + id, WorkspaceConfigs.FIRST_PASS)
                .with(ArrayType.FF_WORKING_MEM, working, WORKING_MEMORY)
                .with(ArrayType.RNN_FF_LOOP_WORKING_MEM, working, WORKING_MEMORY)
                .build();
        this.profile = new LayerProfile(net.getLayerWiseConfigurations().getConfs().size());
        this.backwardPass = new BackwardPass(net, profile, working, WORKING_MEMORY, id);
    }

    /** A network of {@code configuration}, its parameters initialised from the configuration's seed. */
    public static SequentialNetwork initialised(MultiLayerConfiguration configuration) {
        MultiLayerNetwork net = new MultiLayerNetwork(configuration);
        net.init();
        return new SequentialNetwork(net);
    }

    public MultiLayerNetwork model() {
        return net;
    }

    @Override
    public LayerProfile profile() {
        return profile;
    }

    @Override
    public void printProfile(String title, long steps, PrintStream out) {
        profile.print(title, java.util.Arrays.stream(net.getLayers()).map(LayerProfile::name).toArray(String[]::new),
                steps, out);
    }

    /**
     * Training-mode forward pass (BatchNorm on batch statistics) that keeps each layer's input, as
     * the following {@link #backward} needs. The layers' activations live in this network's
     * workspace, which stays open, but not current, until that backward pass or the next forward
     * pass: ND4J then refuses any later use of them instead of reading reused memory. The returned
     * output is a copy outside the workspace.
     */
    @Override
    public INDArray forward(INDArray input) {
        releaseActivations();
        net.setInput(input);
        Layer[] layers = net.getLayers();
        MultiLayerConfiguration configuration = net.getLayerWiseConfigurations();
        int batchSize = (int) input.size(0);
        MemoryWorkspace outside = Nd4j.getMemoryManager().getCurrentWorkspace();
        activations.enter(forwardWorkspaces);
        try {
            INDArray x = input;
            for (int i = 0; i < layers.length; i++) {
                try (MemoryWorkspace working = forwardWorkspaces.notifyScopeEntered(ArrayType.FF_WORKING_MEM)) {
                    InputPreProcessor preProcessor = configuration.getInputPreProcess(i);
                    if (preProcessor != null) {
                        x = preProcessor.preProcess(x, batchSize, forwardWorkspaces);
                    }
                    long started = System.nanoTime();
                    x = layers[i].activate(x, true, forwardWorkspaces);
                    profile.forward(i, System.nanoTime() - started);
                }
            }
            return x.detach();
        } catch (RuntimeException e) {
            releaseActivations();
            throw e;
        } finally {
            Nd4j.getMemoryManager().setCurrentWorkspace(outside);
        }
    }

    @Override
    public INDArray infer(INDArray input) {
        releaseActivations();
        return net.output(input, false);
    }

    /**
     * Backpropagates dLoss/dOutput through the last {@link #forward}. The returned parameter
     * gradient views the network's single gradient buffer, which the next backward pass
     * overwrites.
     */
    @Override
    public Backward backward(INDArray outputGradient) {
        return activations.consume(() -> {
            Pair<Gradient, INDArray> result = backwardPass.run(outputGradient);
            return new Backward(new ParameterGradient(result.getFirst()), result.getSecond());
        });
    }

    /**
     * Backpropagates dLoss/dOutput through the last {@link #forward} for the parameter gradient
     * alone, which views the network's single gradient buffer; the first layer skips its input
     * gradient where it can.
     */
    @Override
    public ParameterGradient parameterGradient(INDArray outputGradient) {
        return activations.consume(() -> new ParameterGradient(backwardPass.parameterGradient(outputGradient)));
    }

    /**
     * Backpropagates dLoss/dOutput through the last {@link #forward} to the input only, skipping
     * parameter gradients where a layer can; the gradient buffer holds no meaningful values after.
     */
    @Override
    public INDArray inputGradient(INDArray outputGradient) {
        return activations.consume(() -> backwardPass.inputGradient(outputGradient));
    }


    /**
     * Applies one optimizer step with {@code gradient} (already a batch mean, hence batch size 1)
     * and advances the iteration count, which the manual path does not do by itself and which
     * Adam's bias correction reads.
     */
    @Override
    public void update(ParameterGradient gradient) {
        long started = System.nanoTime();
        int iteration = net.getIterationCount();
        net.getUpdater().update(net, gradient.dl4j(), iteration, net.getEpochCount(), 1,
                LayerWorkspaceMgr.noWorkspaces());
        net.params().subi(gradient.gradient());
        net.setIterationCount(iteration + 1);
        profile.update(System.nanoTime() - started);
    }

    /**
     * Closes the workspace of the last forward pass, if open: DL4J's own passes ({@link #infer},
     * {@code MultiLayerNetwork.output}) refuse to start while a workspace is open.
     */
    @Override
    public void releaseActivations() {
        activations.release();
    }

    @Override
    public INDArray params() {
        return net.params();
    }

    @Override
    public Map<String, INDArray> paramTable() {
        return net.paramTable();
    }

    @Override
    public INDArray updaterState() {
        return net.getUpdater().getStateViewArray();
    }

    @Override
    public int iterationCount() {
        return net.getIterationCount();
    }

    @Override
    public int epochCount() {
        return net.getEpochCount();
    }

    @Override
    public void setCounts(int iterations, int epochs) {
        net.setIterationCount(iterations);
        net.setEpochCount(epochs);
    }

    @Override
    public String configurationJson() {
        return net.getLayerWiseConfigurations().toJson();
    }

    @Override
    public long widestActivation(INDArray input) {
        releaseActivations();
        List<INDArray> outputs = net.feedForward(input, false);
        return outputs.stream().mapToLong(INDArray::length).max().orElse(0);
    }
}
