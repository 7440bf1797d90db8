package gan4j.arch;

import gan4j.nn.Network;
import gan4j.nn.SequentialNetwork;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
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
 */
public final class Mlp implements Architecture {

    private final int dimensions;
    private final int latentSize;
    private final int generatorWidth;
    private final int discriminatorWidth;
    private final int hiddenLayers;
    private final double dataScale;
    private final int pack;

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
        if (pack < 1) {
            throw new IllegalArgumentException("pack must be at least 1: " + pack);
        }
        this.pack = pack;
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
    public Network newGenerator(NetworkSpec spec) {
        return SequentialNetwork.initialised(generator(spec));
    }

    @Override
    public Network newDiscriminator(NetworkSpec spec) {
        return SequentialNetwork.initialised(discriminator(spec));
    }

    public MultiLayerConfiguration generator(NetworkSpec spec) {
        NeuralNetConfiguration.ListBuilder layers = base(spec).list();
        for (int i = 0; i < hiddenLayers; i++) {
            layers.layer(new DenseLayer.Builder().nOut(generatorWidth).activation(Activation.RELU).build());
        }
        DenseLayer.Builder output = new DenseLayer.Builder().nOut(dimensions);
        layers.layer(dataScale == 1 ? output.activation(Activation.IDENTITY).build()
                : output.activation(new Scale(dataScale)).build());
        layers.setInputType(InputType.feedForward(latentSize + spec.conditionChannels()));
        return layers.build();
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
        layers.layer(new DenseLayer.Builder().nOut(1).activation(Activation.IDENTITY).build());
        layers.setInputType(InputType.feedForward((long) dimensions * pack + spec.conditionChannels()));
        return layers.build();
    }

    private static NeuralNetConfiguration.Builder base(NetworkSpec spec) {
        return spec.configuration().weightInit(WeightInit.XAVIER);
    }
}
