package gan4j.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The report's evaluations during training: each figure over the steps, then every row with the best marked. */
final class EvalSection {

    /** Shares in [0, 1] read best on one chart. */
    private static final List<String> SHARES = List.of("precision", "recall", "density", "coverage");
    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e"};
    /** Bookkeeping, not figures. */
    private static final List<String> NOT_CHARTED = List.of("step", "kid_se", "seconds");

    private EvalSection() {
    }

    static String render(EvalTable eval) {
        if (eval.isEmpty()) {
            return "<h2>Evaluation</h2>\n<p class=\"facts\">Not scored while training; add <code>eval: {every: 2000}"
                    + "</code> to the config for Fr&eacute;chet distance, KID, precision and recall over time and"
                    + " checkpoints/best.ckpt, or score a checkpoint with <code>gan eval</code>.</p>\n";
        }
        StringBuilder html = new StringBuilder("<h2>Evaluation</h2>\n<div class=\"charts\">\n");
        html.append(SvgChart.render(title(eval.primary()) + " (picks best.ckpt)", "generator step",
                List.of(eval.series(eval.primary(), COLOURS[0]))));
        List<Series> shares = new ArrayList<>();
        for (String name : SHARES) {
            if (eval.column(name) >= 0) {
                shares.add(eval.series(name, COLOURS[shares.size()]));
            }
        }
        if (!shares.isEmpty()) {
            html.append(SvgChart.render("k-NN", "generator step", shares));
        }
        for (String name : eval.columns()) {
            if (!NOT_CHARTED.contains(name) && !SHARES.contains(name) && !name.equals(eval.primary())) {
                html.append(SvgChart.render(title(name), "generator step",
                        List.of(eval.series(name, COLOURS[1]))));
            }
        }
        html.append("</div>\n");
        eval.best().ifPresent(best -> html.append(String.format(Locale.ROOT, "<p class=\"facts\">Best %s <b>%.4g</b>"
                + " at step <b>%d</b>: that state is checkpoints/best.ckpt (<code>gan sample --checkpoint"
                + " checkpoints/best.ckpt</code>).</p>%n", Html.escape(title(eval.primary())), best[1], (long) best[0])));
        html.append(table(eval));
        return html.toString();
    }

    private static String title(String column) {
        return switch (column) {
            case "frechet" -> "Frechet distance";
            case "mmd" -> "MMD^2";
            default -> column.replace('_', ' ');
        };
    }

    private static String table(EvalTable eval) {
        StringBuilder html = new StringBuilder("<table class=\"eval\">\n<tr>");
        for (String name : eval.columns()) {
            html.append("<th>").append(Html.escape(name.replace('_', ' '))).append("</th>");
        }
        html.append("</tr>\n");
        double[] best = eval.best().orElse(null);
        for (double[] row : eval.rows()) {
            html.append(row == best ? "<tr class=\"best\">" : "<tr>");
            for (int c = 0; c < row.length; c++) {
                html.append("<td>").append(c == 0 ? String.valueOf((long) row[c])
                        : String.format(Locale.ROOT, "%.4g", row[c])).append("</td>");
            }
            html.append("</tr>\n");
        }
        return html.append("</table>\n").toString();
    }
}
