package gan4j.nn.layer;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Stops power iteration in every spectrally normalised layer of a network, for finite-difference
 * checks from any package (see SpectralNormalizer#stopIterating).
 */
public final class SpectralNormFreezer {

    private SpectralNormFreezer() {
    }

    /** Makes every spectrally normalised layer of {@code model} (a network or a graph) keep its u. */
    public static void stopIterating(Model model) {
        Layer[] layers = model instanceof ComputationGraph graph ? graph.getLayers()
                : ((MultiLayerNetwork) model).getLayers();
        for (Layer layer : layers) {
            if (layer instanceof SpectralNormDense.Instance dense) {
                dense.stopIterating();
            } else if (layer instanceof SpectralNormConvolution.Instance convolution) {
                convolution.stopIterating();
            }
        }
    }
}
