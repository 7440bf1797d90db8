package gan4j.arch;

import gan4j.config.ModelConfig.Norm;
import gan4j.nn.GraphNetwork;
import gan4j.nn.Network;
import gan4j.nn.layer.BatchNorm;
import gan4j.nn.layer.LeakyReluLayer;
import gan4j.nn.layer.ReusingConvolution;
import gan4j.nn.layer.SpectralNormConvolution;
import gan4j.nn.layer.SpectralNormDense;
import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.PreprocessorVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.Upsampling2D;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;

/**
 * ResNet GAN (SNGAN, Miyato et al. 2018; WGAN-GP's ResNet, Gulrajani et al. 2017) for 28, 32, 64
 * or 128 pixel images, as computation graphs with additive skip connections.
 *
 * <p>G maps a latent batch {@code [batch, latent, 1, 1]} by a dense layer to a base×base map, then
 * one up-block per doubling (BN-ReLU-upsample-conv3×3-BN-ReLU-conv3×3, shortcut upsample-conv1×1),
 * then BN-ReLU-conv3×3-tanh. The base is 4×4, or 7×7 for 28 pixels (Fashion-MNIST: two up-blocks,
 * 7→14→28). Widths halve from {@code generatorWidth·2^(blocks-1)} down to {@code generatorWidth},
 * as in {@link Dcgan}.
 *
 * <p>D mirrors it without BatchNorm: an optimized first block (conv3×3-ReLU-conv3×3-avgpool,
 * shortcut avgpool-conv1×1), down-blocks (ReLU-conv3×3-ReLU-conv3×3-avgpool, shortcut
 * conv1×1-avgpool) down to the base size, widths doubling from {@code discriminatorWidth}, then
 * {@code extraDiscriminatorBlocks} blocks at the base size with identity shortcuts (SNGAN's CIFAR
 * critic has two), ReLU, global sum pooling and a dense layer to one raw score {@code [batch, 1]}.
 *
 * <p>Normalization: G's BatchNorm layers are there with {@code batch}; with {@code spectral} every
 * convolution and dense layer of that network is spectrally normalized instead; {@code none} drops
 * both. D takes {@code spectral} (SNGAN) or {@code none} (WGAN-GP, whose penalty plays that role).
 */
public final class Resnet implements Architecture {

    private static final String INPUT = "input";
    private static final String OUTPUT = "output";

    private final ImageShape shape;
    private final int generatorWidth;
    private final int discriminatorWidth;
    private final int extraDiscriminatorBlocks;
    private final Norm generatorNorm;
    private final Norm discriminatorNorm;
    private final boolean projection;

    public Resnet(int imageSize, int channels, int latentSize, int generatorWidth, int discriminatorWidth,
                  int extraDiscriminatorBlocks, Norm generatorNorm, Norm discriminatorNorm) {
        this(imageSize, channels, latentSize, generatorWidth, discriminatorWidth, extraDiscriminatorBlocks,
                generatorNorm, discriminatorNorm, false);
    }

    /**
     * As the other constructor; with {@code projection} a conditional D scores with a class embedding
     * ({@link ProjectionHead}) over its pooled features instead of convolving label planes, and a
     * conditional G's normalizations are class-conditional ({@link ClassConditionalNorm}): SNGAN's
     * conditional ResNets.
     */
    public Resnet(int imageSize, int channels, int latentSize, int generatorWidth, int discriminatorWidth,
                  int extraDiscriminatorBlocks, Norm generatorNorm, Norm discriminatorNorm, boolean projection) {
        if (extraDiscriminatorBlocks < 0) {
            throw new IllegalArgumentException("extra discriminator blocks cannot be negative: "
                    + extraDiscriminatorBlocks);
        }
        this.shape = ImageShape.of(imageSize, channels, latentSize, List.of(28, 32, 64, 128), "ResNet");
        this.generatorWidth = generatorWidth;
        this.discriminatorWidth = discriminatorWidth;
        if (discriminatorNorm == Norm.BATCH) {
            throw new IllegalArgumentException("a ResNet critic takes spectral or no normalization, not batch");
        }
        this.extraDiscriminatorBlocks = extraDiscriminatorBlocks;
        this.generatorNorm = generatorNorm;
        this.discriminatorNorm = discriminatorNorm;
        this.projection = projection;
    }

    /** Same shape as {@link Dcgan}'s, so that latent and condition batches are drawn alike. */
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
        return GraphNetwork.initialised(generator(spec));
    }

    @Override
    public Network newDiscriminator(NetworkSpec spec) {
        return GraphNetwork.initialised(discriminator(spec));
    }

    public ComputationGraphConfiguration generator(Architecture.NetworkSpec spec) {
        int n = shape.doublings();
        int width = generatorWidth << (n - 1);
        int base = shape.baseSize();
        ComputationGraphConfiguration.GraphBuilder graph = base(spec).graphBuilder().addInputs(INPUT);
        ClassConditionalNorm conditional = null;
        if (conditionedByProjection(spec)) {
            conditional = new ClassConditionalNorm(shape.latentSize(), spec.conditionChannels(),
                    generatorNorm == Norm.BATCH);
            conditional.oneHot(graph, INPUT);
        }
        Layers g = new Layers(generatorNorm, conditional);
        graph.addLayer("dense", g.dense(new DenseLayer.Builder().nOut((long) width * base * base)
                .activation(Activation.IDENTITY)), INPUT);
        graph.addVertex("map", new PreprocessorVertex(new FeedForwardToCnnPreProcessor(base, base, width)), "dense");
        String x = "map";
        for (int i = 0; i < n; i++) {
            int out = generatorWidth << Math.max(n - 2 - i, 0);
            x = upBlock(graph, g, "up" + i, x, width, out);
            width = out;
        }
        graph.addLayer("relu", new LeakyReluLayer(0), g.normalize(graph, "bn", x, width));
        graph.addLayer(OUTPUT, g.conv(3, shape.channels(), true, Activation.TANH), "relu");
        graph.setOutputs(OUTPUT);
        graph.setInputTypes(InputType.convolutional(1, 1, shape.latentSize() + spec.conditionChannels()));
        return graph.build();
    }

    public ComputationGraphConfiguration discriminator(Architecture.NetworkSpec spec) {
        Layers d = new Layers(discriminatorNorm, null);
        int n = shape.doublings();
        ComputationGraphConfiguration.GraphBuilder graph = base(spec).graphBuilder().addInputs(INPUT);
        ProjectionHead head = conditionedByProjection(spec) ? new ProjectionHead(shape.channels(),
                spec.conditionChannels(), discriminatorNorm == Norm.SPECTRAL) : null;
        String x = optimizedBlock(graph, d, "down0", head == null ? INPUT : head.samples(graph, INPUT),
                discriminatorWidth);
        int width = discriminatorWidth;
        for (int i = 1; i < n; i++) {
            width *= 2;
            x = downBlock(graph, d, "down" + i, x, width);
        }
        for (int i = 0; i < extraDiscriminatorBlocks; i++) {
            x = plainBlock(graph, d, "block" + i, x, width);
        }
        graph.addLayer("relu", new LeakyReluLayer(0), x);
        graph.addLayer("sum", new GlobalPoolingLayer(PoolingType.SUM), "relu");
        if (head == null) {
            graph.addLayer(OUTPUT, d.dense(new DenseLayer.Builder().nOut(1).activation(Activation.IDENTITY)), "sum");
        } else {
            head.score(graph, INPUT, "sum", width, OUTPUT);
        }
        graph.setOutputs(OUTPUT);
        graph.setInputTypes(InputType.convolutional(shape.size(), shape.size(),
                shape.channels() + spec.conditionChannels()));
        return graph.build();
    }

    private boolean conditionedByProjection(Architecture.NetworkSpec spec) {
        return projection && spec.conditionChannels() > 0;
    }

    private static String upBlock(ComputationGraphConfiguration.GraphBuilder graph, Layers g, String name, String in,
                                  int channels, int out) {
        graph.addLayer(name + "_relu1", new LeakyReluLayer(0), g.normalize(graph, name + "_bn1", in, channels));
        graph.addLayer(name + "_up", upsample(), name + "_relu1");
        // No bias before BatchNorm: its gradient is zero and BatchNorm's shift does its work.
        graph.addLayer(name + "_conv1", g.conv(3, out, !g.batchNorm(), Activation.IDENTITY), name + "_up");
        graph.addLayer(name + "_relu2", new LeakyReluLayer(0), g.normalize(graph, name + "_bn2", name + "_conv1", out));
        graph.addLayer(name + "_conv2", g.conv(3, out, true, Activation.IDENTITY), name + "_relu2");
        graph.addLayer(name + "_sc_up", upsample(), in);
        // The residual branch's bias already shifts the sum.
        graph.addLayer(name + "_sc_conv", g.conv(1, out, false, Activation.IDENTITY), name + "_sc_up");
        return add(graph, name, name + "_conv2", name + "_sc_conv");
    }

    private static String optimizedBlock(ComputationGraphConfiguration.GraphBuilder graph, Layers d, String name,
                                         String in, int out) {
        // No ReLU first: the block sees raw pixels.
        graph.addLayer(name + "_conv1", d.conv(3, out, true, Activation.IDENTITY), in);
        graph.addLayer(name + "_relu", new LeakyReluLayer(0), name + "_conv1");
        graph.addLayer(name + "_conv2", d.conv(3, out, true, Activation.IDENTITY), name + "_relu");
        graph.addLayer(name + "_pool", avgPool(), name + "_conv2");
        graph.addLayer(name + "_sc_pool", avgPool(), in);
        graph.addLayer(name + "_sc_conv", d.conv(1, out, false, Activation.IDENTITY), name + "_sc_pool");
        return add(graph, name, name + "_pool", name + "_sc_conv");
    }

    private static String downBlock(ComputationGraphConfiguration.GraphBuilder graph, Layers d, String name, String in,
                                    int out) {
        residual(graph, d, name, in, out);
        graph.addLayer(name + "_pool", avgPool(), name + "_conv2");
        graph.addLayer(name + "_sc_conv", d.conv(1, out, false, Activation.IDENTITY), in);
        graph.addLayer(name + "_sc_pool", avgPool(), name + "_sc_conv");
        return add(graph, name, name + "_pool", name + "_sc_pool");
    }

    private static String plainBlock(ComputationGraphConfiguration.GraphBuilder graph, Layers d, String name,
                                     String in, int width) {
        residual(graph, d, name, in, width);
        return add(graph, name, name + "_conv2", in);
    }

    /** ReLU-conv3×3-ReLU-conv3×3, ending in {@code name_conv2}. */
    private static void residual(ComputationGraphConfiguration.GraphBuilder graph, Layers d, String name, String in,
                                 int out) {
        graph.addLayer(name + "_relu1", new LeakyReluLayer(0), in);
        graph.addLayer(name + "_conv1", d.conv(3, out, true, Activation.IDENTITY), name + "_relu1");
        graph.addLayer(name + "_relu2", new LeakyReluLayer(0), name + "_conv1");
        graph.addLayer(name + "_conv2", d.conv(3, out, true, Activation.IDENTITY), name + "_relu2");
    }

    private static String add(ComputationGraphConfiguration.GraphBuilder graph, String name, String a, String b) {
        graph.addVertex(name, new ElementWiseVertex(ElementWiseVertex.Op.Add), a, b);
        return name;
    }

    /** One network's layers under its normalization, class-conditional when {@code conditional} is there. */
    private record Layers(Norm norm, ClassConditionalNorm conditional) {

        boolean batchNorm() {
            return norm == Norm.BATCH;
        }

        /**
         * {@code in}, of {@code channels} channels, through the normalization named {@code name}
         * (BatchNorm when batch-normalized, then the class's gain and shift when conditional);
         * the name to read from.
         */
        String normalize(ComputationGraphConfiguration.GraphBuilder graph, String name, String in, int channels) {
            if (conditional != null) {
                return conditional.normalize(graph, name, in, channels);
            }
            if (!batchNorm()) {
                return in;
            }
            graph.addLayer(name, new BatchNorm(), in);
            return name;
        }

        ConvolutionLayer conv(int kernel, int nOut, boolean bias, Activation activation) {
            ConvolutionLayer.Builder builder = new ConvolutionLayer.Builder(kernel, kernel).stride(1, 1)
                    .padding(kernel / 2, kernel / 2).convolutionMode(ConvolutionMode.Truncate).nOut(nOut)
                    .hasBias(bias).activation(activation);
            return norm == Norm.SPECTRAL ? SpectralNormConvolution.of(builder) : ReusingConvolution.of(builder);
        }

        Layer dense(DenseLayer.Builder builder) {
            return norm == Norm.SPECTRAL ? SpectralNormDense.of(builder) : builder.build();
        }
    }

    private static Upsampling2D upsample() {
        return new Upsampling2D.Builder(2).build();
    }

    private static SubsamplingLayer avgPool() {
        return new SubsamplingLayer.Builder(PoolingType.AVG).kernelSize(2, 2).stride(2, 2).build();
    }

    private static NeuralNetConfiguration.Builder base(Architecture.NetworkSpec spec) {
        return spec.configuration().weightInit(WeightInit.XAVIER_UNIFORM);
    }
}
