package gan4j.nn.layer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A layer's parameters followed by spectral normalisation's left singular vector estimate
 * {@link #U_KEY} (one value per output), which lives in the flat parameter view so that
 * checkpoints carry it. It is neither a weight nor a bias, so DL4J regularises none of it.
 */
public final class SpectralNormParams implements ParamInitializer {

    /** The name of the singular vector estimate in the layer's parameter table. */
    public static final String U_KEY = "u";

    private final ParamInitializer base;

    SpectralNormParams(ParamInitializer base) {
        this.base = base;
    }

    @Override
    public long numParams(NeuralNetConfiguration conf) {
        return numParams(conf.getLayer());
    }

    @Override
    public long numParams(Layer layer) {
        return base.numParams(layer) + outputs(layer);
    }

    @Override
    public List<String> paramKeys(Layer layer) {
        List<String> keys = new ArrayList<>(base.paramKeys(layer));
        keys.add(U_KEY);
        return keys;
    }

    @Override
    public List<String> weightKeys(Layer layer) {
        return base.weightKeys(layer);
    }

    @Override
    public List<String> biasKeys(Layer layer) {
        return base.biasKeys(layer);
    }

    @Override
    public boolean isWeightParam(Layer layer, String key) {
        return base.isWeightParam(layer, key);
    }

    @Override
    public boolean isBiasParam(Layer layer, String key) {
        return base.isBiasParam(layer, key);
    }

    /**
     * The base layer's parameters, then u, drawn from N(0, 1) by ND4J's global generator (which
     * DL4J seeds from the configuration before it initialises weights) and scaled to unit length.
     */
    @Override
    public Map<String, INDArray> init(NeuralNetConfiguration conf, INDArray paramsView, boolean initializeParams) {
        long baseCount = base.numParams(conf);
        Map<String, INDArray> params = new LinkedHashMap<>(base.init(conf, head(paramsView, baseCount),
                initializeParams));
        INDArray u = tail(paramsView, baseCount);
        if (initializeParams) {
            Nd4j.randn(u);
            u.divi(u.norm2Number());
        }
        params.put(U_KEY, u);
        conf.addVariable(U_KEY);
        return params;
    }

    @Override
    public Map<String, INDArray> getGradientsFromFlattened(NeuralNetConfiguration conf, INDArray gradientView) {
        long baseCount = base.numParams(conf);
        Map<String, INDArray> gradients = new LinkedHashMap<>(base.getGradientsFromFlattened(conf,
                head(gradientView, baseCount)));
        gradients.put(U_KEY, tail(gradientView, baseCount));
        return gradients;
    }

    /** The first {@code count} values of a flat view, as a vector view, the form DL4J hands initialisers. */
    private static INDArray head(INDArray view, long count) {
        return view.reshape(view.length()).get(NDArrayIndex.interval(0, count));
    }

    private static INDArray tail(INDArray view, long from) {
        return view.reshape(view.length()).get(NDArrayIndex.interval(from, view.length()));
    }

    private static long outputs(Layer layer) {
        return ((FeedForwardLayer) layer).getNOut();
    }
}
