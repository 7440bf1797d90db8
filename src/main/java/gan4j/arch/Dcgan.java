package gan4j.arch;

import gan4j.config.ModelConfig.Norm;
import gan4j.nn.GraphNetwork;
import gan4j.nn.Network;
import gan4j.nn.SequentialNetwork;
import gan4j.nn.layer.BatchNorm;
import gan4j.nn.layer.LeakyReluLayer;
import gan4j.nn.layer.ReusingConvolution;
import gan4j.nn.layer.ReusingDeconvolution2D;
import gan4j.nn.layer.SpectralNormConvolution;
import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.distribution.NormalDistribution;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.nd4j.linalg.activations.Activation;

/**
 * DCGAN (Radford et al. 2016) for 28, 32 or 64 pixel images: G is a stack of stride-2 transposed
 * convolutions with BatchNorm and ReLU ending in tanh; D mirrors it with stride-2 convolutions and
 * LeakyReLU(0.2) and ends in one raw score (no sigmoid: the objective decides what a score means),
 * or, as a projection critic, in a class-embedding score ({@link ProjectionHead}), G then taking its
 * label through class-conditional BatchNorm ({@link ClassConditionalNorm}).
 */
public final class Dcgan implements Architecture {

    private final ImageShape shape;
    private final int generatorWidth;
    private final int discriminatorWidth;
    private final Norm generatorNorm;
    private final Norm discriminatorNorm;
    private final boolean projection;

    /** {@code generatorNorm} is batch or none: transposed convolutions have no spectral-normalized form here. */
    public Dcgan(int imageSize, int channels, int latentSize, int generatorWidth, int discriminatorWidth,
                 Norm generatorNorm, Norm discriminatorNorm) {
        this(imageSize, channels, latentSize, generatorWidth, discriminatorWidth, generatorNorm, discriminatorNorm,
                false);
    }

    /**
     * As the other constructor; with {@code projection} a conditional D scores with a class embedding
     * ({@link ProjectionHead}) instead of convolving the label planes, and a conditional G takes the
     * label through class-conditional BatchNorm as well as on its latent.
     */
    public Dcgan(int imageSize, int channels, int latentSize, int generatorWidth, int discriminatorWidth,
                 Norm generatorNorm, Norm discriminatorNorm, boolean projection) {
        this.shape = ImageShape.of(imageSize, channels, latentSize, List.of(28, 32, 64), "DCGAN");
        this.generatorWidth = generatorWidth;
        this.discriminatorWidth = discriminatorWidth;
        if (generatorNorm == Norm.SPECTRAL) {
            throw new IllegalArgumentException("a DCGAN generator has no spectral normalization");
        }
        this.generatorNorm = generatorNorm;
        this.discriminatorNorm = discriminatorNorm;
        this.projection = projection;
    }

    @Override
    public long[] latentShape(int batchSize) {
        return shape.latentShape(batchSize);
    }

    @Override
    public long[] sampleShape() {
        return shape.sampleShape();
    }

    @Override
    public Network newGenerator(NetworkSpec spec) {
        return projection && spec.conditionChannels() > 0 ? GraphNetwork.initialised(conditionalGenerator(spec))
                : SequentialNetwork.initialised(generator(spec));
    }

    @Override
    public Network newDiscriminator(NetworkSpec spec) {
        return projection && spec.conditionChannels() > 0 ? GraphNetwork.initialised(projectionDiscriminator(spec))
                : SequentialNetwork.initialised(discriminator(spec));
    }

    public MultiLayerConfiguration generator(NetworkSpec spec) {
        int n = shape.doublings();
        int width = generatorWidth << (n - 1);
        NeuralNetConfiguration.ListBuilder layers = base(spec).list();
        boolean batchNorm = generatorNorm == Norm.BATCH;
        layers.layer(fromLatent(width, !batchNorm));
        if (batchNorm) {
            layers.layer(new BatchNorm());
        }
        layers.layer(new LeakyReluLayer(0));
        for (int i = 1; i < n; i++) {
            width /= 2;
            layers.layer(upsample(width, !batchNorm, Activation.IDENTITY));
            if (batchNorm) {
                layers.layer(new BatchNorm());
            }
            layers.layer(new LeakyReluLayer(0));
        }
        layers.layer(upsample(shape.channels(), true, Activation.TANH));
        layers.setInputType(InputType.convolutional(1, 1, shape.latentSize() + spec.conditionChannels()));
        return layers.build();
    }

    /**
     * The projection GAN's generator: the layers of {@link #generator}, each BatchNorm
     * class-conditional ({@link ClassConditionalNorm}).
     */
    public ComputationGraphConfiguration conditionalGenerator(NetworkSpec spec) {
        boolean batchNorm = generatorNorm == Norm.BATCH;
        ClassConditionalNorm norm = new ClassConditionalNorm(shape.latentSize(), spec.conditionChannels(), batchNorm);
        ComputationGraphConfiguration.GraphBuilder graph = base(spec).graphBuilder().addInputs("input");
        norm.oneHot(graph, "input");
        int n = shape.doublings();
        int width = generatorWidth << (n - 1);
        graph.addLayer("deconv0", fromLatent(width, !batchNorm), "input");
        graph.addLayer("relu0", new LeakyReluLayer(0), norm.normalize(graph, "norm0", "deconv0", width));
        for (int i = 1; i < n; i++) {
            width /= 2;
            graph.addLayer("deconv" + i, upsample(width, !batchNorm, Activation.IDENTITY), "relu" + (i - 1));
            graph.addLayer("relu" + i, new LeakyReluLayer(0), norm.normalize(graph, "norm" + i, "deconv" + i, width));
        }
        graph.addLayer("output", upsample(shape.channels(), true, Activation.TANH), "relu" + (n - 1));
        graph.setOutputs("output");
        graph.setInputTypes(InputType.convolutional(1, 1, shape.latentSize() + spec.conditionChannels()));
        return graph.build();
    }

    public MultiLayerConfiguration discriminator(NetworkSpec spec) {
        int n = shape.doublings();
        int width = discriminatorWidth;
        NeuralNetConfiguration.ListBuilder layers = base(spec).list();
        for (int i = 0; i < n; i++) {
            layers.layer(downsample(i, width));
            if (batchNormAfter(i)) {
                layers.layer(new BatchNorm());
            }
            layers.layer(new LeakyReluLayer(0.2));
            width *= 2;
        }
        // The score: a convolution over the whole last feature map (as in the DCGAN reference code),
        // flattened to [batch, 1]. DL4J's dense layer computes the same score 3-5x slower here: its
        // gradients are a degenerate matrix product (n = 1) and an outer product.
        layers.layer(convolution(new ConvolutionLayer.Builder(shape.baseSize(), shape.baseSize()).stride(1, 1)
                .padding(0, 0).convolutionMode(ConvolutionMode.Truncate).nOut(1).hasBias(true)
                .activation(Activation.IDENTITY)));
        layers.layer(new GlobalPoolingLayer(PoolingType.AVG));
        layers.setInputType(InputType.convolutional(shape.size(), shape.size(),
                shape.channels() + spec.conditionChannels()));
        return layers.build();
    }

    /**
     * The projection critic: the same body as {@link #discriminator} over the sample channels, its
     * last feature map as φ(x), scored by a {@link ProjectionHead} in place of the final convolution.
     */
    public ComputationGraphConfiguration projectionDiscriminator(NetworkSpec spec) {
        ProjectionHead head = new ProjectionHead(shape.channels(), spec.conditionChannels(),
                discriminatorNorm == Norm.SPECTRAL);
        ComputationGraphConfiguration.GraphBuilder graph = base(spec).graphBuilder().addInputs("input");
        String x = head.samples(graph, "input");
        int width = discriminatorWidth;
        for (int i = 0; i < shape.doublings(); i++) {
            graph.addLayer("conv" + i, downsample(i, width), x);
            x = "conv" + i;
            if (batchNormAfter(i)) {
                graph.addLayer("bn" + i, new BatchNorm(), x);
                x = "bn" + i;
            }
            graph.addLayer("relu" + i, new LeakyReluLayer(0.2), x);
            x = "relu" + i;
            width *= 2;
        }
        int depth = width / 2;
        int base = shape.baseSize();
        head.score(graph, "input", head.flatten(graph, x, depth, base, base), (long) depth * base * base, "score");
        graph.setOutputs("score");
        graph.setInputTypes(InputType.convolutional(shape.size(), shape.size(),
                shape.channels() + spec.conditionChannels()));
        return graph.build();
    }

    private ConvolutionLayer downsample(int index, int width) {
        return convolution(new ConvolutionLayer.Builder(4, 4).stride(2, 2).padding(1, 1)
                .convolutionMode(ConvolutionMode.Truncate).nOut(width).hasBias(!batchNormAfter(index))
                .activation(Activation.IDENTITY));
    }

    // The first layer sees raw pixels; DCGAN leaves BatchNorm out there.
    private boolean batchNormAfter(int index) {
        return discriminatorNorm == Norm.BATCH && index > 0;
    }

    /** D's convolutions: spectrally normalized (SNGAN's "standard CNN") or gan4j's fast layer. */
    private ConvolutionLayer convolution(ConvolutionLayer.Builder builder) {
        return discriminatorNorm == Norm.SPECTRAL ? SpectralNormConvolution.of(builder)
                : ReusingConvolution.of(builder);
    }

    /** G's first layer, [latent+cond, 1, 1] to [width, base, base]: a transposed convolution over a 1×1 input. */
    private Deconvolution2D fromLatent(int width, boolean bias) {
        int base = shape.baseSize();
        return ReusingDeconvolution2D.of(new Deconvolution2D.Builder(base, base).stride(1, 1).padding(0, 0)
                .convolutionMode(ConvolutionMode.Truncate).nOut(width).hasBias(bias).activation(Activation.IDENTITY));
    }

    private static Deconvolution2D upsample(int nOut, boolean bias, Activation activation) {
        return ReusingDeconvolution2D.of(new Deconvolution2D.Builder(4, 4).stride(2, 2).padding(1, 1)
                .convolutionMode(ConvolutionMode.Truncate).nOut(nOut).hasBias(bias).activation(activation));
    }

    private static NeuralNetConfiguration.Builder base(NetworkSpec spec) {
        return spec.configuration().weightInit(new NormalDistribution(0, 0.02));
    }
}
