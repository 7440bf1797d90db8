package gan4j.nn.layer;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.params.ConvolutionParamInitializer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.NoOp;

/**
 * DL4J's 2-D convolution with a spectrally normalised kernel ({@link SpectralNormalizer}), the
 * kernel [out, in, kH, kW] seen as a matrix [out, in·kH·kW]; the bias is not normalised.
 */
public final class SpectralNormConvolution extends ConvolutionLayer {

    /** For JSON deserialisation (checkpoints). */
    private SpectralNormConvolution() {
    }

    private SpectralNormConvolution(ConvolutionLayer.Builder builder) {
        super(builder);
    }

    /** The layer {@code builder} describes, spectrally normalised; its {@code build()} runs first, for DL4J's validation. */
    public static SpectralNormConvolution of(ConvolutionLayer.Builder builder) {
        builder.build();
        return new SpectralNormConvolution(builder);
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> trainingListeners,
                             int layerIndex, INDArray layerParamsView, boolean initializeParams,
                             DataType networkDataType) {
        SpectralNormalizer.refuseWeightNoise(this);
        return LayerWiring.wire(new Instance(conf, networkDataType), conf, initializer(), trainingListeners,
                layerIndex, layerParamsView, initializeParams);
    }

    @Override
    public ParamInitializer initializer() {
        return new SpectralNormParams(ConvolutionParamInitializer.getInstance());
    }

    /** u moves by power iteration only, never by the optimizer (as BatchNormalization's running statistics). */
    @Override
    public IUpdater getUpdaterByParam(String paramName) {
        return SpectralNormParams.U_KEY.equals(paramName) ? new NoOp() : super.getUpdaterByParam(paramName);
    }

    /** The layer built from this configuration. */
    static final class Instance extends org.deeplearning4j.nn.layers.convolution.ConvolutionLayer {

        private final SpectralNormalizer normalizer =
                new SpectralNormalizer(kernel -> kernel.reshape('c', kernel.size(0), kernel.length() / kernel.size(0)));
        private final PreOutputCache cache = new PreOutputCache();

        Instance(NeuralNetConfiguration conf, DataType dataType) {
            super(conf, dataType);
        }

        /** The backward pass reuses the forward pass's pre-activation, as {@link ReusingConvolution} does. */
        @Override
        protected Pair<INDArray, INDArray> preOutput(boolean training, boolean forBackprop,
                                                     LayerWorkspaceMgr workspaces) {
            return cache.preOutput(training, forBackprop, layerConf().getActivationFn(), workspaces, () -> {
                if (!forBackprop) {
                    normalizer.forward(getParam(ConvolutionParamInitializer.WEIGHT_KEY),
                            getParam(SpectralNormParams.U_KEY), training);
                }
                return super.preOutput(training, forBackprop, workspaces);
            });
        }

        @Override
        protected INDArray getParamWithNoise(String param, boolean training, LayerWorkspaceMgr workspaces) {
            return ConvolutionParamInitializer.WEIGHT_KEY.equals(param) ? normalizer.normalized()
                    : super.getParamWithNoise(param, training, workspaces);
        }

        @Override
        public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaces) {
            Pair<Gradient, INDArray> result = super.backpropGradient(epsilon, workspaces);
            normalizer.backprop(result.getFirst(), gradientViews, ConvolutionParamInitializer.WEIGHT_KEY);
            return result;
        }

        /** See {@link SpectralNormalizer#stopIterating}. */
        void stopIterating() {
            normalizer.stopIterating();
        }
    }
}
