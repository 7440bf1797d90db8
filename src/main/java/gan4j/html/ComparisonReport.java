package gan4j.html;

import gan4j.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Several runs side by side, for sweeps: each curve overlaid across runs, the final grids next to
 * each other, and a table of the last figures. The page may live anywhere, so its images are
 * embedded as data: URIs (the final grids only, a few hundred KB each).
 */
public final class ComparisonReport {

    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b",
        "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};

    private ComparisonReport() {
    }

    /** Writes the comparison of {@code runs} to {@code out}, atomically. */
    public static void write(List<RunFiles> runs, Path out) {
        List<RunSummary> summaries = runs.stream().map(RunSummary::read).toList();
        AtomicFiles.writeString(out, render(summaries));
    }

    static String render(List<RunSummary> runs) {
        StringBuilder body = new StringBuilder("<h1>gan4j: " + runs.size() + " runs compared</h1>\n");
        body.append("<h2>Training curves</h2>\n<div class=\"charts\">\n");
        body.append(overlay("D loss", runs, RunSummary.D_LOSS));
        body.append(overlay("G loss", runs, RunSummary.G_LOSS));
        body.append(overlay("D(x)", runs, RunSummary.D_REAL));
        body.append(overlay("D(G(z))", runs, RunSummary.D_FAKE));
        if (runs.stream().anyMatch(run -> !run.eval().isEmpty())) {
            List<Series> frechet = new ArrayList<>();
            for (int i = 0; i < runs.size(); i++) {
                if (!runs.get(i).eval().isEmpty()) {
                    frechet.add(runs.get(i).eval().series(runs.get(i).eval().primary(), COLOURS[i % COLOURS.length]).named(
                            runs.get(i).name()));
                }
            }
            body.append(SvgChart.render("eval: " + runs.stream().filter(run -> !run.eval().isEmpty()).findFirst()
                    .orElseThrow().eval().primary(), "generator step", frechet));
        }
        body.append("</div>\n<h2>Final figures</h2>\n<table>\n<tr><th>run</th><th>steps</th><th>D loss</th>"
                + "<th>G loss</th><th>D(x)</th><th>D(G(z))</th><th>best eval (step)</th><th>samples/s</th><th>backend</th>"
                + "<th>config sha256</th></tr>\n");
        for (RunSummary run : runs) {
            body.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%d</td><td>%.4f</td><td>%.4f</td><td>%.4f</td>"
                    + "<td>%.4f</td><td>%s</td><td>%.0f</td><td>%s</td><td>%s</td></tr>%n", Html.escape(run.files().root()
                    .toString()), run.stepsDone(), run.recentMedian(RunSummary.D_LOSS),
                    run.recentMedian(RunSummary.G_LOSS), run.recentMedian(RunSummary.D_REAL),
                    run.recentMedian(RunSummary.D_FAKE), run.eval().best().map(best -> String.format(Locale.ROOT,
                            "%.4g (%d)", best[1], (long) best[0])).orElse("not evaluated"), run.recentMedian(RunSummary.SAMPLES_PER_S),
                    Html.escape(run.provenanceValue("nd4j_backend").orElse("unknown")),
                    Html.escape(run.provenanceValue("config_sha256").map(h -> h.substring(0, Math.min(12, h.length())))
                            .orElse("?"))));
        }
        body.append("</table>\n<p class=\"facts\">Losses and readouts: medians of each run's last 100 steps.</p>\n");
        body.append("<h2>Final samples</h2>\n<div class=\"side\">\n");
        for (RunSummary run : runs) {
            body.append("<figure><figcaption>").append(Html.escape(run.name()));
            run.finalGrid().ifPresentOrElse(grid -> body.append(", step ").append(RunSummary.step(grid))
                    .append("</figcaption>").append(Page.grid(grid, dataUri(grid), run.name() + " final samples")),
                    () -> body.append(": no sample grid yet</figcaption>"));
            body.append("</figure>\n");
        }
        body.append("</div>\n");
        return Page.of("gan4j runs compared", body.toString());
    }

    private static String overlay(String title, List<RunSummary> runs, int column) {
        List<Series> series = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            RunSummary run = runs.get(i);
            series.add(Series.ofColumn(run.name(), COLOURS[i % COLOURS.length], run.rows(), column));
        }
        return SvgChart.render(title, "generator step", series);
    }

    private static String dataUri(Path png) {
        try {
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(Files.readAllBytes(png));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
