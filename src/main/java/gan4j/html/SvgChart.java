package gan4j.html;

import java.util.List;
import java.util.Locale;

/**
 * A line chart as inline SVG: axes with round-number ticks, one polyline per series, a legend.
 * Generated here rather than drawn by a JavaScript library so that the report opens from file://
 * with nothing to load, prints, and renders without any script; long series are thinned to at most
 * {@link #MAX_POINTS} points, which is more than the chart has pixels across.
 */
final class SvgChart {

    static final int MAX_POINTS = 800;
    private static final int WIDTH = 640;
    private static final int HEIGHT = 260;
    private static final int LEFT = 60;
    // Room for half of the last x tick's label, which is centred on the frame's right edge.
    private static final int RIGHT = 24;
    private static final int TOP = 28;
    private static final int BOTTOM = 34;
    /** Up to this many points (evaluations, say) each get a dot: a line through few points hides where they are. */
    private static final int MARKED_POINTS = 60;

    private SvgChart() {
    }

    /** The SVG element of {@code series} under {@code title}, x labelled {@code xLabel}. */
    static String render(String title, String xLabel, List<Series> series) {
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (int i = 0; i < s.xs().length; i++) {
                if (Double.isFinite(s.ys()[i])) {
                    xMin = Math.min(xMin, s.xs()[i]);
                    xMax = Math.max(xMax, s.xs()[i]);
                    yMin = Math.min(yMin, s.ys()[i]);
                    yMax = Math.max(yMax, s.ys()[i]);
                }
            }
        }
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0"
                + " %d %d\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%s\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT,
                Html.escape(title)));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"16\" class=\"title\">%s</text>%n", LEFT,
                Html.escape(title)));
        if (xMin > xMax) {
            svg.append("<text x=\"" + LEFT + "\" y=\"" + HEIGHT / 2 + "\">no data yet</text>\n</svg>\n");
            return svg.toString();
        }
        if (xMax == xMin) {
            xMax = xMin + 1;
        }
        if (yMax - yMin < 1e-12) {
            yMin -= 0.5;
            yMax += 0.5;
        }
        double[] yTicks = ticks(yMin, yMax);
        yMin = Math.min(yMin, yTicks[0]);
        yMax = Math.max(yMax, yTicks[yTicks.length - 1]);
        Scale x = new Scale(xMin, xMax, LEFT, WIDTH - RIGHT);
        Scale y = new Scale(yMin, yMax, HEIGHT - BOTTOM, TOP);
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" class=\"frame\"/>%n",
                LEFT, TOP, WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM));
        for (double t : yTicks) {
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" class=\"grid\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" class=\"tick\" text-anchor=\"end\">%s</text>%n", LEFT, WIDTH - RIGHT,
                    y.of(t), y.of(t), LEFT - 4, y.of(t) + 4, label(t)));
        }
        for (double t : ticks(xMin, xMax)) {
            if (t >= xMin && t <= xMax) {
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"tick\" text-anchor=\"middle\">"
                        + "%s</text>%n", x.of(t), HEIGHT - BOTTOM + 14, label(t)));
            }
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"tick\" text-anchor=\"middle\">%s</text>%n",
                (LEFT + WIDTH - RIGHT) / 2, HEIGHT - 4, Html.escape(xLabel)));
        int legendX = LEFT + 8 * title.length() + 24;
        for (Series s : series) {
            svg.append("<polyline class=\"series\" fill=\"none\" stroke=\"").append(Html.escape(s.colour()))
                    .append("\" points=\"").append(points(s, x, y)).append("\"><title>").append(Html.escape(s.name()))
                    .append("</title></polyline>\n");
            if (s.xs().length <= MARKED_POINTS) {
                for (int i = 0; i < s.xs().length; i++) {
                    if (Double.isFinite(s.ys()[i])) {
                        svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n",
                                x.of(s.xs()[i]), y.of(s.ys()[i]), Html.escape(s.colour())));
                    }
                }
            }
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"3\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"%d\" class=\"legend\">%s</text>%n", legendX, 11,
                    Html.escape(s.colour()), legendX + 16, 16, Html.escape(s.name())));
            legendX += 24 + 7 * s.name().length();
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static String points(Series s, Scale x, Scale y) {
        int n = s.xs().length;
        int stride = Math.max(1, (n + MAX_POINTS - 1) / MAX_POINTS);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i += stride) {
            appendPoint(out, s, i, x, y);
        }
        if ((n - 1) % stride != 0) {
            appendPoint(out, s, n - 1, x, y);
        }
        return out.toString().strip();
    }

    private static void appendPoint(StringBuilder out, Series s, int i, Scale x, Scale y) {
        if (Double.isFinite(s.ys()[i])) {
            out.append(String.format(Locale.ROOT, "%.1f,%.1f ", x.of(s.xs()[i]), y.of(s.ys()[i])));
        }
    }

    /** About five round-number ticks (1, 2 or 5 times a power of ten apart) covering [min, max]. */
    static double[] ticks(double min, double max) {
        double raw = (max - min) / 5;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = magnitude * (raw / magnitude < 1.5 ? 1 : raw / magnitude < 3.5 ? 2 : raw / magnitude < 7.5 ? 5 : 10);
        double first = Math.floor(min / step) * step;
        int count = (int) Math.ceil((max - first) / step - 1e-9) + 1;
        double[] ticks = new double[count];
        for (int i = 0; i < count; i++) {
            ticks[i] = first + i * step;
        }
        return ticks;
    }

    private static String label(double value) {
        if (Math.abs(value) >= 10_000 || value == Math.rint(value)) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.4g", value)).stripTrailingZeros()
                .toPlainString();
    }

    /** Maps data values onto pixels linearly. */
    private record Scale(double min, double max, double from, double to) {
        double of(double value) {
            return from + (value - min) / (max - min) * (to - from);
        }
    }
}
