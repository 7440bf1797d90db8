package gan4j.arch;

import gan4j.nn.layer.ChannelSubset;
import gan4j.nn.layer.SpectralNormDense;
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
    private final boolean spectral;

    /**
     * For inputs of {@code channels} sample channels followed by {@code classes} label planes; with
     * {@code spectral}, ψ and the embedding are spectrally normalized, as the rest of an SNGAN critic.
     */
    ProjectionHead(int channels, int classes, boolean spectral) {
        if (classes < 2) {
            throw new IllegalArgumentException("a projection critic needs at least two classes, got " + classes);
        }
        this.channels = channels;
        this.classes = classes;
        this.spectral = spectral;
    }

    /** Adds the vertex holding the input's sample channels, what the body convolves; returns its name. */
    String samples(GraphBuilder graph, String input) {
        graph.addVertex("samples", new ChannelSubset(0, channels - 1), input);
        return "samples";
    }

    /** Adds φ, the feature map {@code features} [B, depth, height, width] flattened; returns its name. */
    String flatten(GraphBuilder graph, String features, int depth, int height, int width) {
        graph.addVertex("phi", new PreprocessorVertex(new CnnToFeedForwardPreProcessor(height, width, depth)), features);
        return "phi";
    }

    /** Adds {@code output}, the score [B, 1], over {@code phi}, D's features [B, size]. */
    void score(GraphBuilder graph, String input, String phi, long size, String output) {
        graph.addVertex("label_planes", new ChannelSubset(channels, channels + classes - 1), input);
        // Constant planes average to the one-hot itself.
        graph.addLayer("one_hot", new GlobalPoolingLayer(PoolingType.AVG), "label_planes");
        if (spectral) {
            // Normalized separately: σ of the embedding matrix and of ψ's weight vector are not σ of
            // the two stacked, so the shortcut below would leave the critic's Lipschitz bound open.
            graph.addLayer("psi", SpectralNormDense.of(new DenseLayer.Builder().nOut(1).hasBias(true)
                    .activation(Activation.IDENTITY)), phi);
            graph.addLayer("embed", SpectralNormDense.of(new DenseLayer.Builder().nOut(size).hasBias(false)
                    .activation(Activation.IDENTITY)), "one_hot");
            sumOfProduct(graph, phi, size, "projection");
            graph.addVertex(output, new ElementWiseVertex(ElementWiseVertex.Op.Add), "psi", "projection");
            return;
        }
        // ψ is linear without bias, so ψ(φ) + ⟨embed(y), φ⟩ = ⟨w + embed(y), φ⟩: the embedding layer's
        // bias is ψ's weight vector and one product serves both terms.
        graph.addLayer("embed", new DenseLayer.Builder().nOut(size).hasBias(true).activation(Activation.IDENTITY)
                .build(), "one_hot");
        sumOfProduct(graph, phi, size, output);
    }

    /** ⟨embed, φ⟩ per sample, [B, 1], as {@code name}. */
    private static void sumOfProduct(GraphBuilder graph, String phi, long size, String name) {
        graph.addVertex("product", new ElementWiseVertex(ElementWiseVertex.Op.Product), "embed", phi);
        // A column [B, 1, size, 1] that sum pooling reduces to one number per sample.
        graph.addVertex("column", new PreprocessorVertex(new FeedForwardToCnnPreProcessor(size, 1, 1)), "product");
        graph.addLayer(name, new GlobalPoolingLayer(PoolingType.SUM), "column");
    }
}
