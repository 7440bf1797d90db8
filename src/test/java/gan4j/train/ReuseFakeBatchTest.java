package gan4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import gan4j.arch.Mlp;
import gan4j.data.BatchStream;
import gan4j.data.ToyDataset;
import gan4j.data.ToyMixture;
import gan4j.nn.ConditionedCritic;
import gan4j.nn.ConditionedGenerator;
import gan4j.nn.Conditioning;
import gan4j.nn.Networks;
import gan4j.objective.NonSaturating;
import gan4j.penalty.InputNoise;
import gan4j.random.RandomStreams.Purpose;
import gan4j.random.RandomStreams;
import gan4j.testing.ToyNetworks;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class ReuseFakeBatchTest {

    private static final int BATCH = 16;
    private static final Mlp MLP = new Mlp(2, 2, 8, 8, 1);

    /**
     * D(G(z)) read out in the generator step, recomputed by hand for the latent batch of the D step
     * (subStep 0) and of a fresh draw (subStep -1): reuse must match the first.
     */
    @Test
    void theGeneratorStepSeesTheDiscriminatorStepsLatentBatch() {
        for (boolean reuse : new boolean[] {true, false}) {
            Networks networks = ToyNetworks.of(MLP, 1e-2);
            INDArray generatorBefore = networks.generator().params().dup();
            double logged = oneStep(networks, reuse).dFakeAfter();

            RandomStreams random = new RandomStreams(1);
            networks.generator().params().assign(generatorBefore);
            double dStepLatent = readout(networks, random.random(Purpose.LATENT, 0, 1));
            double freshLatent = readout(networks, random.random(Purpose.LATENT, 0, 0));
            assertNotEquals(dStepLatent, freshLatent, 1e-6);
            assertEquals(reuse ? dStepLatent : freshLatent, logged, 1e-6, "reuse_fake_batch " + reuse);
        }
    }

    private static double readout(Networks networks, SplittableRandom latent) {
        INDArray z = RandomStreams.gaussian(latent, DataType.FLOAT, MLP.latentShape(BATCH));
        INDArray scores = networks.discriminator().infer(networks.generator().infer(z));
        return new NonSaturating().readout(scores).meanNumber().doubleValue();
    }

    private static StepMetrics oneStep(Networks networks, boolean reuse) {
        Variant variant = new Variant(MLP, new NonSaturating(), List.of(), List.of(), InputNoise.NONE, 1, reuse);
        List<StepMetrics> metrics = new ArrayList<>();
        Trainer trainer = new Trainer(new ConditionedGenerator(networks.generator(), Conditioning.none()),
                new ConditionedCritic(networks.discriminator(), Conditioning.none()), variant, new RandomStreams(1),
                List.<RunListener>of(event -> {
                    if (event instanceof RunEvent.StepCompleted completed) {
                        metrics.add(completed.metrics());
                    }
                }));
        try (BatchStream batches = new BatchStream(new ToyDataset(ToyMixture.RING, 1000, 1), BATCH, 1, 0)) {
            trainer.run(new TrainingState(0), 1, batches::next, new StopSignal());
        }
        return metrics.get(0);
    }

}
