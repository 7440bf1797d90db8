package gan4j.report;

import gan4j.report.TrainingCurves;
import gan4j.train.RunEvent;
import gan4j.train.RunListener;
import java.nio.file.Path;

/** Redraws the training-curve plot from the metrics log every {@code every} steps and at the end. */
public final class PlotWriter implements RunListener {

    private final Path metricsCsv;
    private final Path png;
    private final String title;
    private final int every;

    public PlotWriter(Path metricsCsv, Path png, String title, int every) {
        this.metricsCsv = metricsCsv;
        this.png = png;
        this.title = title;
        this.every = every;
    }

    @Override
    public void on(RunEvent event) {
        boolean due = event instanceof RunEvent.StepCompleted && event.state().step() % every == 0
                || event instanceof RunEvent.RunFinished;
        if (due && event.state().step() > 0) {
            TrainingCurves.write(metricsCsv, png, title);
        }
    }
}
