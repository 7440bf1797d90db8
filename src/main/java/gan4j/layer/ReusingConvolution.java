package gan4j.layer;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.params.ConvolutionParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * DL4J's 2-D convolution, except that backpropagation reuses the forward pass's pre-activation and
 * can stop at the input gradient.
 */
public final class ReusingConvolution extends ConvolutionLayer {

    /** For JSON deserialisation (checkpoints). */
    private ReusingConvolution() {
    }

    private ReusingConvolution(ConvolutionLayer.Builder builder) {
        super(builder);
    }

    /** The layer {@code builder} describes; its {@code build()} runs first, for DL4J's validation. */
    public static ReusingConvolution of(ConvolutionLayer.Builder builder) {
        builder.build();
        return new ReusingConvolution(builder);
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> trainingListeners,
                             int layerIndex, INDArray layerParamsView, boolean initializeParams,
                             DataType networkDataType) {
        return LayerWiring.wire(new Instance(conf, networkDataType), conf, initializer(), trainingListeners,
                layerIndex, layerParamsView, initializeParams);
    }

    /** The layer built from this configuration. */
    static final class Instance extends org.deeplearning4j.nn.layers.convolution.ConvolutionLayer
            implements InputGradientLayer {

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

        /**
         * The input gradient of a convolution is the transposed convolution of the output error
         * with the same kernel: libnd4j's deconv2d, half the work of conv2d_bp, which also computes
         * the kernel gradient. Layouts deconv2d cannot express (same-padding, NHWC, a truncated
         * border) go through the full backward pass.
         */
        @Override
        public INDArray inputGradient(INDArray epsilon, LayerWorkspaceMgr workspaces) {
            ConvolutionLayer conf = layerConf();
            if (conf.getConvolutionMode() == ConvolutionMode.Same || conf.getCnn2dDataFormat() != CNN2DFormat.NCHW
                    || !transposeRestoresInputSize(conf)) {
                return backpropGradient(epsilon, workspaces).getSecond();
            }
            INDArray preActivation = preOutput(true, true, workspaces).getFirst();
            INDArray delta = conf.getActivationFn().backprop(preActivation, epsilon.castTo(dataType)).getFirst();
            int[] kernel = conf.getKernelSize();
            int[] stride = conf.getStride();
            int[] padding = conf.getPadding();
            int[] dilation = conf.getDilation();
            INDArray weights = getParamWithNoise(ConvolutionParamInitializer.WEIGHT_KEY, true, workspaces);
            INDArray gradient = workspaces.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, input.shape(), 'c');
            Nd4j.exec(DynamicCustomOp.builder("deconv2d")
                    .addInputs(delta, weights.permute(2, 3, 1, 0))
                    .addOutputs(gradient)
                    .addIntegerArguments(kernel[0], kernel[1], stride[0], stride[1], padding[0], padding[1],
                            dilation[0], dilation[1], 0, 0)
                    .build());
            return gradient;
        }

        private boolean transposeRestoresInputSize(ConvolutionLayer conf) {
            for (int axis = 0; axis < 2; axis++) {
                long in = input.size(2 + axis);
                long effectiveKernel = (long) (conf.getKernelSize()[axis] - 1) * conf.getDilation()[axis] + 1;
                long out = (in + 2L * conf.getPadding()[axis] - effectiveKernel) / conf.getStride()[axis] + 1;
                if ((out - 1) * conf.getStride()[axis] - 2L * conf.getPadding()[axis] + effectiveKernel != in) {
                    return false;
                }
            }
            return true;
        }
    }
}
