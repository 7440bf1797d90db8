package gan4j.arch;

import gan4j.nn.GraphNetwork;
import gan4j.nn.Network;
import gan4j.nn.ParallelGenerators;
import gan4j.nn.SequentialNetwork;
import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.graph.SubsetVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;

/**
 * Fully connected G and D for low-dimensional data such as the 2-D toy mixtures: ReLU hidden layers
 * in G with a linear output (toy points are not confined to [-1, 1]), LeakyReLU(0.2) in D.
 *
 * <p>With a data scale s other than 1, G's output is multiplied by s and D's input divided by it,
 * so both networks work in unit-scale coordinates while samples stay in the data's own (as the
 * WGAN-GP authors' toy script divides the grid by its standard deviation). Without it the grid's
 * ±4 offsets must come from biases that Adam moves by about lr per step, and after 3,000 steps G
 * was still near its bias-free start: rays through the origin.
 *
 * <p>With {@code generators} k > 1 (MAD-GAN) there are k such generators sharing nothing, run side
 * by side as {@link ParallelGenerators}, and D ends in k+1 raw class scores (generator 0..k−1, real)
 * instead of one. The paper shares G's early layers for images; for toy MLPs independent generators
 * are the simpler choice.
 *
 * <p>With {@code generatorBatchNorm} each hidden layer of G is dense (no bias: BatchNorm's shift
 * replaces it), BatchNorm, ReLU, as the generator of PacGAN's and VEEGAN's toy experiments.
 */
public final class Mlp implements Architecture {

    private final int dimensions;
    private final int latentSize;
    private final int generatorWidth;
    private final int discriminatorWidth;
    private final int hiddenLayers;
    private final double dataScale;
    private final int pack;
    private final int generators;
    private final boolean generatorBatchNorm;

    public Mlp(int dimensions, int latentSize, int generatorWidth, int discriminatorWidth, int hiddenLayers) {
        this(dimensions, latentSize, generatorWidth, discriminatorWidth, hiddenLayers, 1);
    }

    public Mlp(int dimensions, int latentSize, int generatorWidth, int discriminatorWidth, int hiddenLayers,
               double dataScale) {
        this(dimensions, latentSize, generatorWidth, discriminatorWidth, hiddenLayers, dataScale, 1);
    }

    /** As the other constructors, with a critic that judges {@code pack} samples at once (input width pack·d). */
    public Mlp(int dimensions, int latentSize, int generatorWidth, int discriminatorWidth, int hiddenLayers,
               double dataScale, int pack) {
        this(dimensions, latentSize, generatorWidth, discriminatorWidth, hiddenLayers, dataScale, pack, 1);
    }

    /** As the other constructors, with {@code generators} independent generators and a (k+1)-class critic. */
    public Mlp(int dimensions, int latentSize, int generatorWidth, int discriminatorWidth, int hiddenLayers,
               double dataScale, int pack, int generators) {
        this(dimensions, latentSize, generatorWidth, discriminatorWidth, hiddenLayers, dataScale, pack, generators,
                false);
    }

    /** As the other constructors, with BatchNorm after each of G's hidden layers when {@code generatorBatchNorm}. */
    public Mlp(int dimensions, int latentSize, int generatorWidth, int discriminatorWidth, int hiddenLayers,
               double dataScale, int pack, int generators, boolean generatorBatchNorm) {
        this.generatorBatchNorm = generatorBatchNorm;
        if (pack < 1) {
            throw new IllegalArgumentException("pack must be at least 1: " + pack);
        }
        if (generators < 1 || generators > 1 && pack > 1) {
            throw new IllegalArgumentException("generators must be at least 1, and 1 with packing: " + generators);
        }
        this.pack = pack;
        this.generators = generators;
        if (!(dataScale > 0) || Double.isInfinite(dataScale)) {
            throw new IllegalArgumentException("data scale must be positive and finite: " + dataScale);
        }
        this.dataScale = dataScale;
        this.dimensions = dimensions;
        this.latentSize = latentSize;
        this.generatorWidth = generatorWidth;
        this.discriminatorWidth = discriminatorWidth;
        this.hiddenLayers = hiddenLayers;
    }

    @Override
    public long[] latentShape(int batchSize) {
        return new long[] {batchSize, latentSize};
    }

    @Override
    public long[] sampleShape() {
        return new long[] {dimensions};
    }

    @Override
    public int pack() {
        return pack;
    }

    @Override
    public int generators() {
        return generators;
    }

    @Override
    public Network newGenerator(NetworkSpec spec) {
        return generators == 1 ? SequentialNetwork.initialised(generator(spec))
                : new ParallelGenerators(GraphNetwork.initialised(generators(spec)), generators);
    }

    @Override
    public Network newDiscriminator(NetworkSpec spec) {
        return SequentialNetwork.initialised(discriminator(spec));
    }

    public MultiLayerConfiguration generator(NetworkSpec spec) {
        NeuralNetConfiguration.ListBuilder layers = base(spec).list();
        for (int i = 0; i < hiddenLayers; i++) {
            generatorHiddenLayer().forEach(layers::layer);
        }
        DenseLayer.Builder output = new DenseLayer.Builder().nOut(dimensions);
        layers.layer(dataScale == 1 ? output.activation(Activation.IDENTITY).build()
                : output.activation(new Scale(dataScale)).build());
        layers.setInputType(InputType.feedForward(latentSize + spec.conditionChannels()));
        return layers.build();
    }

    /** The k generators side by side: generator i maps latent columns block i to sample columns block i. */
    public ComputationGraphConfiguration generators(NetworkSpec spec) {
        if (spec.conditionChannels() != 0) {
            throw new IllegalArgumentException("several generators are built for unconditional models only");
        }
        ComputationGraphConfiguration.GraphBuilder graph = base(spec).graphBuilder().addInputs("latent");
        String[] outputs = new String[generators];
        for (int g = 0; g < generators; g++) {
            String previous = "latent_" + g;
            graph.addVertex(previous, new SubsetVertex(g * latentSize, (g + 1) * latentSize - 1), "latent");
            for (int i = 0; i < hiddenLayers; i++) {
                List<Layer> hidden = generatorHiddenLayer();
                for (int j = 0; j < hidden.size(); j++) {
                    String name = "g" + g + "_dense" + i + (j == 0 ? "" : "_" + j);
                    graph.addLayer(name, hidden.get(j), previous);
                    previous = name;
                }
            }
            outputs[g] = "g" + g + "_out";
            DenseLayer.Builder output = new DenseLayer.Builder().nOut(dimensions);
            graph.addLayer(outputs[g], dataScale == 1 ? output.activation(Activation.IDENTITY).build()
                    : output.activation(new Scale(dataScale)).build(), previous);
        }
        graph.addVertex("samples", new MergeVertex(), outputs);
        graph.setOutputs("samples");
        graph.setInputTypes(InputType.feedForward((long) latentSize * generators));
        return graph.build();
    }

    /** One hidden layer of G: dense-ReLU, or dense-BatchNorm-ReLU. */
    private List<Layer> generatorHiddenLayer() {
        if (!generatorBatchNorm) {
            return List.of(new DenseLayer.Builder().nOut(generatorWidth).activation(Activation.RELU).build());
        }
        return List.of(new DenseLayer.Builder().nOut(generatorWidth).hasBias(false).activation(Activation.IDENTITY)
                        .build(),
                new BatchNormalization.Builder().build(),
                new ActivationLayer.Builder().activation(Activation.RELU).build());
    }

    public MultiLayerConfiguration discriminator(NetworkSpec spec) {
        NeuralNetConfiguration.ListBuilder layers = base(spec).list();
        if (dataScale != 1) {
            layers.layer(new ActivationLayer.Builder().activation(new Scale(1 / dataScale)).build());
        }
        for (int i = 0; i < hiddenLayers; i++) {
            layers.layer(new DenseLayer.Builder().nOut(discriminatorWidth)
                    .activation(new ActivationLReLU(0.2)).build());
        }
        // MAD-GAN's critic scores each class: generator 0..k-1, then real.
        layers.layer(new DenseLayer.Builder().nOut(generators == 1 ? 1 : generators + 1)
                .activation(Activation.IDENTITY).build());
        layers.setInputType(InputType.feedForward((long) dimensions * pack + spec.conditionChannels()));
        return layers.build();
    }

    private static NeuralNetConfiguration.Builder base(NetworkSpec spec) {
        return spec.configuration().weightInit(WeightInit.XAVIER);
    }
}
