package gan4j.nn.layer;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.Deconvolution2DLayer;
import org.deeplearning4j.nn.params.DeconvolutionParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.deeplearning4j.util.ConvolutionUtils;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's 2-D transposed convolution, except that backpropagation reuses the forward pass's
 * pre-activation, and that a 1×1 input or an output of few channels take faster routes.
 */
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
    static final class Instance extends Deconvolution2DLayer implements ParameterGradientLayer {

        private final PreOutputCache cache = new PreOutputCache();

        Instance(NeuralNetConfiguration conf, DataType dataType) {
            super(conf, dataType);
        }

        @Override
        protected Pair<INDArray, INDArray> preOutput(boolean training, boolean forBackprop,
                                                     LayerWorkspaceMgr workspaces) {
            return cache.preOutput(training, forBackprop, layerConf().getActivationFn(), workspaces,
                    () -> fromPoint() ? new Pair<>(pointPreOutput(training, workspaces), null)
                            : toFewChannels() ? new Pair<>(fewChannelPreOutput(training, workspaces), null)
                            : super.preOutput(training, forBackprop, workspaces));
        }

        @Override
        public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaces) {
            return fromPoint() ? pointBackprop(epsilon, true, workspaces) : super.backpropGradient(epsilon, workspaces);
        }

        @Override
        public Gradient parameterGradient(INDArray epsilon, LayerWorkspaceMgr workspaces) {
            return fromPoint() ? pointBackprop(epsilon, false, workspaces).getFirst()
                    : super.backpropGradient(epsilon, workspaces).getFirst();
        }

        /**
         * A transposed convolution of a 1×1 input without padding (G's first layer, from the latent
         * vector) is one matrix product: [batch, in] × [in, out·kH·kW], which is how DL4J stores the
         * kernel. libnd4j's deconv2d took 8.2 ms forward and 6.7 ms backward for DCGAN-64's
         * 100 → 512×4×4 at batch 64; one matrix product of that size about 0.7 ms.
         */
        private boolean fromPoint() {
            ConvolutionLayer conf = layerConf();
            return input.rank() == 4 && input.size(2) == 1 && input.size(3) == 1
                    && conf.getCnn2dDataFormat() == CNN2DFormat.NCHW && conf.getConvolutionMode() != ConvolutionMode.Same
                    && conf.getPadding()[0] == 0 && conf.getPadding()[1] == 0;
        }

        /** An output of at most {@link TransposedConvolution#MAX_CHANNELS} channels (G's last layer, images). */
        private boolean toFewChannels() {
            ConvolutionLayer conf = layerConf();
            return input.rank() == 4 && conf.getCnn2dDataFormat() == CNN2DFormat.NCHW
                    && conf.getConvolutionMode() != ConvolutionMode.Same
                    && conf.getNOut() <= TransposedConvolution.MAX_CHANNELS;
        }

        private INDArray fewChannelPreOutput(boolean training, LayerWorkspaceMgr workspaces) {
            ConvolutionLayer conf = layerConf();
            INDArray weights = getParamWithNoise(DeconvolutionParamInitializer.WEIGHT_KEY, training, workspaces);
            int[] size = ConvolutionUtils.getDeconvolutionOutputSize(input, conf.getKernelSize(), conf.getStride(),
                    conf.getPadding(), conf.getConvolutionMode(), conf.getDilation(), CNN2DFormat.NCHW);
            INDArray out = workspaces.createUninitialized(ArrayType.ACTIVATIONS, dataType,
                    new long[] {input.size(0), weights.size(1), size[0], size[1]}, 'c');
            TransposedConvolution.into(input.castTo(dataType), weights, conf.getStride(), conf.getPadding(),
                    conf.getDilation(), out);
            addBias(out, training, workspaces);
            return out;
        }

        private void addBias(INDArray out, boolean training, LayerWorkspaceMgr workspaces) {
            if (layerConf().hasBias()) {
                INDArray bias = getParamWithNoise(DeconvolutionParamInitializer.BIAS_KEY, training, workspaces);
                ChannelAdd.into(out, bias, out);
            }
        }

        private INDArray pointPreOutput(boolean training, LayerWorkspaceMgr workspaces) {
            INDArray weights = getParamWithNoise(DeconvolutionParamInitializer.WEIGHT_KEY, training, workspaces);
            long batch = input.size(0);
            long channels = weights.size(1);
            INDArray out = workspaces.createUninitialized(ArrayType.ACTIVATIONS, dataType,
                    new long[] {batch, channels, weights.size(2), weights.size(3)}, 'c');
            long outputs = channels * weights.size(2) * weights.size(3);
            MatMul.into(input.castTo(dataType).reshape(batch, weights.size(0)), false,
                    weights.reshape(weights.size(0), outputs), false, out.reshape(batch, outputs));
            addBias(out, training, workspaces);
            return out;
        }

        /** Parameter gradients, and the input gradient if {@code withInput} (else null). */
        private Pair<Gradient, INDArray> pointBackprop(INDArray epsilon, boolean withInput,
                                                       LayerWorkspaceMgr workspaces) {
            INDArray weights = getParamWithNoise(DeconvolutionParamInitializer.WEIGHT_KEY, true, workspaces);
            long batch = input.size(0);
            long inputs = weights.size(0);
            long outputs = weights.size(1) * weights.size(2) * weights.size(3);
            INDArray preActivation = preOutput(true, true, workspaces).getFirst();
            INDArray delta = layerConf().getActivationFn().backprop(preActivation, epsilon.castTo(dataType))
                    .getFirst().reshape('c', batch, outputs);
            INDArray in = input.castTo(dataType).reshape(batch, inputs);

            INDArray weightGradient = gradientViews.get(DeconvolutionParamInitializer.WEIGHT_KEY);
            MatMul.into(in, true, delta, false, weightGradient.reshape(inputs, outputs));
            Gradient gradient = new DefaultGradient();
            if (layerConf().hasBias()) {
                INDArray biasGradient = gradientViews.get(DeconvolutionParamInitializer.BIAS_KEY);
                biasGradient.assign(delta.reshape(batch, weights.size(1), weights.size(2) * weights.size(3))
                        .sum(0, 2).reshape(biasGradient.shape()));
                gradient.setGradientFor(DeconvolutionParamInitializer.BIAS_KEY, biasGradient);
            }
            gradient.setGradientFor(DeconvolutionParamInitializer.WEIGHT_KEY, weightGradient, 'c');
            weightNoiseParams.clear();
            if (!withInput) {
                return new Pair<>(gradient, null);
            }
            INDArray inputGradient = workspaces.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType,
                    input.shape(), 'c');
            MatMul.into(delta, false, weights.reshape(inputs, outputs), true, inputGradient.reshape(batch, inputs));
            return new Pair<>(gradient, inputGradient);
        }
    }
}
