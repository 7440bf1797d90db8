package gan4j.metrics;

import gan4j.data.BatchOrder;
import gan4j.data.Dataset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongConsumer;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A small CNN trained on a dataset's real images to tell its classes apart, so that it can judge
 * whether a conditional generator draws the class it was asked for, and lend its penultimate layer
 * as features for a dataset-specific Fréchet distance. It reads images as the generator writes
 * them: [batch, channels, height, width] in [-1, 1].
 */
public final class SampleClassifier implements FeatureExtractor {

    /**
     * How the classifier is built and trained: {@code width} channels in the first convolution, twice
     * that in the second, eight times that in the dense feature layer. {@link #describe()} is part of
     * the cache key, so a change retrains.
     */
    public record Recipe(int width, int iterations, int batchSize, double learningRate, long seed) {

        /** About 1.3 epochs of Fashion-MNIST: 88.0% test accuracy for about a minute of one core. */
        public static final Recipe DEFAULT = new Recipe(16, 1200, 64, 1e-3, 1);

        public String describe() {
            return "cnn width " + width + ", adam lr " + learningRate + ", " + iterations + " iterations of "
                    + batchSize + ", seed " + seed;
        }
    }

    // Inference batches bound the memory a large evaluation set needs.
    private static final int INFERENCE_BATCH = 500;
    // The dense layer before the softmax: its activations are the features a Fréchet distance compares.
    private static final int FEATURE_LAYER = 2;

    private final MultiLayerNetwork net;
    private final List<String> classNames;

    public SampleClassifier(MultiLayerNetwork net, List<String> classNames) {
        this.net = net;
        this.classNames = List.copyOf(classNames);
    }

    /**
     * Trains a fresh classifier on every labelled sample of {@code data}; {@code progress} hears the
     * number of iterations done so far, every 100.
     */
    public static SampleClassifier train(Dataset data, Recipe recipe, LongConsumer progress) {
        int classes = data.classNames().size();
        if (classes < 2) {
            throw new IllegalArgumentException("a classifier needs at least two classes, got " + data.describe());
        }
        MultiLayerNetwork net = new MultiLayerNetwork(configuration(data, classes, recipe));
        net.init();
        BatchOrder order = new BatchOrder(data.size(), Math.min(recipe.batchSize(), data.size()), recipe.seed());
        for (int i = 0; i < recipe.iterations(); i++) {
            int[] indices = order.indices(i);
            net.fit(new DataSet(images(data, indices), oneHot(data, indices, classes)));
            if ((i + 1) % 100 == 0) {
                progress.accept(i + 1);
            }
        }
        return new SampleClassifier(net, data.classNames());
    }

    /** A classifier for {@code data} as {@code recipe} builds it, before training: what a cache loads into. */
    public static SampleClassifier untrained(Dataset data, Recipe recipe) {
        MultiLayerNetwork net = new MultiLayerNetwork(configuration(data, data.classNames().size(), recipe));
        net.init();
        return new SampleClassifier(net, data.classNames());
    }

    public MultiLayerNetwork model() {
        return net;
    }

    public List<String> classNames() {
        return classNames;
    }

    /** The most probable class of each image in [batch, channels, height, width]. */
    public int[] predict(INDArray images) {
        int[] predicted = new int[(int) images.size(0)];
        for (int from = 0; from < predicted.length; from += INFERENCE_BATCH) {
            int to = Math.min(predicted.length, from + INFERENCE_BATCH);
            INDArray chunk = images.get(NDArrayIndex.interval(from, to));
            int[] part = net.output(chunk, false).argMax(1).toIntVector();
            System.arraycopy(part, 0, predicted, from, part.length);
        }
        return predicted;
    }

    /** The penultimate layer's activations for each image, [batch, features]. */
    @Override
    public INDArray features(INDArray images) {
        List<INDArray> slices = new ArrayList<>();
        for (long from = 0; from < images.size(0); from += INFERENCE_BATCH) {
            INDArray chunk = images.get(NDArrayIndex.interval(from, Math.min(images.size(0), from + INFERENCE_BATCH)));
            slices.add(net.feedForwardToLayer(FEATURE_LAYER, chunk, false).get(FEATURE_LAYER + 1));
        }
        return slices.size() == 1 ? slices.get(0) : Nd4j.concat(0, slices.toArray(INDArray[]::new));
    }

    /** The images of {@code data} at {@code indices}, [indices, channels, height, width]. */
    public static INDArray images(Dataset data, int[] indices) {
        long[] shape = data.sampleShape();
        int sampleSize = (int) (shape[0] * shape[1] * shape[2]);
        float[] buffer = new float[indices.length * sampleSize];
        for (int k = 0; k < indices.length; k++) {
            data.read(indices[k], buffer, k * sampleSize);
        }
        return Nd4j.create(buffer, new long[] {indices.length, shape[0], shape[1], shape[2]}, 'c');
    }

    /** Accuracy per class on every sample of a labelled dataset whose class names match this classifier's. */
    public ClassAccuracy accuracy(Dataset data) {
        if (!data.classNames().equals(classNames)) {
            throw new IllegalArgumentException("classifier knows " + classNames + " but " + data.describe()
                    + " has " + data.classNames());
        }
        int[] correct = new int[classNames.size()];
        int[] total = new int[classNames.size()];
        for (int from = 0; from < data.size(); from += INFERENCE_BATCH) {
            int first = from;
            int[] indices = new int[Math.min(INFERENCE_BATCH, data.size() - from)];
            Arrays.setAll(indices, k -> first + k);
            int[] predicted = predict(images(data, indices));
            for (int k = 0; k < indices.length; k++) {
                int label = data.label(indices[k]);
                total[label]++;
                if (predicted[k] == label) {
                    correct[label]++;
                }
            }
        }
        return new ClassAccuracy(classNames, correct, total);
    }

    private static MultiLayerConfiguration configuration(Dataset data, int classes, Recipe recipe) {
        // Stride-2 convolutions instead of pooling: ND4J's CPU convolution costs grow with the output
        // size, and this keeps training to tens of milliseconds per batch on one core.
        return new NeuralNetConfiguration.Builder()
                .seed(recipe.seed())
                .dataType(DataType.FLOAT)
                .updater(new Adam(recipe.learningRate()))
                .weightInit(WeightInit.RELU)
                .list()
                .layer(downsample(recipe.width()))
                .layer(downsample(2 * recipe.width()))
                .layer(new DenseLayer.Builder().nOut(8 * recipe.width()).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(classes)
                        .activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER).build())
                .setInputType(InputType.convolutional(data.height(), data.width(), data.channels()))
                .build();
    }

    private static ConvolutionLayer downsample(int channels) {
        return new ConvolutionLayer.Builder(3, 3).stride(2, 2).padding(1, 1)
                .convolutionMode(ConvolutionMode.Truncate).nOut(channels).activation(Activation.RELU).build();
    }

    private static INDArray oneHot(Dataset data, int[] indices, int classes) {
        INDArray labels = Nd4j.zeros(DataType.FLOAT, indices.length, classes);
        for (int k = 0; k < indices.length; k++) {
            labels.putScalar(k, data.label(indices[k]), 1f);
        }
        return labels;
    }

    @Override
    public String describe() {
        return "the penultimate layer (" + net.getLayer(FEATURE_LAYER).getParam("b").length()
                + " units) of the run's classifier";
    }
}
