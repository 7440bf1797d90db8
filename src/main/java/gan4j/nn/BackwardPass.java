package gan4j.nn;

import gan4j.nn.layer.InputGradientLayer;
import gan4j.nn.layer.ParameterGradientLayer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
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
 * Backpropagation of an external error through a {@link MultiLayerNetwork}, layer by layer, as
 * DL4J's {@code calcBackpropGradients} does it (two alternating workspaces for the activation
 * gradients, a working-memory workspace per layer), but with the time of each layer recorded.
 */
final class BackwardPass {

    private final MultiLayerNetwork net;
    private final LayerProfile profile;
    private final LayerWorkspaceMgr even;
    private final LayerWorkspaceMgr odd;

    /**
     * {@code working} and {@code workingConfig} are the forward pass's working-memory workspace,
     * which the layers' backward passes share.
     */
    BackwardPass(MultiLayerNetwork net, LayerProfile profile, String working, WorkspaceConfiguration workingConfig,
                 String id) {
        this.net = net;
        this.profile = profile;
        WorkspaceConfiguration gradients = WorkspaceConfigs.learnedOver(net.getLayerWiseConfigurations().getConfs().size());
        this.even = workspaces("gan4j-gradients-a-" + id, gradients, working, workingConfig);
        this.odd = workspaces("gan4j-gradients-b-" + id, gradients, working, workingConfig);
    }

    private static LayerWorkspaceMgr workspaces(String gradients, WorkspaceConfiguration gradientConfig,
                                                String working, WorkspaceConfiguration workingConfig) {
        return LayerWorkspaceMgr.builder()
                .with(ArrayType.ACTIVATION_GRAD, gradients, gradientConfig)
                .with(ArrayType.ACTIVATIONS, working, workingConfig)
                .with(ArrayType.INPUT, working, workingConfig)
                .with(ArrayType.FF_WORKING_MEM, working, workingConfig)
                .with(ArrayType.BP_WORKING_MEM, working, workingConfig)
                .with(ArrayType.RNN_FF_LOOP_WORKING_MEM, working, workingConfig)
                .with(ArrayType.RNN_BP_LOOP_WORKING_MEM, working, workingConfig)
                .build();
    }

    /**
     * Parameter gradients (written into the network's gradient views) and the gradient with
     * respect to the input, detached from every workspace.
     */
    Pair<Gradient, INDArray> run(INDArray outputGradient) {
        return pass(outputGradient, Wanted.BOTH);
    }

    /**
     * Parameter gradients alone (written into the network's gradient views); a first layer that
     * can skip its input gradient does.
     */
    Gradient parameterGradient(INDArray outputGradient) {
        return pass(outputGradient, Wanted.PARAMETERS).getFirst();
    }

    /**
     * The gradient with respect to the input alone, detached from every workspace; layers that can
     * skip their parameter gradients do, and the gradient views hold no meaningful values after.
     */
    INDArray inputGradient(INDArray outputGradient) {
        return pass(outputGradient, Wanted.INPUT).getSecond();
    }

    private enum Wanted { BOTH, PARAMETERS, INPUT }

    private Pair<Gradient, INDArray> pass(INDArray outputGradient, Wanted wanted) {
        if (net.getFlattenedGradients() == null) {
            net.initGradientsView();
        }
        Layer[] layers = net.getLayers();
        MultiLayerConfiguration configuration = net.getLayerWiseConfigurations();
        int batchSize = (int) outputGradient.size(0);
        List<Map.Entry<String, Pair<INDArray, Character>>> parameterGradients = new ArrayList<>();
        MemoryWorkspace outside = Nd4j.getMemoryManager().getCurrentWorkspace();
        // A layer's input gradient lives in its workspace until the layer below has consumed it.
        MemoryWorkspace previousGradients = null;
        MemoryWorkspace currentGradients = null;
        INDArray epsilon = outputGradient;
        try {
            for (int i = layers.length - 1; i >= 0; i--) {
                LayerWorkspaceMgr workspaces = i % 2 == 0 ? even : odd;
                currentGradients = workspaces.notifyScopeEntered(ArrayType.ACTIVATION_GRAD);
                try (MemoryWorkspace working = workspaces.notifyScopeEntered(ArrayType.BP_WORKING_MEM)) {
                    // Opened out of nesting order: each must hand back the caller's workspace when closed.
                    currentGradients.setPreviousWorkspace(outside);
                    working.setPreviousWorkspace(outside);
                    long started = System.nanoTime();
                    if (wanted == Wanted.INPUT && layers[i] instanceof InputGradientLayer layer) {
                        epsilon = layer.inputGradient(epsilon, workspaces);
                    } else if (wanted == Wanted.PARAMETERS && i == 0 && layers[i] instanceof ParameterGradientLayer layer) {
                        collect(i, layer.parameterGradient(epsilon, workspaces), parameterGradients);
                    } else {
                        Pair<Gradient, INDArray> layer = layers[i].backpropGradient(epsilon, workspaces);
                        collect(i, layer.getFirst(), parameterGradients);
                        epsilon = layer.getSecond();
                    }
                    profile.backward(i, System.nanoTime() - started);
                    if (i == 0 && wanted == Wanted.PARAMETERS) {
                        // Nothing below layer 0 wants its input gradient, if it computed one at all.
                        epsilon = null;
                    }
                    InputPreProcessor preProcessor = configuration.getInputPreProcess(i);
                    if (preProcessor != null && epsilon != null) {
                        epsilon = preProcessor.backprop(epsilon, batchSize, workspaces);
                    }
                    if (i == 0 && epsilon != null) {
                        epsilon = epsilon.detach();
                    }
                }
                if (previousGradients != null) {
                    previousGradients.close();
                }
                previousGradients = currentGradients;
                currentGradients = null;
            }
        } finally {
            if (previousGradients != null) {
                previousGradients.close();
            }
            if (currentGradients != null) {
                currentGradients.close();
            }
            Nd4j.getMemoryManager().setCurrentWorkspace(outside);
        }
        Gradient gradient = new DefaultGradient(net.getFlattenedGradients());
        for (Map.Entry<String, Pair<INDArray, Character>> entry : parameterGradients) {
            gradient.setGradientFor(entry.getKey(), entry.getValue().getFirst(), entry.getValue().getSecond());
        }
        return new Pair<>(gradient, epsilon);
    }

    private static void collect(int layer, Gradient gradient, List<Map.Entry<String, Pair<INDArray, Character>>> into) {
        for (Map.Entry<String, INDArray> entry : gradient.gradientForVariable().entrySet()) {
            into.add(Map.entry(layer + "_" + entry.getKey(),
                    new Pair<>(entry.getValue(), gradient.flatteningOrderForVariable(entry.getKey()))));
        }
    }
}
