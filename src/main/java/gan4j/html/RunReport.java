package gan4j.html;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The page of one run: losses and D's readouts over the steps, the final sample grid enlarged, the
 * timeline of fixed-noise grids, configuration and provenance. Images are referenced by paths
 * relative to the run directory, so the page is small enough to rewrite at every sample interval
 * and opens from file:// wherever the run directory is copied, as long as it is copied whole.
 */
final class RunReport {

    private static final int THUMBNAIL = 180;

    private RunReport() {
    }

    static String render(RunSummary run) {
        StringBuilder body = new StringBuilder();
        body.append("<h1>").append(Html.escape(run.name())).append("</h1>\n");
        body.append("<p class=\"facts\">").append(facts(run)).append("</p>\n");
        body.append("<h2>Training curves</h2>\n<div class=\"charts\">\n")
                .append(SvgChart.render("losses", "generator step", List.of(
                        Series.ofColumn("D loss", "#1f77b4", run.rows(), RunSummary.D_LOSS),
                        Series.ofColumn("G loss", "#d62728", run.rows(), RunSummary.G_LOSS))))
                .append(SvgChart.render("D readout", "generator step", List.of(
                        Series.ofColumn("D(x)", "#2ca02c", run.rows(), RunSummary.D_REAL),
                        Series.ofColumn("D(G(z))", "#ff7f0e", run.rows(), RunSummary.D_FAKE))))
                .append("</div>\n<p class=\"facts\">Smoothed by a trailing mean over 1% of the steps;"
                        + " every step is in metrics.csv.</p>\n");
        body.append(EvalSection.render(run.eval()));
        run.finalGrid().ifPresent(grid -> body.append("<h2>Samples at step ").append(RunSummary.step(grid))
                .append(" (fixed noise)</h2>\n").append(Page.grid(grid, relative(run, grid),
                        "sample grid at step " + RunSummary.step(grid))).append("\n"));
        if (!run.grids().isEmpty()) {
            body.append("<h2>Timeline</h2>\n<div class=\"strip\">\n");
            for (Path grid : run.grids()) {
                body.append(String.format(Locale.ROOT, "<figure><img class=\"pixelated\" loading=\"lazy\" src=\"%s\""
                        + " width=\"%d\" alt=\"step %d\"><figcaption>step %d</figcaption></figure>%n",
                        Html.escape(relative(run, grid)), THUMBNAIL, RunSummary.step(grid), RunSummary.step(grid)));
            }
            body.append("</div>\n");
        }
        body.append(health(run));
        body.append("<h2>Configuration</h2>\n<pre>").append(Html.escape(run.config())).append("</pre>\n");
        body.append("<h2>Provenance</h2>\n<pre>").append(Html.escape(run.provenance())).append("</pre>\n");
        return Page.of(run.name() + " - gan4j run report", body.toString());
    }

    /** The health monitor's events, or a line saying it saw none. */
    private static String health(RunSummary run) {
        if (run.healthEvents().isEmpty()) {
            return "<h2>Health</h2>\n<p class=\"facts\">No health events: D did not saturate, G kept moving D,"
                    + " and the fixed-noise samples kept their spread.</p>\n";
        }
        StringBuilder table = new StringBuilder("<h2>Health</h2>\n<table class=\"health\">\n"
                + "<tr><th>step</th><th>event</th><th>detail</th></tr>\n");
        for (String line : run.healthEvents()) {
            String[] cells = line.split(",", 3);
            if (cells.length == 3) {
                table.append("<tr><td>").append(Html.escape(cells[0])).append("</td><td>")
                        .append(Html.escape(cells[1].replace('_', ' '))).append("</td><td style=\"text-align: left\">")
                        .append(Html.escape(cells[2])).append("</td></tr>\n");
            }
        }
        return table.append("</table>\n").toString();
    }

    static String facts(RunSummary run) {
        return String.format(Locale.ROOT, "<b>%d</b> steps &middot; throughput <b>%.0f samples/s</b> (median of the"
                + " last %d steps) &middot; backend <b>%s</b> &middot; seed %s &middot; started %s",
                run.stepsDone(), run.recentMedian(RunSummary.SAMPLES_PER_S), Math.min(100, run.rows().size()),
                Html.escape(run.provenanceValue("nd4j_backend").orElse("unknown")),
                Html.escape(run.provenanceValue("seed").orElse("?")),
                Html.escape(run.provenanceValue("created").orElse("?")));
    }

    private static String relative(RunSummary run, Path grid) {
        return run.files().root().toAbsolutePath().relativize(grid.toAbsolutePath()).toString()
                .replace(java.io.File.separatorChar, '/');
    }
}
