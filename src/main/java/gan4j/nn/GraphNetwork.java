package gan4j.nn;

import gan4j.nn.layer.InputGradientLayer;
import gan4j.nn.layer.ParameterGradientLayer;
import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.nn.graph.vertex.VertexIndices;
import org.deeplearning4j.nn.graph.vertex.impl.LayerVertex;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A {@link Network} with skip connections: a single-input, single-output {@link ComputationGraph}
 * driven by hand. DL4J's graph returns no gradient with respect to its input, which a GAN needs
 * from D to train G, so this class runs the vertices itself in topological order.
 *
 * <p>Workspaces as in {@link SequentialNetwork}: the forward pass's activations in one workspace per
 * network, kept until the backward pass; one working-memory workspace per vertex pass; activation
 * gradients released as soon as consumed, as DL4J's graph does.
 */
public final class GraphNetwork implements Network {

    /** Working memory of one vertex's pass, shared by the forward and the backward pass. */
    private static final WorkspaceConfiguration WORKING_MEMORY = WorkspaceConfigs.learnedOver(4);

    private final ComputationGraph graph;
    private final GraphVertex[] vertices;
    private final int[] order;
    private final int inputVertex;
    private final int outputVertex;
    /** Per vertex: whether any vertex that feeds it, directly or not, has parameters. */
    private final boolean[] parametersUpstream;
    /**
     * Per vertex: the step of the backward pass (a position in {@code order}) after which the
     * gradients it hands its inputs are consumed, that of its earliest input.
     */
    private final int[] consumedAfter;
    private final String id;
    private final WorkspaceConfiguration gradientMemory;
    private final LayerWorkspaceMgr forwardWorkspaces;
    /** Each with its own activation-gradient workspace; as many as one pass keeps open at once. */
    private final List<LayerWorkspaceMgr> backwardWorkspaces = new ArrayList<>();
    private final LayerProfile profile;
    private final ActivationScope activations = new ActivationScope();

    public GraphNetwork(ComputationGraph graph) {
        if (graph.getNumInputArrays() != 1 || graph.getNumOutputArrays() != 1) {
            throw new IllegalArgumentException("a graph network has one input and one output, not "
                    + graph.getNumInputArrays() + " and " + graph.getNumOutputArrays());
        }
        this.graph = graph;
        this.vertices = graph.getVertices();
        this.order = graph.topologicalSortOrder();
        this.inputVertex = graph.getVertex(graph.getConfiguration().getNetworkInputs().get(0)).getVertexIndex();
        this.outputVertex = graph.getVertex(graph.getConfiguration().getNetworkOutputs().get(0)).getVertexIndex();
        this.profile = new LayerProfile(vertices.length);
        this.parametersUpstream = new boolean[vertices.length];
        for (int index : order) {
            VertexIndices[] sources = vertices[index].getInputVertices();
            for (VertexIndices source : sources == null ? new VertexIndices[0] : sources) {
                GraphVertex feeder = vertices[source.getVertexIndex()];
                boolean hasParameters = feeder.hasLayer() && feeder.getLayer().numParams() > 0;
                parametersUpstream[index] |= hasParameters || parametersUpstream[source.getVertexIndex()];
            }
        }
        int[] position = new int[vertices.length];
        for (int i = 0; i < order.length; i++) {
            position[order[i]] = i;
        }
        this.consumedAfter = new int[vertices.length];
        for (int index : order) {
            VertexIndices[] sources = vertices[index].getInputVertices();
            consumedAfter[index] = sources == null ? 0 : Arrays.stream(sources)
                    .mapToInt(source -> position[source.getVertexIndex()]).min().orElse(0);
        }
        // Per network, because G's activations must outlive D's passes until G's backward pass.
        this.id = UUID.randomUUID().toString();
        this.gradientMemory = WorkspaceConfigs.learnedOver(vertices.length);
        String working = "gan4j-graph-working-" + id;
        String activationsName = "gan4j-graph-activations-" + id;
        this.forwardWorkspaces = LayerWorkspaceMgr.builder()
                .with(ArrayType.ACTIVATIONS, activationsName, WorkspaceConfigs.FIRST_PASS)
                .with(ArrayType.INPUT, activationsName, WorkspaceConfigs.FIRST_PASS)
                .with(ArrayType.FF_WORKING_MEM, working, WORKING_MEMORY)
                .with(ArrayType.RNN_FF_LOOP_WORKING_MEM, working, WORKING_MEMORY)
                .build();
    }

    /** One more workspace manager for vertices' backward passes, with its own activation-gradient workspace. */
    private LayerWorkspaceMgr newBackwardWorkspaces() {
        String working = "gan4j-graph-working-" + id;
        LayerWorkspaceMgr workspaces = LayerWorkspaceMgr.builder()
                .with(ArrayType.ACTIVATION_GRAD, "gan4j-graph-gradients-" + backwardWorkspaces.size() + "-" + id,
                        gradientMemory)
                .with(ArrayType.ACTIVATIONS, working, WORKING_MEMORY)
                .with(ArrayType.INPUT, working, WORKING_MEMORY)
                .with(ArrayType.FF_WORKING_MEM, working, WORKING_MEMORY)
                .with(ArrayType.BP_WORKING_MEM, working, WORKING_MEMORY)
                .with(ArrayType.RNN_FF_LOOP_WORKING_MEM, working, WORKING_MEMORY)
                .with(ArrayType.RNN_BP_LOOP_WORKING_MEM, working, WORKING_MEMORY)
                .build();
        backwardWorkspaces.add(workspaces);
        return workspaces;
    }

    /** A graph of {@code configuration}, its parameters initialised from the configuration's seed. */
    public static GraphNetwork initialised(ComputationGraphConfiguration configuration) {
        ComputationGraph graph = new ComputationGraph(configuration);
        graph.init();
        return new GraphNetwork(graph);
    }

    public ComputationGraph model() {
        return graph;
    }

    /**
     * Training-mode forward pass (BatchNorm on batch statistics) that keeps each vertex's inputs, as
     * the following {@link #backward} needs. The activations live in this network's workspace,
     * open but not current until that backward pass or the next forward pass; the returned output
     * is a copy outside the workspace.
     */
    @Override
    public INDArray forward(INDArray input) {
        releaseActivations();
        // Vertices read the batch size from the graph's input (preprocessors' backward passes).
        graph.setInput(0, input);
        MemoryWorkspace outside = Nd4j.getMemoryManager().getCurrentWorkspace();
        activations.enter(forwardWorkspaces);
        try {
            INDArray output = null;
            for (int index : order) {
                GraphVertex vertex = vertices[index];
                try (MemoryWorkspace working = forwardWorkspaces.notifyScopeEntered(ArrayType.FF_WORKING_MEM)) {
                    long started = System.nanoTime();
                    INDArray out = vertex.isInputVertex() ? input : vertex.doForward(true, forwardWorkspaces);
                    profile.forward(index, System.nanoTime() - started);
                    VertexIndices[] consumers = vertex.getOutputVertices();
                    if (consumers != null) {
                        for (VertexIndices consumer : consumers) {
                            vertices[consumer.getVertexIndex()].setInput(consumer.getVertexEdgeNumber(), out,
                                    forwardWorkspaces);
                        }
                    }
                    if (index == outputVertex) {
                        output = out;
                    }
                }
            }
            return output.detach();
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
        return graph.outputSingle(false, input);
    }

    /**
     * Backpropagates dLoss/dOutput through the last {@link #forward}. The returned parameter
     * gradient views the graph's single gradient buffer, which the next backward pass overwrites.
     */
    @Override
    public Network.Backward backward(INDArray outputGradient) {
        return activations.consume(() -> {
            Pair<Gradient, INDArray> result = backpropagate(outputGradient, Wanted.BOTH);
            return new Network.Backward(new ParameterGradient(result.getFirst()), result.getSecond());
        });
    }

    /**
     * Backpropagates dLoss/dOutput through the last {@link #forward} for the parameter gradient
     * alone, which views the graph's single gradient buffer. Vertices with no parameters upstream
     * compute no input gradient where they can, or none at all.
     */
    @Override
    public ParameterGradient parameterGradient(INDArray outputGradient) {
        return activations.consume(() ->
                new ParameterGradient(backpropagate(outputGradient, Wanted.PARAMETERS).getFirst()));
    }

    /**
     * Backpropagates dLoss/dOutput through the last {@link #forward} to the input only, skipping
     * parameter gradients where a layer can; the gradient buffer holds no meaningful values after.
     */
    @Override
    public INDArray inputGradient(INDArray outputGradient) {
        return activations.consume(() -> backpropagate(outputGradient, Wanted.INPUT).getSecond());
    }


    private enum Wanted { BOTH, PARAMETERS, INPUT }

    /**
     * Parameter gradients (written into the graph's gradient views) and the gradient with respect
     * to the input, detached; either may be missing when not {@code wanted}. Vertices run in
     * reverse topological order; a vertex that feeds several others receives the sum of their
     * gradients before its own turn, and a vertex that receives none (nothing below it wants one)
     * is skipped. As in DL4J's own pass, the gradients a vertex hands its inputs live in a
     * workspace of their own, closed once the last of those inputs has used them.
     */
    private Pair<Gradient, INDArray> backpropagate(INDArray outputGradient, Wanted wanted) {
        if (graph.getFlattenedGradients() == null) {
            graph.initGradientsView();
        }
        boolean[] received = new boolean[vertices.length];
        Gradient[] parameterGradients = new Gradient[vertices.length];
        INDArray inputGradient = null;
        Deque<LayerWorkspaceMgr> free = new ArrayDeque<>(backwardWorkspaces);
        List<List<Pair<MemoryWorkspace, LayerWorkspaceMgr>>> closeAfter = new ArrayList<>();
        for (int i = 0; i < order.length; i++) {
            closeAfter.add(new ArrayList<>());
        }
        MemoryWorkspace outside = Nd4j.getMemoryManager().getCurrentWorkspace();
        try {
            vertices[outputVertex].setEpsilon(outputGradient);
            received[outputVertex] = true;
            for (int i = order.length - 1; i >= 0; i--) {
                GraphVertex vertex = vertices[order[i]];
                int index = vertex.getVertexIndex();
                if (index == inputVertex && received[index]) {
                    inputGradient = vertex.getEpsilon().detach();
                } else if (received[index]) {
                    LayerWorkspaceMgr workspaces = free.isEmpty() ? newBackwardWorkspaces() : free.pop();
                    MemoryWorkspace gradients = workspaces.notifyScopeEntered(ArrayType.ACTIVATION_GRAD);
                    // Closed out of nesting order: each must hand back the caller's workspace.
                    gradients.setPreviousWorkspace(outside);
                    closeAfter.get(consumedAfter[index]).add(new Pair<>(gradients, workspaces));
                    parameterGradients[index] = backpropagateThrough(vertex, wanted, received, workspaces);
                    Nd4j.getMemoryManager().setCurrentWorkspace(outside);
                }
                for (Pair<MemoryWorkspace, LayerWorkspaceMgr> consumed : closeAfter.get(i)) {
                    consumed.getFirst().close();
                    free.push(consumed.getSecond());
                }
                closeAfter.get(i).clear();
            }
        } finally {
            for (List<Pair<MemoryWorkspace, LayerWorkspaceMgr>> open : closeAfter) {
                for (Pair<MemoryWorkspace, LayerWorkspaceMgr> workspace : open) {
                    workspace.getFirst().close();
                }
            }
            Nd4j.getMemoryManager().setCurrentWorkspace(outside);
        }
        return new Pair<>(wanted == Wanted.INPUT ? null : inTopologicalOrder(parameterGradients), inputGradient);
    }

    /**
     * Runs one vertex's backward pass and hands the gradients for its inputs to them, adding to
     * what they have already received; returns the vertex's parameter gradient, if any.
     */
    private Gradient backpropagateThrough(GraphVertex vertex, Wanted wanted, boolean[] received,
                                          LayerWorkspaceMgr workspaces) {
        boolean propagate = wanted != Wanted.PARAMETERS || parametersUpstream[vertex.getVertexIndex()];
        Pair<Gradient, INDArray[]> result;
        long started = System.nanoTime();
        try (MemoryWorkspace working = workspaces.notifyScopeEntered(ArrayType.BP_WORKING_MEM)) {
            result = backward(vertex, wanted, propagate, workspaces);
        }
        profile.backward(vertex.getVertexIndex(), System.nanoTime() - started);
        if (propagate) {
            VertexIndices[] sources = vertex.getInputVertices();
            for (int j = 0; j < sources.length; j++) {
                GraphVertex source = vertices[sources[j].getVertexIndex()];
                INDArray epsilon = result.getSecond()[j];
                if (received[source.getVertexIndex()]) {
                    // A new array, not DL4J's in-place sum: the first epsilon may be a view still in use.
                    try (MemoryWorkspace borrowed = workspaces.notifyScopeBorrowed(ArrayType.ACTIVATION_GRAD)) {
                        epsilon = source.getEpsilon().add(epsilon);
                    }
                }
                source.setEpsilon(epsilon);
                received[source.getVertexIndex()] = true;
            }
        }
        return result.getFirst();
    }

    /**
     * One vertex's backward pass: its parameter gradient (null if none or not wanted) and, if
     * {@code propagate}, the gradients for its inputs. Layers that can compute one without the
     * other do.
     */
    private Pair<Gradient, INDArray[]> backward(GraphVertex vertex, Wanted wanted, boolean propagate,
                                                LayerWorkspaceMgr workspaces) {
        Layer layer = vertex.hasLayer() ? vertex.getLayer() : null;
        if (!propagate) {
            if (layer == null || layer.numParams() == 0) {
                return new Pair<>(null, null);
            }
            if (layer instanceof ParameterGradientLayer parameters) {
                return new Pair<>(parameters.parameterGradient(vertex.getEpsilon(), workspaces), null);
            }
        } else if (wanted == Wanted.INPUT && layer instanceof InputGradientLayer inputs) {
            INDArray epsilon = inputs.inputGradient(vertex.getEpsilon(), workspaces);
            InputPreProcessor preProcessor = ((LayerVertex) vertex).getLayerPreProcessor();
            if (preProcessor != null) {
                epsilon = preProcessor.backprop(epsilon, graph.batchSize(), workspaces);
            }
            return new Pair<>(null, new INDArray[] {epsilon});
        }
        return vertex.doBackward(false, workspaces);
    }

    /** Keyed {@code vertex_parameter} in the graph's parameter order, as DL4J's updater expects. */
    private Gradient inTopologicalOrder(Gradient[] parameterGradients) {
        Gradient all = new DefaultGradient(graph.getFlattenedGradients());
        for (int index : order) {
            Gradient gradient = parameterGradients[index];
            if (gradient == null) {
                continue;
            }
            for (Map.Entry<String, INDArray> entry : gradient.gradientForVariable().entrySet()) {
                all.setGradientFor(vertices[index].getVertexName() + "_" + entry.getKey(), entry.getValue(),
                        gradient.flatteningOrderForVariable(entry.getKey()));
            }
        }
        return all;
    }

    /**
     * Applies one optimizer step with {@code gradient} (already a batch mean, hence batch size 1)
     * and advances the iteration count, which the manual path does not do by itself and which
     * Adam's bias correction reads. The count lives in the graph's configuration, which {@code
     * new ComputationGraph(conf)} does not copy: two graphs built from one configuration object
     * would advance each other's count.
     */
    @Override
    public void update(ParameterGradient gradient) {
        long started = System.nanoTime();
        int iteration = graph.getIterationCount();
        graph.getUpdater().update(gradient.dl4j(), iteration, graph.getEpochCount(), 1,
                LayerWorkspaceMgr.noWorkspaces());
        graph.params().subi(gradient.gradient());
        graph.getConfiguration().setIterationCount(iteration + 1);
        profile.update(System.nanoTime() - started);
    }

    /**
     * Closes the workspace of the last forward pass, if open: DL4J's own passes ({@link #infer},
     * {@code ComputationGraph.output}) refuse to start while a workspace is open.
     */
    @Override
    public void releaseActivations() {
        activations.release();
    }

    @Override
    public INDArray params() {
        return graph.params();
    }

    @Override
    public Map<String, INDArray> paramTable() {
        return graph.paramTable();
    }

    @Override
    public INDArray updaterState() {
        return graph.getUpdater().getStateViewArray();
    }

    @Override
    public int iterationCount() {
        return graph.getIterationCount();
    }

    @Override
    public int epochCount() {
        return graph.getEpochCount();
    }

    @Override
    public void setCounts(int iterations, int epochs) {
        graph.getConfiguration().setIterationCount(iterations);
        graph.getConfiguration().setEpochCount(epochs);
    }

    @Override
    public String configurationJson() {
        return graph.getConfiguration().toJson();
    }

    @Override
    public long widestActivation(INDArray input) {
        releaseActivations();
        return graph.feedForward(input, false).values().stream().mapToLong(INDArray::length).max().orElse(0);
    }

    @Override
    public LayerProfile profile() {
        return profile;
    }

    @Override
    public void printProfile(String title, long steps, PrintStream out) {
        profile.print(title, Arrays.stream(vertices).map(GraphVertex::getVertexName).toArray(String[]::new), steps,
                out);
    }
}
