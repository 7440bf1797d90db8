package gan4j.run;

import gan4j.event.EvalHeadline;
import gan4j.event.EvalLog;
import gan4j.health.HealthMonitor;
import gan4j.metrics.TrainingEvaluator;
import gan4j.model.GanModel;
import gan4j.random.RandomStreams;
import gan4j.random.RandomStreams.Purpose;
import gan4j.train.RunEvent;
import gan4j.train.RunListener;
import gan4j.train.TrainingState;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@code eval}: every {@code every} steps and at the end of a finished run, scores the generator
 * (its moving average when the run keeps one) on the same latent noise each time, appends the
 * figures to {@code eval.csv}, says them in the log and the progress line, hands them to the
 * health monitor, and saves the state as {@code best.ckpt} whenever the evaluator's first figure
 * (the Fréchet distance for images) is the lowest yet.
 */
public final class PeriodicEvaluation implements RunListener {

    /** Where the figures go: {@code eval.csv}, the progress line, the health monitor, best.ckpt, the log. */
    public record Outlets(Path logFile, EvalHeadline headline, HealthMonitor health, Consumer<TrainingState> saveBest,
                          PrintWriter out) {
    }

    private final TrainingEvaluator evaluator;
    private final GanModel sampling;
    private final int every;
    private final int samples;
    private final long seed;
    private final Outlets outlets;
    private EvalLog log;
    private double best = Double.POSITIVE_INFINITY;
    private long bestStep = -1;
    private long lastEvaluated = -1;

    /** {@code model} is the trained one; its average generator, if any, is what gets scored. */
    public PeriodicEvaluation(TrainingEvaluator evaluator, GanModel model, int every, int samples, long seed,
                              Outlets outlets) {
        this.evaluator = evaluator;
        this.sampling = model.sampling(null);
        this.every = every;
        this.samples = samples;
        this.seed = seed;
        this.outlets = outlets;
    }

    @Override
    public void on(RunEvent event) {
        if (event instanceof RunEvent.RunStarted started) {
            outlets.out().println("eval every " + every + " steps: " + evaluator.protocol(samples));
            log = EvalLog.open(outlets.logFile(), evaluator.columns(), started.state().step());
            for (EvalLog.Row row : log.kept()) {
                remember(row.step(), row.values()[0]);
                lastEvaluated = row.step();
            }
        } else if (event instanceof RunEvent.StepCompleted done && done.state().step() % every == 0) {
            evaluate(done.state());
        } else if (event instanceof RunEvent.RunFinished finished && !finished.interrupted()
                && finished.state().step() != lastEvaluated) {
            evaluate(finished.state());
        }
    }

    private void evaluate(TrainingState state) {
        long started = System.nanoTime();
        long step = state.step();
        double[] figures = evaluator.evaluate(generate(), seed);
        double seconds = (System.nanoTime() - started) / 1e9;
        log.append(step, figures, seconds);
        lastEvaluated = step;
        boolean better = figures[0] < best;
        if (better) {
            outlets.saveBest().accept(state);
            remember(step, figures[0]);
        }
        String primary = evaluator.columns().get(0).equals("frechet") ? "FD" : evaluator.columns().get(0);
        outlets.headline().set(String.format(Locale.ROOT, "%s %.4g (best %.4g @ %d)", primary, figures[0], best,
                bestStep));
        outlets.out().println("eval at step " + step + ": " + describe(figures) + String.format(Locale.ROOT,
                "  (%.1f s)", seconds) + (better ? "; best so far, saved as checkpoints/best.ckpt" : ""));
        outlets.health().evaluated(step, evaluator.columns().get(0), figures[0], evaluator.classBalance(figures),
                evaluator.diversity(figures));
    }

    private void remember(long step, double frechet) {
        if (frechet < best) {
            best = frechet;
            bestStep = step;
        }
    }

    /** The same latent noise at every evaluation, so that figures move only because the generator did. */
    private INDArray generate() {
        RandomStreams random = new RandomStreams(seed);
        return sampling.sampleEvenly(samples, label -> random.random(Purpose.EVALUATION, 0, label));
    }

    private String describe(double[] figures) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < figures.length; i++) {
            parts.add(evaluator.columns().get(i) + " " + String.format(Locale.ROOT, "%.4g", figures[i]));
        }
        return String.join("  ", parts);
    }
}
