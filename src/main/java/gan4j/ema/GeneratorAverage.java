package gan4j.ema;

import gan4j.config.TrainConfig;
import gan4j.nn.Network;
import gan4j.nn.WeightAverage;
import gan4j.train.RunEvent;
import gan4j.train.RunListener;

/**
 * Keeps {@code train.ema}'s moving average of the generator's weights, updated after every
 * generator step. Registered before the sample and checkpoint writers, so both see the average of
 * the step they write; it depends only on the trained weights and the step, so a resumed run,
 * which restores the average from its checkpoint, continues it exactly.
 */
public final class GeneratorAverage implements RunListener {

    private final Network average;
    private final TrainConfig.Ema ema;

    public GeneratorAverage(Network average, TrainConfig.Ema ema) {
        this.average = average;
        this.ema = ema;
    }

    @Override
    public void on(RunEvent event) {
        if (event instanceof RunEvent.StepCompleted done) {
            WeightAverage.blend(average, done.networks().generator(), decay(done.state().step()));
        }
    }

    /**
     * The decay after {@code steps} generator steps: 0 (a copy) until {@code start_step}; with a
     * ramp-up, the configured half-life capped at rampup × steps, as StyleGAN2-ADA caps its ema_kimg.
     */
    double decay(long steps) {
        if (steps <= ema.startStep()) {
            return 0;
        }
        if (ema.rampup() <= 0) {
            return ema.decay();
        }
        double halfLife = Math.log(0.5) / Math.log(ema.decay());
        double capped = Math.min(halfLife, ema.rampup() * steps);
        return Math.pow(0.5, 1 / Math.max(capped, 1e-8));
    }
}
