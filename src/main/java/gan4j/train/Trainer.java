package gan4j.train;

import gan4j.augment.AugmentState;
import gan4j.augment.Augmented;
import gan4j.data.Batch;
import gan4j.nn.Networks;
import gan4j.nn.ParameterGradient;
import gan4j.nn.SampleCritic;
import gan4j.nn.SampleGenerator;
import gan4j.objective.LossAndGrad;
import gan4j.objective.Scores;
import gan4j.penalty.Constraint;
import gan4j.penalty.Penalty;
import gan4j.random.RandomStreams.Purpose;
import gan4j.random.RandomStreams;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The alternating algorithm of Goodfellow et al. (2014), Algorithm 1: k discriminator steps, then
 * one generator step, with separate optimizers. It owns the loop and nothing else; everything that
 * reacts to training (checkpoints, samples, logs, health checks) is a {@link RunListener}.
 */
public final class Trainer {

    private final SampleGenerator generator;
    private final SampleCritic critic;
    private final Networks networks;
    private final Variant variant;
    private final RandomStreams random;
    private final List<RunListener> listeners;

    public Trainer(SampleGenerator generator, SampleCritic critic, Variant variant, RandomStreams random,
                   List<RunListener> listeners) {
        this.generator = generator;
        this.critic = critic;
        this.networks = new Networks(generator.network(), critic.network());
        this.variant = variant;
        this.random = random;
        this.listeners = List.copyOf(listeners);
    }

    /**
     * Trains from {@code start} until {@code totalSteps} generator steps are done or {@code stop}
     * is requested. {@code batches} must yield the batches of data step
     * {@code start.step() * k} onwards, in order.
     */
    public TrainingState run(TrainingState start, long totalSteps, Supplier<Batch> batches, StopSignal stop) {
        TrainingState state = start;
        emit(new RunEvent.RunStarted(state, networks, totalSteps));
        try {
            while (state.step() < totalSteps && !stop.requested()) {
                StepResult result = step(state, batches);
                state = state.next(result.augment());
                emit(new RunEvent.StepCompleted(state, networks, result.metrics()));
            }
        } catch (RuntimeException e) {
            networks.generator().releaseActivations();
            networks.discriminator().releaseActivations();
            emit(new RunEvent.RunFailed(state, networks, e));
            throw e;
        }
        emit(new RunEvent.RunFinished(state, networks, stop.requested()));
        return state;
    }

    private StepResult step(TrainingState state, Supplier<Batch> batches) {
        long started = System.nanoTime();
        long step = state.step();
        double probability = variant.augmentation().probability(state.augment());
        int k = variant.discriminatorStepsPerGeneratorStep();
        DiscriminatorStep last = null;
        int samples = 0;
        long realSigns = 0;
        long realScores = 0;
        for (int j = 0; j < k; j++) {
            Batch batch = batches.get();
            last = discriminatorStep(step, j, batch, probability);
            samples += 2 * batch.labels().length;
            realSigns += last.realSigns();
            realScores += batch.labels().length;
        }
        GeneratorStep g = generatorStep(step, last, probability);
        samples += g.batchSize();
        double seconds = (System.nanoTime() - started) / 1e9;
        AugmentState augment = variant.augmentation().after(state.augment(), step, realSigns, realScores);
        return new StepResult(new StepMetrics(step, last.loss(), g.loss(), last.penalty(), last.dReal(),
                last.dFake(), g.dFake(), samples / seconds, probability), augment);
    }

    /** Update D: maximise its objective on a real batch and a batch from G (minimise the loss). */
    private DiscriminatorStep discriminatorStep(long step, int j, Batch batch, double probability) {
        int[] labels = batch.labels();
        INDArray fake = generator.generate(latent(step, j, labels.length), labels);
        INDArray real = noisy(augmented(batch.images(), probability, step, 2 * j).images(), step, 2 * j);
        INDArray noisyFake = noisy(augmented(fake, probability, step, 2 * j + 1).images(), step, 2 * j + 1);

        // The objectives are separable (a real term plus a fake term), so the real pass can be
        // backpropagated before the fake scores exist: two forward passes instead of three.
        INDArray realScores = critic.score(real, labels);
        INDArray dReal = variant.objective().discriminator(new Scores(realScores, realScores)).dReal();
        INDArray sum = critic.parameterGradient(dReal).gradient().dup();
        INDArray fakeScores = critic.score(noisyFake, labels);
        LossAndGrad loss = variant.objective().discriminator(new Scores(realScores, fakeScores));
        ParameterGradient gradient = critic.parameterGradient(loss.dFake());
        sum.addi(gradient.gradient());

        double penalty = 0;
        long discriminatorStep = step * variant.discriminatorStepsPerGeneratorStep() + j;
        for (Penalty p : variant.penalties()) {
            if (p.activeAt(discriminatorStep)) {
                penalty += p.accumulate(critic, real, noisyFake, labels, random.random(Purpose.PENALTY, step, j),
                        sum);
            }
        }
        gradient.gradient().assign(sum);
        // BatchNorm's running statistics travel as pseudo-gradients; summing the real and fake passes
        // counted them twice, so halve them: they then track the mean of the real and fake batch
        // statistics at the configured decay.
        gradient.scaleState(0.5);
        critic.update(gradient);
        for (Constraint c : variant.constraints()) {
            c.apply(critic.network());
        }
        return new DiscriminatorStep(loss.loss() + penalty, penalty, mean(variant.objective().readout(realScores)),
                mean(variant.objective().readout(fakeScores)), signSum(realScores), labels, fake);
    }

    /**
     * Update G: minimise the generator loss, the error flowing back through D's gradient with
     * respect to the samples. Reusing the last D step's fake batch relies on G's activations from
     * that step, which no G pass has replaced since. The error reaches G through the augmentation's
     * transposed transforms; the input noise is additive and passes it unchanged.
     */
    private GeneratorStep generatorStep(long step, DiscriminatorStep last, double probability) {
        int[] labels = last.labels();
        INDArray fake = variant.reuseFakeBatch() ? last.fake()
                : generator.generate(latent(step, -1, labels.length), labels);
        Augmented seen = augmented(fake, probability, step, -1);
        INDArray fakeScores = critic.score(noisy(seen.images(), step, -1), labels);
        LossAndGrad loss = variant.objective().generator(fakeScores);
        generator.update(seen.backward(critic.sampleGradient(loss.dFake())));
        return new GeneratorStep(loss.loss(), mean(variant.objective().readout(fakeScores)), labels.length);
    }

    private INDArray latent(long step, int subStep, int count) {
        SplittableRandom latentRandom = random.random(Purpose.LATENT, step, subStep + 1);
        return RandomStreams.gaussian(latentRandom, DataType.FLOAT, variant.architecture().latentShape(count));
    }

    private INDArray noisy(INDArray samples, long step, int subStep) {
        return variant.inputNoise().apply(samples, step, random.random(Purpose.INSTANCE_NOISE, step, subStep + 2));
    }

    private Augmented augmented(INDArray samples, double probability, long step, int subStep) {
        return variant.augmentation().apply(samples, probability, random.random(Purpose.AUGMENT, step, subStep + 2));
    }

    /**
     * Σ sign(D(real)): ADA's measure of how far D overfits the real data. MAD-GAN's critic has k+1
     * class scores and no one sign; it only judges toy points, which are never augmented, so 0.
     */
    private static long signSum(INDArray realScores) {
        if (realScores.size(1) != 1) {
            return 0;
        }
        long sum = 0;
        for (double score : realScores.toDoubleVector()) {
            sum += (long) Math.signum(score);
        }
        return sum;
    }

    private static double mean(INDArray values) {
        return values.meanNumber().doubleValue();
    }

    private void emit(RunEvent event) {
        for (RunListener listener : listeners) {
            listener.on(event);
        }
    }

    private record DiscriminatorStep(double loss, double penalty, double dReal, double dFake, long realSigns,
                                     int[] labels, INDArray fake) {
    }

    private record StepResult(StepMetrics metrics, AugmentState augment) {
    }

    private record GeneratorStep(double loss, double dFake, int batchSize) {
    }
}
