package gan4j.event;

import gan4j.io.AtomicFiles;
import gan4j.io.RunException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code eval.csv}: one row per evaluation during training, {@code step,<figures>,seconds}. Opening
 * it for a run that starts at step s keeps the rows up to s (the evaluation at a checkpoint's step
 * runs before that checkpoint is written) and drops later and torn ones, which a resumed run makes again.
 */
public final class EvalLog {

    /** One kept row: its step and figures. */
    public record Row(long step, double[] values) {
    }

    private final Path file;
    private final List<Row> kept;

    private EvalLog(Path file, List<Row> kept) {
        this.file = file;
        this.kept = List.copyOf(kept);
    }

    /** The log at {@code file} with figures named {@code columns}, for a run that starts at {@code startStep}. */
    public static EvalLog open(Path file, List<String> columns, long startStep) {
        String header = header(columns);
        List<Row> rows = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        lines.add(header);
        try {
            if (Files.exists(file)) {
                List<String> old = Files.readAllLines(file, StandardCharsets.UTF_8);
                if (!old.isEmpty() && old.get(0).equals(header)) {
                    for (String line : old.subList(1, old.size())) {
                        Row row = parse(line, columns.size());
                        if (row != null && row.step() <= startStep) {
                            rows.add(row);
                            lines.add(line);
                        }
                    }
                }
            }
            AtomicFiles.writeString(file, String.join("\n", lines) + "\n");
        } catch (IOException e) {
            throw new RunException("cannot read " + file + ": " + e.getMessage() + "; check its permissions.", e);
        }
        return new EvalLog(file, rows);
    }

    /** The rows the log kept when it was opened, oldest first. */
    public List<Row> kept() {
        return kept;
    }

    /** Appends one evaluation that took {@code seconds}. */
    public void append(long step, double[] values, double seconds) {
        StringBuilder row = new StringBuilder().append(step);
        for (double v : values) {
            row.append(',').append(String.format(Locale.ROOT, "%.6g", v));
        }
        row.append(String.format(Locale.ROOT, ",%.2f%n", seconds));
        try {
            Files.writeString(file, row, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new RunException("cannot write " + file + ": " + e.getMessage()
                    + "; free disk space or point output.dir elsewhere.", e);
        }
    }

    private static String header(List<String> columns) {
        return "step," + String.join(",", columns) + ",seconds";
    }

    /** A whole row's step and figures, or null for a torn or foreign line. */
    private static Row parse(String line, int figures) {
        String[] cells = line.split(",", -1);
        if (cells.length != figures + 2) {
            return null;
        }
        try {
            double[] values = new double[figures];
            for (int i = 0; i < figures; i++) {
                values[i] = Double.parseDouble(cells[i + 1]);
            }
            Double.parseDouble(cells[figures + 1]);
            return new Row(Long.parseLong(cells[0]), values);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
