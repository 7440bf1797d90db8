package gan4j.health;

import gan4j.config.HealthConfig;
import gan4j.event.EventLog;
import gan4j.nn.Networks;
import gan4j.train.RunEvent;
import gan4j.train.RunListener;
import gan4j.train.StepMetrics;
import gan4j.train.StopSignal;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Watches a run for D saturation, a stalled generator, mode collapse (in the fixed-noise samples, or
 * in the classes an evaluation sees) and evaluations getting worse, and writes each event to
 * {@code health.csv} and the log. On a collapse with {@code health.on_collapse: stop} it asks the
 * trainer to stop after this step, so the checkpoint writer saves the state on the way out, and
 * {@link #collapse()} then holds what the run should end with.
 */
public final class HealthMonitor implements RunListener {

    /**
     * Two samples count as duplicates when their root-mean-square difference per value is below 1%
     * of the [-1, 1] pixel range: invisible on screen.
     */
    static final double DUPLICATE_RMS = 0.02;

    private final EventLog log;
    private final PrintWriter out;
    private final int every;
    private final Function<Networks, double[][]> samples;
    private final HealthConfig.OnCollapse onCollapse;
    private final StopSignal stop;
    private final DiscriminatorSaturation saturation = new DiscriminatorSaturation();
    private final VanishingGeneratorGradient vanishing = new VanishingGeneratorGradient();
    private final ModeCollapse modeCollapse = new ModeCollapse();
    private final EvalDivergence evalDivergence = new EvalDivergence();
    private final ClassCollapse classCollapse = new ClassCollapse();
    private final FeatureCollapse featureCollapse = new FeatureCollapse();
    private final List<HealthEvent> seen = new ArrayList<>();
    private HealthEvent collapse;
    private boolean measured;

    /**
     * {@code samples} makes the fixed-noise batch from the networks, one flattened sample per row;
     * diversity is measured at the first step this process trains (the reference) and every
     * {@code every} steps.
     */
    public HealthMonitor(EventLog log, PrintWriter out, int every, Function<Networks, double[][]> samples,
                         HealthConfig.OnCollapse onCollapse, StopSignal stop) {
        this.log = log;
        this.out = out;
        this.every = every;
        this.samples = samples;
        this.onCollapse = onCollapse;
        this.stop = stop;
    }

    /** G's inference-mode output for {@code input}, one flattened sample per row. */
    public static Function<Networks, double[][]> generated(INDArray input) {
        return networks -> {
            INDArray x = networks.generator().infer(input);
            return x.reshape(x.size(0), x.length() / x.size(0)).castTo(DataType.DOUBLE).toDoubleMatrix();
        };
    }

    @Override
    public void on(RunEvent event) {
        if (!(event instanceof RunEvent.StepCompleted done)) {
            return;
        }
        StepMetrics metrics = done.metrics();
        saturation.check(metrics).ifPresent(this::report);
        vanishing.check(metrics).ifPresent(this::report);
        long step = done.state().step();
        if (!measured || step % every == 0) {
            measured = true;
            double[][] batch = samples.apply(done.networks());
            double duplicate = DUPLICATE_RMS * Math.sqrt(batch[0].length);
            modeCollapse.check(step, SampleDiversity.of(batch, duplicate)).ifPresent(this::collapsed);
        }
    }

    /**
     * An evaluation during training at {@code step}: the figure it is judged by (lower is better) and
     * its name, how evenly its samples spread over the classes (0 to 1) and how widely in feature space
     * (over the real images' spread), when the evaluator can tell.
     */
    public void evaluated(long step, String figure, double value, OptionalDouble classBalance,
                          OptionalDouble diversity) {
        evalDivergence.check(step, figure, value).ifPresent(this::report);
        if (diversity.isPresent()) {
            featureCollapse.check(step, diversity.getAsDouble()).ifPresent(this::collapsed);
        }
        if (classBalance.isPresent()) {
            classCollapse.check(step, classBalance.getAsDouble()).ifPresent(this::collapsed);
        }
    }

    private void collapsed(HealthEvent found) {
        report(found);
        if (onCollapse == HealthConfig.OnCollapse.ROLLBACK) {
            throw new CollapseDetected(found);
        }
        if (onCollapse == HealthConfig.OnCollapse.STOP && collapse == null) {
            collapse = found;
            stop.request();
        }
    }

    /** The events seen so far, in order. */
    public List<HealthEvent> events() {
        return List.copyOf(seen);
    }

    /** The collapse that stopped the run, when {@code health.on_collapse: stop} acted. */
    public Optional<HealthEvent> collapse() {
        return Optional.ofNullable(collapse);
    }

    private void report(HealthEvent event) {
        seen.add(event);
        log.record(event.step(), event.kind(), event.detail());
        out.println("health: step " + event.step() + ", " + event.kind().replace('_', ' ') + ": " + event.detail());
    }
}
