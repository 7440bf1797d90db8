package gan4j.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gan4j.config.OptimizerConfig;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;

class OptimizersTest {

    @Test
    void aConstantScheduleKeepsTheLearningRate() {
        IUpdater adam = Optimizers.updater(new OptimizerConfig(new OptimizerConfig.Adam(0.5, 0.9, 1e-8), 1e-3, OptimizerConfig.Schedule.CONSTANT), 100);
        assertEquals(1e-3, adam.getLearningRate(0, 0), 1e-15);
        assertEquals(1e-3, adam.getLearningRate(99, 0), 1e-15);
    }

    @Test
    void aLinearScheduleFallsToZeroOverTheGivenNumberOfUpdates() {
        IUpdater rms = Optimizers.updater(new OptimizerConfig(new OptimizerConfig.RmsProp(0.9, 1e-8), 4e-4, OptimizerConfig.Schedule.LINEAR), 1000);
        assertEquals(4e-4, rms.getLearningRate(0, 0), 1e-15);
        assertEquals(2e-4, rms.getLearningRate(500, 0), 1e-15);
        assertEquals(4e-7, rms.getLearningRate(999, 0), 1e-15);
        assertEquals(0, rms.getLearningRate(1000, 0), 0);
    }

    @Test
    void theScheduleSurvivesTheNetworkConfigurationJsonThatCheckpointsStore() {
        IUpdater adam = Optimizers.updater(new OptimizerConfig(new OptimizerConfig.Adam(0.5, 0.9, 1e-8), 1e-3, OptimizerConfig.Schedule.LINEAR), 10);
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().updater(adam).list()
                .layer(new DenseLayer.Builder().nIn(2).nOut(2).build()).build();
        MultiLayerConfiguration restored = MultiLayerConfiguration.fromJson(conf.toJson());
        IUpdater back = ((BaseLayer) restored.getConf(0).getLayer()).getIUpdater();
        assertEquals(new LinearDecay(1e-3, 10), ((Adam) back).getLearningRateSchedule());
        assertEquals(5e-4, back.getLearningRate(5, 0), 1e-15);
    }
}
