package gan4j.html;

import java.nio.file.Path;
import java.util.Locale;

/** The frame every gan4j HTML page shares: one style sheet inline, no scripts, nothing fetched. */
final class Page {

    /**
     * Grids narrower than this (written with output.grid_scale: 1) are shown enlarged by a whole
     * factor, each pixel a sharp square; training's own grids are already at least this wide.
     */
    static final int MIN_SHOWN_WIDTH = 512;

    private static final String STYLE = """
            body { font: 14px/1.4 system-ui, sans-serif; margin: 24px; color: #222; max-width: 1400px; }
            h1 { font-size: 22px; margin-bottom: 4px; } h2 { font-size: 17px; margin-top: 28px; }
            .facts { color: #555; } .facts b { color: #222; }
            .charts { display: flex; flex-wrap: wrap; gap: 16px; }
            svg.chart { background: #fff; border: 1px solid #ddd; }
            svg .title { font-weight: bold; font-size: 13px; } svg .tick, svg .legend { font-size: 11px; fill: #444; }
            svg .frame { fill: none; stroke: #999; } svg .grid { stroke: #eee; } svg .series { stroke-width: 1.5; }
            img.pixelated { image-rendering: crisp-edges; image-rendering: pixelated; }
            img.final { max-width: 100%; height: auto; }
            .strip { display: flex; gap: 10px; overflow-x: auto; padding-bottom: 8px; }
            .strip figure { margin: 0; text-align: center; font-size: 12px; color: #555; }
            .side { display: flex; flex-wrap: wrap; gap: 20px; } .side figure { margin: 0; }
            pre { background: #f6f6f6; padding: 10px; overflow-x: auto; font-size: 12px; }
            table { border-collapse: collapse; } td, th { border: 1px solid #ccc; padding: 4px 8px; text-align: right; }
            th { background: #f0f0f0; } td:first-child, th:first-child { text-align: left; }
            tr.best td { font-weight: bold; background: #eef6ee; }
            """;

    private Page() {
    }

    static String of(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + Html.escape(title) + "</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n"
                + body + "</body>\n</html>\n";
    }

    /** An {@code img} of a grid PNG at a whole multiple of its size, at least {@link #MIN_SHOWN_WIDTH} wide. */
    static String grid(Path png, String source, String alt) {
        int[] size = RunSummary.size(png);
        int factor = size[0] > 0 && size[0] < MIN_SHOWN_WIDTH ? -Math.floorDiv(-MIN_SHOWN_WIDTH, size[0]) : 1;
        return String.format(Locale.ROOT, "<img class=\"pixelated final\" src=\"%s\" width=\"%d\" height=\"%d\""
                + " alt=\"%s\">", Html.escape(source), size[0] * factor, size[1] * factor, Html.escape(alt));
    }
}
