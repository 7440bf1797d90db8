package gan4j.nn.layer;

import java.lang.reflect.Field;
import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNBatchNormHelper;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's batch normalisation with its default settings, computed by {@link BatchNormHelper}
 * wherever DL4J would use its oneDNN helper or none (not in place of cuDNN), for NCHW activations.
 */
public final class BatchNorm extends BatchNormalization {

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> trainingListeners,
                             int layerIndex, INDArray layerParamsView, boolean initializeParams,
                             DataType networkDataType) {
        return LayerWiring.wire(new Instance(conf, networkDataType), conf, initializer(), trainingListeners,
                layerIndex, layerParamsView, initializeParams);
    }

    /** The layer built from this configuration. */
    static final class Instance extends org.deeplearning4j.nn.layers.normalization.BatchNormalization {

        Instance(NeuralNetConfiguration conf, DataType dataType) {
            super(conf, dataType);
            BatchNormalization layer = (BatchNormalization) conf.getLayer();
            if (!layer.isLockGammaBeta() && layer.getCnn2DFormat() == CNN2DFormat.NCHW) {
                useOwnHelper();
            }
        }

        /** DL4J keeps the helper in a package-private field, set by its constructor. */
        private void useOwnHelper() {
            try {
                Field field = org.deeplearning4j.nn.layers.normalization.BatchNormalization.class
                        .getDeclaredField("helper");
                field.setAccessible(true);
                Object chosen = field.get(this);
                if (chosen == null || chosen instanceof MKLDNNBatchNormHelper) {
                    field.set(this, new BatchNormHelper());
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("this DL4J version's BatchNormalization has no helper field", e);
            }
        }
    }
}
