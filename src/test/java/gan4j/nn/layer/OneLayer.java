package gan4j.nn.layer;

import gan4j.nn.SequentialNetwork;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.IUpdater;

/** A double-precision network of one layer, for comparing gan4j's layers with DL4J's. */
final class OneLayer {

    private OneLayer() {
    }

    static MultiLayerConfiguration configuration(Layer layer, InputType type, IUpdater updater) {
        return new NeuralNetConfiguration.Builder().seed(1).dataType(DataType.DOUBLE).updater(updater).list()
                .layer(layer).setInputType(type).build();
    }

    /** The network, with {@code params} if not null (to match another network), else its own initial ones. */
    static SequentialNetwork network(Layer layer, InputType type, IUpdater updater, INDArray params) {
        MultiLayerNetwork net = new MultiLayerNetwork(configuration(layer, type, updater));
        net.init();
        if (params != null) {
            net.setParams(params);
        }
        return new SequentialNetwork(net);
    }
}
