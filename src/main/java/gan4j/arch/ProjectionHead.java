package gan4j.arch;

import gan4j.nn.layer.ChannelSubset;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.PreprocessorVertex;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.nd4j.linalg.activations.Activation;

/**
 * The projection discriminator's score (Miyato and Koyama 2018) wired into a graph critic: ψ(φ(x)) +
 * ⟨embed(y), φ(x)⟩ over D's last features φ(x). The critic's input keeps the concat layout (samples,
 * then one-hot label planes) so that it stays a one-input network whose input gradient reaches the
 * samples; the planes bypass the body and only select the class embedding.
 */
final class ProjectionHead {

    private final int channels;
    private final int classes;

    /** For inputs of {@code channels} sample channels followed by {@code classes} label planes. */
    ProjectionHead(int channels, int classes) {
        if (classes < 2) {
            throw new IllegalArgumentException("a projection critic needs at least two classes, got " + classes);
        }
        this.channels = channels;
        this.classes = classes;
    }

    /** Adds the vertex holding the input's sample channels, what the body convolves; returns its name. */
    String samples(GraphBuilder graph, String input) {
        graph.addVertex("samples", new ChannelSubset(0, channels - 1), input);
        return "samples";
    }

    /**
     * Adds {@code output}, the score [B, 1], over {@code features}, the body's last feature map
     * [B, depth, height, width].
     */
    void score(GraphBuilder graph, String input, String features, int depth, int height, int width, String output) {
        long size = (long) depth * height * width;
        graph.addVertex("phi", new PreprocessorVertex(new CnnToFeedForwardPreProcessor(height, width, depth)), features);
        graph.addVertex("label_planes", new ChannelSubset(channels, channels + classes - 1), input);
        // Constant planes average to the one-hot itself.
        graph.addLayer("one_hot", new GlobalPoolingLayer(PoolingType.AVG), "label_planes");
        // ψ is linear without bias, so ψ(φ) + ⟨embed(y), φ⟩ = ⟨w + embed(y), φ⟩: the embedding layer's
        // bias is ψ's weight vector and one product serves both terms.
        graph.addLayer("embed", new DenseLayer.Builder().nOut(size).hasBias(true).activation(Activation.IDENTITY)
                .build(), "one_hot");
        graph.addVertex("product", new ElementWiseVertex(ElementWiseVertex.Op.Product), "embed", "phi");
        // A column [B, 1, size, 1] that sum pooling reduces to one number per sample.
        graph.addVertex("column", new PreprocessorVertex(new FeedForwardToCnnPreProcessor(size, 1, 1)), "product");
        graph.addLayer(output, new GlobalPoolingLayer(PoolingType.SUM), "column");
    }
}
