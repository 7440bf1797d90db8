package gan4j.train;

import java.util.UUID;
import java.util.function.Supplier;
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

/**
 * One network of the pair, driven by hand: forward, backpropagate an external error, apply an
 * update. DL4J's {@code fit()} assumes a loss layer and labels; a GAN needs D's input gradient to
 * train G, so both networks end in a plain layer and the objective supplies the error.
 */
public final class Network {

    /** Working memory of one layer's pass, shared by the forward and the backward pass. */
    private static final WorkspaceConfiguration WORKING_MEMORY = WorkspaceConfigs.learnedOver(4);

    private final MultiLayerNetwork net;
    private final LayerWorkspaceMgr forwardWorkspaces;
    private final LayerProfile profile;
    private final BackwardPass backwardPass;
    private MemoryWorkspace activations;

    public Network(MultiLayerNetwork net) {
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

    public MultiLayerNetwork model() {
        return net;
    }

    /** Where this network's passes spent their time, layer by layer. */
    public LayerProfile profile() {
        return profile;
    }

    /**
     * Training-mode forward pass (BatchNorm on batch statistics) that keeps each layer's input, as
     * the following {@link #backward} needs. The layers' activations live in this network's
     * workspace, which stays open, but not current, until that backward pass or the next forward
     * pass: ND4J then refuses any later use of them instead of reading reused memory. The returned
     * output is a copy outside the workspace.
     */
    public INDArray forward(INDArray input) {
        releaseActivations();
        net.setInput(input);
        Layer[] layers = net.getLayers();
        MultiLayerConfiguration configuration = net.getLayerWiseConfigurations();
        int batchSize = (int) input.size(0);
        MemoryWorkspace outside = Nd4j.getMemoryManager().getCurrentWorkspace();
        activations = forwardWorkspaces.notifyScopeEntered(ArrayType.ACTIVATIONS);
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

    /** Inference-mode output (BatchNorm on running statistics), for sampling and plots. */
    public INDArray infer(INDArray input) {
        releaseActivations();
        return net.output(input, false);
    }

    /**
     * Backpropagates dLoss/dOutput through the last {@link #forward}. The returned parameter
     * gradient views the network's single gradient buffer, which the next backward pass
     * overwrites.
     */
    public Backward backward(INDArray outputGradient) {
        return afterForward(() -> {
            Pair<Gradient, INDArray> result = backwardPass.run(outputGradient);
            return new Backward(result.getFirst(), result.getSecond());
        });
    }

    /**
     * Backpropagates dLoss/dOutput through the last {@link #forward} for the parameter gradient
     * alone, which views the network's single gradient buffer; the first layer skips its input
     * gradient where it can.
     */
    public Gradient parameterGradient(INDArray outputGradient) {
        return afterForward(() -> backwardPass.parameterGradient(outputGradient));
    }

    /**
     * Backpropagates dLoss/dOutput through the last {@link #forward} to the input only, skipping
     * parameter gradients where a layer can; the gradient buffer holds no meaningful values after.
     */
    public INDArray inputGradient(INDArray outputGradient) {
        return afterForward(() -> backwardPass.inputGradient(outputGradient));
    }

    /** Runs a backward pass, which needs the forward pass's activations and ends their life. */
    private <T> T afterForward(Supplier<T> backward) {
        if (activations == null) {
            throw new IllegalStateException("a backward pass needs the forward pass it belongs to, and each gets one");
        }
        try {
            return backward.get();
        } finally {
            releaseActivations();
        }
    }

    /**
     * Applies one optimizer step with {@code gradient} (already a batch mean, hence batch size 1)
     * and advances the iteration count, which the manual path does not do by itself and which
     * Adam's bias correction reads.
     */
    public void update(Gradient gradient) {
        long started = System.nanoTime();
        int iteration = net.getIterationCount();
        net.getUpdater().update(net, gradient, iteration, net.getEpochCount(), 1, LayerWorkspaceMgr.noWorkspaces());
        net.params().subi(gradient.gradient());
        net.setIterationCount(iteration + 1);
        profile.update(System.nanoTime() - started);
    }

    /**
     * Closes the workspace of the last forward pass, if open: DL4J's own passes ({@link #infer},
     * {@code MultiLayerNetwork.output}) refuse to start while a workspace is open.
     */
    public void releaseActivations() {
        if (activations != null) {
            MemoryWorkspace current = Nd4j.getMemoryManager().getCurrentWorkspace();
            activations.close();
            activations = null;
            Nd4j.getMemoryManager().setCurrentWorkspace(current);
        }
    }

    /** Parameter gradient (a view of the network's buffer) and gradient with respect to the input. */
    public record Backward(Gradient parameters, INDArray input) {
    }
}
