package gan4j.nn.layer;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.NoOp;

/** DL4J's dense layer with spectrally normalised weights ({@link SpectralNormalizer}); the bias is not normalised. */
public final class SpectralNormDense extends DenseLayer {

    /** For JSON deserialisation (checkpoints). */
    private SpectralNormDense() {
    }

    /** The layer {@code builder} describes, spectrally normalised. */
    public static SpectralNormDense of(DenseLayer.Builder builder) {
        DenseLayer plain = builder.build();
        SpectralNormDense layer = new SpectralNormDense();
        copyFields(plain, layer);
        return layer;
    }

    /**
     * DenseLayer's only constructor from a builder is private: the configuration DL4J built and
     * validated is copied field by field, every class from DenseLayer up.
     */
    private static void copyFields(DenseLayer from, SpectralNormDense to) {
        try {
            for (Class<?> type = DenseLayer.class; type != Object.class; type = type.getSuperclass()) {
                for (Field field : type.getDeclaredFields()) {
                    if (!Modifier.isStatic(field.getModifiers())) {
                        field.setAccessible(true);
                        field.set(to, field.get(from));
                    }
                }
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot copy DL4J's dense layer configuration", e);
        }
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
        return new SpectralNormParams(DefaultParamInitializer.getInstance());
    }

    /** u moves by power iteration only, never by the optimizer (as BatchNormalization's running statistics). */
    @Override
    public IUpdater getUpdaterByParam(String paramName) {
        return SpectralNormParams.U_KEY.equals(paramName) ? new NoOp() : super.getUpdaterByParam(paramName);
    }

    /** The layer built from this configuration. */
    static final class Instance extends org.deeplearning4j.nn.layers.feedforward.dense.DenseLayer {

        /** DL4J stores a dense layer's weights as [inputs, outputs]. */
        private final SpectralNormalizer normalizer = new SpectralNormalizer(INDArray::transpose);

        Instance(NeuralNetConfiguration conf, DataType dataType) {
            super(conf, dataType);
        }

        @Override
        protected Pair<INDArray, INDArray> preOutputWithPreNorm(boolean training, boolean forBackprop,
                                                                LayerWorkspaceMgr workspaces) {
            if (!forBackprop) {
                normalizer.forward(getParam(DefaultParamInitializer.WEIGHT_KEY), getParam(SpectralNormParams.U_KEY),
                        training);
            }
            return super.preOutputWithPreNorm(training, forBackprop, workspaces);
        }

        @Override
        protected INDArray getParamWithNoise(String param, boolean training, LayerWorkspaceMgr workspaces) {
            return DefaultParamInitializer.WEIGHT_KEY.equals(param) ? normalizer.normalized()
                    : super.getParamWithNoise(param, training, workspaces);
        }

        @Override
        public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaces) {
            Pair<Gradient, INDArray> result = super.backpropGradient(epsilon, workspaces);
            normalizer.backprop(result.getFirst(), gradientViews, DefaultParamInitializer.WEIGHT_KEY);
            return result;
        }

        /** See {@link SpectralNormalizer#stopIterating}. */
        void stopIterating() {
            normalizer.stopIterating();
        }
    }
}
