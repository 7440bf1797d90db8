package gan4j.html;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A run's {@code eval.csv}: figure names and one row per evaluation, step first; torn rows left out. */
record EvalTable(List<String> columns, List<double[]> rows) {

    static final EvalTable NONE = new EvalTable(List.of(), List.of());

    static EvalTable read(Path file) {
        if (!Files.isRegularFile(file)) {
            return NONE;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (lines.isEmpty() || !lines.get(0).startsWith("step,") || !lines.get(0).endsWith(",seconds")) {
            return NONE;
        }
        List<String> columns = List.of(lines.get(0).split(","));
        List<double[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            if (cells.length == columns.size()) {
                try {
                    rows.add(Arrays.stream(cells).mapToDouble(Double::parseDouble).toArray());
                } catch (NumberFormatException e) {
                    // A row a kill cut short; the next resume drops it from the file too.
                }
            }
        }
        return new EvalTable(columns, List.copyOf(rows));
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    int column(String name) {
        return columns.indexOf(name);
    }

    /** The figure the best state is chosen by: the first after the step (the Fréchet distance for images). */
    String primary() {
        return columns.get(1);
    }

    /** The row with the lowest primary figure: the state {@code checkpoints/best.ckpt} holds. */
    Optional<double[]> best() {
        return rows.stream().filter(r -> Double.isFinite(r[1])).min((a, b) -> Double.compare(a[1], b[1]));
    }

    /** Column {@code name} against the step, unsmoothed: evaluations are few. */
    Series series(String name, String colour) {
        int c = column(name);
        return new Series(name.replace('_', ' '), colour, rows.stream().mapToDouble(r -> r[0]).toArray(),
                rows.stream().mapToDouble(r -> r[c]).toArray());
    }
}
