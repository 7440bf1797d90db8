package gan4j.html;

import gan4j.io.AtomicFiles;
import gan4j.train.RunEvent;
import gan4j.train.RunListener;

/**
 * Rewrites {@code RUN/report.html} every {@code every} steps (with the sample grids) and when the
 * run ends, normally or stopped; atomically, so a browser reloading it never sees half a page.
 */
public final class ReportWriter implements RunListener {

    private final RunFiles files;
    private final int every;

    public ReportWriter(RunFiles files, int every) {
        this.files = files;
        this.every = every;
    }

    @Override
    public void on(RunEvent event) {
        boolean due = event instanceof RunEvent.StepCompleted && event.state().step() % every == 0
                || event instanceof RunEvent.RunFinished;
        if (due) {
            write(files);
        }
    }

    /** Writes the report of the run in {@code files} now. */
    public static void write(RunFiles files) {
        AtomicFiles.writeString(files.report(), RunReport.render(RunSummary.read(files)));
    }
}
