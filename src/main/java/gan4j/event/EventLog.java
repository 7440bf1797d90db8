package gan4j.event;

import gan4j.io.AtomicFiles;
import gan4j.io.RunException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * {@code events.csv}: what happened to a run besides its steps (a divergence rollback, say), one
 * row of {@code step,event,detail} each, where step is the step the run continued from. Opening it
 * for a run that starts at step s drops the rows from s on, which a resumed run will make again.
 */
public final class EventLog {

    public static final String HEADER = "step,event,detail";

    private final Path file;

    private EventLog(Path file) {
        this.file = file;
    }

    /** The log at {@code file} for a run that starts at {@code startStep}. */
    public static EventLog open(Path file, long startStep) {
        if (Files.exists(file)) {
            try {
                List<String> kept = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                        .filter(line -> line.equals(HEADER) || stepOf(line) < startStep)
                        .toList();
                AtomicFiles.writeString(file, String.join("\n", kept) + "\n");
            } catch (IOException e) {
                throw new RunException("cannot read " + file + ": " + e.getMessage() + "; check its permissions.", e);
            }
        }
        return new EventLog(file);
    }

    /** Appends one event; {@code detail} is free text (its commas become semicolons). */
    public void record(long step, String event, String detail) {
        try {
            if (!Files.exists(file)) {
                AtomicFiles.writeString(file, HEADER + "\n");
            }
            String row = step + "," + event + "," + detail.replace(',', ';').replace('\n', ' ') + "\n";
            Files.writeString(file, row, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new RunException("cannot write " + file + ": " + e.getMessage()
                    + "; free disk space or point output.dir elsewhere.", e);
        }
    }

    /** The step of a whole row, or {@code Long.MAX_VALUE} for a torn or foreign line, which is dropped. */
    private static long stepOf(String line) {
        String[] cells = line.split(",", 3);
        try {
            return cells.length == 3 ? Long.parseLong(cells[0]) : Long.MAX_VALUE;
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
