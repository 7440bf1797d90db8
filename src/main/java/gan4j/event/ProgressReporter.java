package gan4j.event;

import gan4j.train.RunEvent;
import gan4j.train.RunListener;
import gan4j.train.StepMetrics;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows training progress: a live bar with losses and D's readouts on a terminal, or a plain line
 * every {@code every} steps for batch jobs whose output goes to a file.
 */
public final class ProgressReporter implements RunListener {

    private final PrintWriter out;
    private final boolean interactive;
    private final int every;
    private final EvalHeadline headline;
    private ProgressBar bar;
    private long total;
    private long startStep;
    private long startNanos;

    /** {@code headline}, when not empty, ends every line and the bar's message. */
    public ProgressReporter(PrintWriter out, boolean interactive, int every, EvalHeadline headline) {
        this.out = out;
        this.interactive = interactive;
        this.every = every;
        this.headline = headline;
    }

    @Override
    public void on(RunEvent event) {
        if (event instanceof RunEvent.RunStarted started) {
            total = started.totalSteps();
            startStep = started.state().step();
            startNanos = System.nanoTime();
            if (interactive) {
                bar = new ProgressBarBuilder().setTaskName("train").setInitialMax(total)
                        .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK).setUpdateIntervalMillis(500)
                        .startsFrom(startStep, Duration.ZERO).build();
            } else {
                out.printf(Locale.ROOT, "training from step %d to %d%n", startStep, total);
            }
        } else if (event instanceof RunEvent.StepCompleted done) {
            StepMetrics m = done.metrics();
            if (bar != null) {
                bar.stepTo(done.state().step());
                bar.setExtraMessage(summary(m));
            } else if (done.state().step() % every == 0 || done.state().step() == total) {
                out.printf(Locale.ROOT, "step %d/%d  %s  %.0f samples/s  eta %s%n", done.state().step(), total,
                        summary(m), m.samplesPerSecond(), eta(done.state().step()));
            }
        } else if (bar != null) {
            bar.close();
            bar = null;
        }
    }

    private String summary(StepMetrics m) {
        return String.format(Locale.ROOT, "loss D %.4f G %.4f  D(x) %.3f  D(G(z)) %.3f/%.3f", m.discriminatorLoss(),
                m.generatorLoss(), m.dReal(), m.dFake(), m.dFakeAfter())
                + (headline.text().isEmpty() ? "" : "  " + headline.text());
    }

    private String eta(long step) {
        double perStep = (System.nanoTime() - startNanos) / 1e9 / Math.max(1, step - startStep);
        long seconds = Math.round(perStep * (total - step));
        return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
}
