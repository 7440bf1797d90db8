package gan4j.nn.backend;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.distribution.NormalDistribution;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationELU;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The two benchmark GANs as DL4J networks (float32, Adam 2e-4 / beta1 0.5, N(0, 0.02) weights), mirrored layer
 * for layer in scripts/bench/torch_dcgan.py.
 *
 * <ul>
 * <li>dcgan28: G dense 100→128·7·7 (no bias), BN, ReLU, deconv 128→64 k4 s2 p1 (7→14, no bias), BN, ReLU,
 *     deconv 64→1 k4 s2 p1 (14→28), tanh. D conv 1→64 k4 s2 p1 (28→14), LReLU 0.2, conv 64→128 k4 s2 p1
 *     (14→7, no bias), BN, LReLU 0.2, dense 6272→1, sigmoid + binary cross-entropy.</li>
 * <li>dcgan64: the PyTorch DCGAN example (nz 100, ngf = ndf = 64, 3 channels, all convolutions without bias).</li>
 * </ul>
 */
final class DcganNets {

    static final int NZ = 100;

    private DcganNets() {
    }

    /** [generator, discriminator], initialised with the given seed. */
    static MultiLayerNetwork[] build(String model, long seed) {
        return build(model, seed, DataType.FLOAT);
    }

    /** As {@link #build(String, long)} in the given floating-point type (DOUBLE for reference runs). */
    static MultiLayerNetwork[] build(String model, long seed, DataType dtype) {
        MultiLayerNetwork g;
        MultiLayerNetwork d;
        switch (model) {
            case "dcgan28":
                g = new MultiLayerNetwork(g28(seed, dtype));
                d = new MultiLayerNetwork(d28(seed + 1, dtype));
                break;
            case "dcgan64":
                g = new MultiLayerNetwork(g64(seed, dtype));
                d = new MultiLayerNetwork(d64(seed + 1, dtype));
                break;
            default:
                throw new IllegalArgumentException("model: dcgan28 or dcgan64, not " + model);
        }
        g.init();
        d.init();
        return new MultiLayerNetwork[] {g, d};
    }

    /** Shape of one real batch: [b, c, h, w]. */
    static long[] imageShape(String model, int batch) {
        return "dcgan28".equals(model) ? new long[] {batch, 1, 28, 28} : new long[] {batch, 3, 64, 64};
    }

    /** Shape of the generator input. */
    static long[] noiseShape(String model, int batch) {
        return "dcgan28".equals(model) ? new long[] {batch, NZ} : new long[] {batch, NZ, 1, 1};
    }

    /** Shape of D's output / labels. */
    static long[] labelShape(String model, int batch) {
        return "dcgan28".equals(model) ? new long[] {batch, 1} : new long[] {batch, 1, 1, 1};
    }

    private static NeuralNetConfiguration.ListBuilder base(long seed, DataType dtype) {
        return new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(dtype)
                .updater(new Adam(2e-4, 0.5, 0.999, 1e-8))
                .weightInit(new NormalDistribution(0, 0.02))
                .convolutionMode(ConvolutionMode.Truncate)
                .list();
    }

    private static Deconvolution2D deconv(int in, int out, int k, int s, int p, boolean bias, Activation act) {
        return new Deconvolution2D.Builder(k, k).stride(s, s).padding(p, p).nIn(in).nOut(out)
                .hasBias(bias).activation(act).build();
    }

    private static ConvolutionLayer conv(int in, int out, int k, int s, int p, boolean bias) {
        return new ConvolutionLayer.Builder(k, k).stride(s, s).padding(p, p).nIn(in).nOut(out)
                .hasBias(bias).activation(Activation.IDENTITY).build();
    }

    private static BatchNormalization bn(int n) {
        return new BatchNormalization.Builder().nIn(n).nOut(n).eps(1e-5).decay(0.9).build();
    }

    /**
     * With {@code -Dgan4j.bench.smooth=true} every ReLU / LeakyReLU becomes an ELU (continuous derivative). Only for
     * the numerics check: with piecewise-linear activations, an input that float32 rounding puts on the other side
     * of the kink changes its gradient by a finite amount, whichever implementation rounds.
     */
    static boolean smooth() {
        return Boolean.getBoolean("gan4j.bench.smooth");
    }

    private static IActivation reluFn() {
        return smooth() ? new ActivationELU() : new ActivationReLU();
    }

    private static IActivation lreluFn() {
        return smooth() ? new ActivationELU() : new ActivationLReLU(0.2);
    }

    private static ActivationLayer relu() {
        return new ActivationLayer.Builder().activation(reluFn()).build();
    }

    private static ActivationLayer lrelu() {
        return new ActivationLayer.Builder().activation(lreluFn()).build();
    }

    static MultiLayerConfiguration g28(long seed, DataType dtype) {
        return base(seed, dtype)
                .layer(new DenseLayer.Builder().nIn(NZ).nOut(128 * 7 * 7).hasBias(false).activation(Activation.IDENTITY).build())
                .inputPreProcessor(1, new FeedForwardToCnnPreProcessor(7, 7, 128))
                .layer(bn(128))
                .layer(relu())
                .layer(deconv(128, 64, 4, 2, 1, false, Activation.IDENTITY))
                .layer(bn(64))
                .layer(relu())
                .layer(deconv(64, 1, 4, 2, 1, true, Activation.TANH))
                .setInputType(InputType.feedForward(NZ))
                .build();
    }

    static MultiLayerConfiguration d28(long seed, DataType dtype) {
        return base(seed, dtype)
                .layer(new ConvolutionLayer.Builder(4, 4).stride(2, 2).padding(1, 1).nIn(1).nOut(64)
                        .activation(lreluFn()).build())
                .layer(conv(64, 128, 4, 2, 1, false))
                .layer(bn(128))
                .layer(lrelu())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.XENT).nOut(1)
                        .activation(Activation.SIGMOID).build())
                .setInputType(InputType.convolutional(28, 28, 1))
                .build();
    }

    static MultiLayerConfiguration g64(long seed, DataType dtype) {
        int ngf = 64;
        return base(seed, dtype)
                .layer(deconv(NZ, ngf * 8, 4, 1, 0, false, Activation.IDENTITY))      // 1 -> 4
                .layer(bn(ngf * 8)).layer(relu())
                .layer(deconv(ngf * 8, ngf * 4, 4, 2, 1, false, Activation.IDENTITY)) // 4 -> 8
                .layer(bn(ngf * 4)).layer(relu())
                .layer(deconv(ngf * 4, ngf * 2, 4, 2, 1, false, Activation.IDENTITY)) // 8 -> 16
                .layer(bn(ngf * 2)).layer(relu())
                .layer(deconv(ngf * 2, ngf, 4, 2, 1, false, Activation.IDENTITY))     // 16 -> 32
                .layer(bn(ngf)).layer(relu())
                .layer(deconv(ngf, 3, 4, 2, 1, false, Activation.TANH))               // 32 -> 64
                .setInputType(InputType.convolutional(1, 1, NZ))
                .build();
    }

    static MultiLayerConfiguration d64(long seed, DataType dtype) {
        int ndf = 64;
        return base(seed, dtype)
                .layer(new ConvolutionLayer.Builder(4, 4).stride(2, 2).padding(1, 1).nIn(3).nOut(ndf)
                        .hasBias(false).activation(lreluFn()).build())  // 64 -> 32
                .layer(conv(ndf, ndf * 2, 4, 2, 1, false)).layer(bn(ndf * 2)).layer(lrelu())     // 32 -> 16
                .layer(conv(ndf * 2, ndf * 4, 4, 2, 1, false)).layer(bn(ndf * 4)).layer(lrelu()) // 16 -> 8
                .layer(conv(ndf * 4, ndf * 8, 4, 2, 1, false)).layer(bn(ndf * 8)).layer(lrelu()) // 8 -> 4
                .layer(conv(ndf * 8, 1, 4, 1, 0, false))                                            // 4 -> 1
                .layer(new CnnLossLayer.Builder(LossFunctions.LossFunction.XENT).activation(Activation.SIGMOID).build())
                .setInputType(InputType.convolutional(64, 64, 3))
                .build();
    }
}
