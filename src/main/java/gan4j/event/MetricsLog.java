package gan4j.event;

import gan4j.io.AtomicFiles;
import gan4j.io.RunException;
import gan4j.train.RunEvent;
import gan4j.train.RunListener;
import gan4j.train.StepMetrics;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;

/**
 * Appends one CSV row per step to {@code metrics.csv}. On resume it first drops rows past the
 * checkpoint's step, which the crashed run logged but the resumed run will log again, and any row a
 * kill cut short.
 */
public final class MetricsLog implements RunListener {

    public static final String HEADER = "step,d_loss,g_loss,penalty,d_real,d_fake,d_fake_after,samples_per_s,augment_p";
    private static final int COLUMNS = HEADER.split(",").length;

    private final Path file;
    private BufferedWriter out;

    public MetricsLog(Path file) {
        this.file = file;
    }

    @Override
    public void on(RunEvent event) {
        try {
            if (event instanceof RunEvent.RunStarted started) {
                open(started.state().step());
            } else if (event instanceof RunEvent.StepCompleted done) {
                out.write(row(done.metrics()));
                out.newLine();
                // Flushed every step: a killed job keeps its log, and plots read the file.
                out.flush();
            } else if (out != null) {
                out.close();
                out = null;
            }
        } catch (IOException e) {
            throw new RunException("cannot write " + file + ": " + e.getMessage()
                    + "; free disk space or point output.dir elsewhere.", e);
        }
    }

    private void open(long startStep) throws IOException {
        if (Files.exists(file)) {
            List<String> kept = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(line -> line.equals(HEADER) || isRowBefore(line, startStep))
                    .toList();
            AtomicFiles.writeString(file, String.join("\n", kept) + "\n");
        } else {
            AtomicFiles.writeString(file, HEADER + "\n");
        }
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    private static boolean isRowBefore(String line, long step) {
        double[] values = values(line);
        return values != null && values[0] < step;
    }

    /** The numbers of a whole row, or null for a row that is torn or not numbers. */
    private static double[] values(String line) {
        String[] cells = line.split(",", -1);
        if (cells.length != COLUMNS) {
            return null;
        }
        double[] values = new double[COLUMNS];
        try {
            for (int i = 0; i < COLUMNS; i++) {
                values[i] = Double.parseDouble(cells[i]);
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return values;
    }

    private static String row(StepMetrics m) {
        return String.format(Locale.ROOT, "%d,%.6g,%.6g,%.6g,%.6g,%.6g,%.6g,%.1f,%.6g", m.step(),
                m.discriminatorLoss(), m.generatorLoss(), m.penalty(), m.dReal(), m.dFake(), m.dFakeAfter(),
                m.samplesPerSecond(), m.augmentProbability());
    }

    /**
     * Reads the logged rows back as (step, values...) arrays, skipping the header and a last row that
     * a kill may have cut short.
     */
    public static List<double[]> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .map(MetricsLog::values)
                    .filter(java.util.Objects::nonNull)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
