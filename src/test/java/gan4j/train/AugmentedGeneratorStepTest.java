package gan4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import gan4j.arch.Dcgan;
import gan4j.augment.Augmentation;
import gan4j.augment.Augmented;
import gan4j.config.AugmentConfig;
import gan4j.config.ModelConfig.Norm;
import gan4j.data.Batch;
import gan4j.nn.ConditionedCritic;
import gan4j.nn.ConditionedGenerator;
import gan4j.nn.Conditioning;
import gan4j.nn.Network;
import gan4j.nn.Networks;
import gan4j.nn.SampleCritic;
import gan4j.nn.SampleGenerator;
import gan4j.objective.NonSaturating;
import gan4j.penalty.InputNoise;
import gan4j.random.RandomStreams;
import gan4j.random.RandomStreams.Purpose;
import gan4j.testing.ToyNetworks;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** G's gradient is D's input gradient at the augmented fakes, carried back through the same transforms. */
class AugmentedGeneratorStepTest {

    private static final int BATCH = 6;
    private static final Dcgan DCGAN = new Dcgan(28, 1, 8, 4, 4, Norm.BATCH, Norm.BATCH);

    @Test
    void theGeneratorIsTrainedOnTheTransposedAugmentationOfDsGradient() {
        Augmentation augmentation = Augmentation.from(new AugmentConfig(
                List.of(AugmentConfig.Op.TRANSLATION, AugmentConfig.Op.CUTOUT, AugmentConfig.Op.ROTATE90,
                        AugmentConfig.Op.CONTRAST), 1, OptionalDouble.empty(), 1));
        Networks networks = ToyNetworks.of(DCGAN, 1e-3);
        Recording generator = new Recording(new ConditionedGenerator(networks.generator(), Conditioning.none()));
        SampleCritic critic = new ConditionedCritic(networks.discriminator(), Conditioning.none());
        Variant variant = new Variant(DCGAN, new NonSaturating(), List.of(), List.of(), InputNoise.NONE, 1, true,
                augmentation);
        INDArray real = RandomStreams.uniform(new SplittableRandom(2), DataType.FLOAT, BATCH, 1, 28, 28);
        Batch batch = new Batch(0, real, new int[BATCH]);
        new Trainer(generator, critic, variant, new RandomStreams(1), List.of())
                .run(new TrainingState(0), 1, () -> batch, new StopSignal());

        // D is as the G step saw it (G's update leaves it alone); the G step draws its transforms at sub-step -1.
        Augmented seen = augmentation.apply(generator.samples, 1, new RandomStreams(1).random(Purpose.AUGMENT, 0, 1));
        INDArray scores = critic.score(seen.images(), new int[BATCH]);
        INDArray atAugmented = critic.sampleGradient(new NonSaturating().generator(scores).dFake()).dup();
        INDArray expected = seen.backward(atAugmented);

        assertArrayEquals(expected.reshape(-1).toFloatVector(), generator.gradient.reshape(-1).toFloatVector(), 1e-7f);
        assertFalse(atAugmented.equalsWithEps(generator.gradient, 1e-4), "the transforms moved the gradient");
        assertEquals(1, networks.generator().iterationCount());
    }

    /** The generator, remembering the samples it made and the gradient it was trained on. */
    private static final class Recording implements SampleGenerator {
        private final SampleGenerator inner;
        private INDArray samples;
        private INDArray gradient;

        Recording(SampleGenerator inner) {
            this.inner = inner;
        }

        @Override
        public INDArray generate(INDArray latent, int[] labels) {
            samples = inner.generate(latent, labels).dup();
            return samples;
        }

        @Override
        public void update(INDArray sampleGradient) {
            gradient = sampleGradient.dup();
            inner.update(sampleGradient);
        }

        @Override
        public Network network() {
            return inner.network();
        }
    }
}
