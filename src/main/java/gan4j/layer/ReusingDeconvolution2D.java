package gan4j.layer;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.layers.convolution.Deconvolution2DLayer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** DL4J's 2-D transposed convolution, except that backpropagation reuses the forward pass's pre-activation. */
public final class ReusingDeconvolution2D extends Deconvolution2D {

    /** For JSON deserialisation (checkpoints). */
    private ReusingDeconvolution2D() {
    }

    private ReusingDeconvolution2D(Deconvolution2D.Builder builder) {
        super(builder);
    }

    /** The layer {@code builder} describes; its {@code build()} runs first, for DL4J's validation. */
    public static ReusingDeconvolution2D of(Deconvolution2D.Builder builder) {
        builder.build();
        return new ReusingDeconvolution2D(builder);
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> trainingListeners,
                             int layerIndex, INDArray layerParamsView, boolean initializeParams,
                             DataType networkDataType) {
        return LayerWiring.wire(new Instance(conf, networkDataType), conf, initializer(), trainingListeners,
                layerIndex, layerParamsView, initializeParams);
    }

    /** The layer built from this configuration. */
    static final class Instance extends Deconvolution2DLayer {

        private final PreOutputCache cache = new PreOutputCache();

        Instance(NeuralNetConfiguration conf, DataType dataType) {
            super(conf, dataType);
        }

        @Override
        protected Pair<INDArray, INDArray> preOutput(boolean training, boolean forBackprop,
                                                     LayerWorkspaceMgr workspaces) {
            return cache.preOutput(training, forBackprop, layerConf().getActivationFn(), workspaces,
                    () -> super.preOutput(training, forBackprop, workspaces));
        }
    }
}
