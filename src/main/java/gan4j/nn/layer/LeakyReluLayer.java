package gan4j.nn.layer;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An activation layer of {@link LeakyRelu} that writes its output and its input gradient straight
 * into fresh arrays. DL4J's {@code ActivationLayer} first copies its input in both passes, because
 * activation functions work in place: on DCGAN-28 those copies were about half of the activation
 * layers' time.
 */
public final class LeakyReluLayer extends ActivationLayer {

    /** For JSON deserialisation (checkpoints). */
    private LeakyReluLayer() {
    }

    public LeakyReluLayer(double alpha) {
        super(new LeakyRelu(alpha));
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> trainingListeners,
                             int layerIndex, INDArray layerParamsView, boolean initializeParams,
                             DataType networkDataType) {
        return LayerWiring.wire(new Instance(conf, networkDataType), conf, initializer(), trainingListeners,
                layerIndex, layerParamsView, initializeParams);
    }

    /** The layer built from this configuration. */
    static final class Instance extends org.deeplearning4j.nn.layers.ActivationLayer {

        Instance(NeuralNetConfiguration conf, DataType dataType) {
            super(conf, dataType);
        }

        private LeakyRelu function() {
            return (LeakyRelu) layerConf().getActivationFn();
        }

        @Override
        public INDArray activate(boolean training, LayerWorkspaceMgr workspaces) {
            if (!training) {
                return super.activate(false, workspaces);
            }
            assertInputSet(false);
            INDArray out = workspaces.createUninitialized(ArrayType.ACTIVATIONS, input.dataType(), input.shape(), 'c');
            function().apply(input, out);
            return out;
        }

        @Override
        public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaces) {
            assertInputSet(true);
            INDArray delta = workspaces.createUninitialized(ArrayType.ACTIVATION_GRAD, input.dataType(), input.shape(),
                    'c');
            function().backprop(input, epsilon, delta);
            return new Pair<>(new DefaultGradient(), delta);
        }
    }
}
