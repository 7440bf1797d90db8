package gan4j.nn.layer;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
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
 * can compute the input gradient alone or the parameter gradients alone.
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
            implements InputGradientLayer, ParameterGradientLayer {

        /**
         * The most input channels for which the kernel gradient alone (through deconv2d_bp) is
         * faster than conv2d_bp, which also computes the input gradient. Measured on batch 64:
         * 1 channel of 28×28 → 64, 0.5–0.7 against 2.6–3.0 ms; 3 of 64×64, 7.5–12.9 against
         * 15.5–16.2 ms; 8 of 28×28, 2.6 against 6.1 ms; from 11 channels on conv2d_bp is faster.
         */
        private static final long KERNEL_GRADIENT_MAX_CHANNELS = 8;

        private final PreOutputCache cache = new PreOutputCache();
        private final ChannelSums sums = new ChannelSums();

        Instance(NeuralNetConfiguration conf, DataType dataType) {
            super(conf, dataType);
        }

        @Override
        protected Pair<INDArray, INDArray> preOutput(boolean training, boolean forBackprop,
                                                     LayerWorkspaceMgr workspaces) {
            return cache.preOutput(training, forBackprop, layerConf().getActivationFn(), workspaces,
                    () -> coversInput() ? new Pair<>(coveringPreOutput(training, workspaces), null)
                            : super.preOutput(training, forBackprop, workspaces));
        }

        @Override
        public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaces) {
            return coversInput() ? coveringBackprop(epsilon, true, true, workspaces)
                    : super.backpropGradient(epsilon, workspaces);
        }

        /**
         * The input gradient of a convolution is the transposed convolution of the output error
         * with the same kernel: libnd4j's deconv2d (or, onto few channels, {@link
         * TransposedConvolution}), half the work of conv2d_bp, which also computes the kernel
         * gradient. Layouts a transposed convolution cannot express (same-padding, NHWC, a
         * truncated border) go through the full backward pass.
         */
        @Override
        public INDArray inputGradient(INDArray epsilon, LayerWorkspaceMgr workspaces) {
            if (coversInput()) {
                return coveringBackprop(epsilon, false, true, workspaces).getSecond();
            }
            ConvolutionLayer conf = layerConf();
            if (!transposable(conf)) {
                return backpropGradient(epsilon, workspaces).getSecond();
            }
            INDArray delta = delta(epsilon, workspaces);
            INDArray weights = getParamWithNoise(ConvolutionParamInitializer.WEIGHT_KEY, true, workspaces);
            INDArray gradient = workspaces.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, input.shape(), 'c');
            if (input.size(1) <= TransposedConvolution.MAX_CHANNELS) {
                TransposedConvolution.into(delta, weights, conf.getStride(), conf.getPadding(), conf.getDilation(),
                        gradient);
            } else {
                Nd4j.exec(DynamicCustomOp.builder("deconv2d")
                        .addInputs(delta, weights.permute(2, 3, 1, 0))
                        .addOutputs(gradient)
                        .addIntegerArguments(geometry(conf))
                        .build());
            }
            return gradient;
        }

        /**
         * The kernel gradient of a convolution is that of the transposed convolution from the
         * output error to the input, which libnd4j's deconv2d_bp computes together with a forward
         * convolution of the input: cheaper than conv2d_bp's input gradient when the input has
         * few channels (D's first layer, on images).
         */
        @Override
        public Gradient parameterGradient(INDArray epsilon, LayerWorkspaceMgr workspaces) {
            if (coversInput()) {
                return coveringBackprop(epsilon, true, false, workspaces).getFirst();
            }
            ConvolutionLayer conf = layerConf();
            if (!transposable(conf) || input.size(1) > KERNEL_GRADIENT_MAX_CHANNELS) {
                return backpropGradient(epsilon, workspaces).getFirst();
            }
            INDArray delta = delta(epsilon, workspaces);
            INDArray weights = getParamWithNoise(ConvolutionParamInitializer.WEIGHT_KEY, true, workspaces);
            INDArray weightGradient = gradientViews.get(ConvolutionParamInitializer.WEIGHT_KEY);
            INDArray unused = workspaces.createUninitialized(ArrayType.BP_WORKING_MEM, dataType, delta.shape(), 'c');
            Nd4j.exec(DynamicCustomOp.builder("deconv2d_bp")
                    .addInputs(delta, weights.permute(2, 3, 1, 0), input.castTo(dataType))
                    .addOutputs(unused, weightGradient.permute(2, 3, 1, 0))
                    .addIntegerArguments(geometry(conf))
                    .build());
            Gradient gradient = new DefaultGradient();
            if (conf.hasBias()) {
                INDArray biasGradient = gradientViews.get(ConvolutionParamInitializer.BIAS_KEY);
                biasGradient.assign(sums.of(delta).reshape(biasGradient.shape()));
                gradient.setGradientFor(ConvolutionParamInitializer.BIAS_KEY, biasGradient);
            }
            gradient.setGradientFor(ConvolutionParamInitializer.WEIGHT_KEY, weightGradient, 'c');
            weightNoiseParams.clear();
            return gradient;
        }

        /**
         * A kernel the size of its unpadded input (D's score over its last feature map) gives one
         * value per sample and output channel: a matrix product [N, C·kH·kW] × [C·kH·kW, out].
         * For DCGAN-28's score, 128 channels of 7×7 at batch 64, libnd4j's convolution took 1.0 ms
         * forward and 2.4 ms backward per step (three passes), mostly fixed costs of oneDNN.
         */
        private boolean coversInput() {
            ConvolutionLayer conf = layerConf();
            int[] kernel = conf.getKernelSize();
            return input.rank() == 4 && conf.getCnn2dDataFormat() == CNN2DFormat.NCHW
                    && conf.getConvolutionMode() != ConvolutionMode.Same
                    && input.size(2) == kernel[0] && input.size(3) == kernel[1]
                    && conf.getPadding()[0] == 0 && conf.getPadding()[1] == 0;
        }

        private INDArray coveringPreOutput(boolean training, LayerWorkspaceMgr workspaces) {
            INDArray weights = getParamWithNoise(ConvolutionParamInitializer.WEIGHT_KEY, training, workspaces);
            long batch = input.size(0);
            long outputs = weights.size(0);
            INDArray out = workspaces.createUninitialized(ArrayType.ACTIVATIONS, dataType,
                    new long[] {batch, outputs, 1, 1}, 'c');
            MatMul.into(input.castTo(dataType).reshape('c', batch, weights.length() / outputs), false,
                    weights.reshape('c', outputs, weights.length() / outputs), true, out.reshape(batch, outputs));
            if (layerConf().hasBias()) {
                INDArray bias = getParamWithNoise(ConvolutionParamInitializer.BIAS_KEY, training, workspaces);
                ChannelAdd.into(out, bias, out);
            }
            return out;
        }

        /** The parameter gradients and the input gradient, each only if asked for (else empty or null). */
        private Pair<Gradient, INDArray> coveringBackprop(INDArray epsilon, boolean parameters, boolean inputs,
                                                          LayerWorkspaceMgr workspaces) {
            INDArray weights = getParamWithNoise(ConvolutionParamInitializer.WEIGHT_KEY, true, workspaces);
            long batch = input.size(0);
            long outputs = weights.size(0);
            long perOutput = weights.length() / outputs;
            INDArray delta = delta(epsilon, workspaces).reshape('c', batch, outputs);
            Gradient gradient = new DefaultGradient();
            if (parameters) {
                if (layerConf().hasBias()) {
                    INDArray biasGradient = gradientViews.get(ConvolutionParamInitializer.BIAS_KEY);
                    biasGradient.assign(delta.sum(0).reshape(biasGradient.shape()));
                    gradient.setGradientFor(ConvolutionParamInitializer.BIAS_KEY, biasGradient);
                }
                INDArray weightGradient = gradientViews.get(ConvolutionParamInitializer.WEIGHT_KEY);
                MatMul.into(delta, true, input.castTo(dataType).reshape('c', batch, perOutput), false,
                        weightGradient.reshape(outputs, perOutput));
                gradient.setGradientFor(ConvolutionParamInitializer.WEIGHT_KEY, weightGradient, 'c');
            }
            INDArray inputGradient = null;
            if (inputs) {
                inputGradient = workspaces.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, input.shape(), 'c');
                MatMul.into(delta, false, weights.reshape('c', outputs, perOutput), false,
                        inputGradient.reshape(batch, perOutput));
            }
            weightNoiseParams.clear();
            return new Pair<>(gradient, inputGradient);
        }

        /** dL/d(pre-activation) from the training pass's remembered pre-activation. */
        private INDArray delta(INDArray epsilon, LayerWorkspaceMgr workspaces) {
            INDArray preActivation = preOutput(true, true, workspaces).getFirst();
            return layerConf().getActivationFn().backprop(preActivation, epsilon.castTo(dataType)).getFirst();
        }

        private boolean transposable(ConvolutionLayer conf) {
            return conf.getConvolutionMode() != ConvolutionMode.Same && conf.getCnn2dDataFormat() == CNN2DFormat.NCHW
                    && transposeRestoresInputSize(conf);
        }

        /** libnd4j's integer arguments of a transposed convolution back to the input, NCHW. */
        private static int[] geometry(ConvolutionLayer conf) {
            int[] kernel = conf.getKernelSize();
            int[] stride = conf.getStride();
            int[] padding = conf.getPadding();
            int[] dilation = conf.getDilation();
            return new int[] {kernel[0], kernel[1], stride[0], stride[1], padding[0], padding[1],
                    dilation[0], dilation[1], 0, 0};
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
