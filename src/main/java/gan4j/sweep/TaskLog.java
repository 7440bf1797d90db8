package gan4j.sweep;

import gan4j.io.RunException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

/**
 * What a sweep task wrote about itself in {@code runs/NNN/task.log}: a {@code start} line when the
 * scheduler starts it and an {@code exit CODE} line (with {@code requeued} when it asked to run
 * again) when {@code gan train} returns. The last line is the task's state; earlier ones are history.
 */
public record TaskLog(List<String> lines) {

    public TaskLog {
        lines = List.copyOf(lines);
    }

    static TaskLog read(Path file) {
        if (!Files.isRegularFile(file)) {
            return new TaskLog(List.of());
        }
        try {
            return new TaskLog(Files.readAllLines(file).stream().map(String::strip).filter(l -> !l.isEmpty())
                    .toList());
        } catch (IOException e) {
            throw new RunException("cannot read " + file + ": " + e.getMessage() + "; check its permissions.", e);
        }
    }

    boolean isEmpty() {
        return lines.isEmpty();
    }

    /** True while the last line is a start: the task is in {@code gan train}, or died without a word. */
    boolean started() {
        return !lines.isEmpty() && lines.get(lines.size() - 1).startsWith("start");
    }

    /** The exit code of the last finished attempt, if the last line is one. */
    OptionalInt lastExit() {
        if (lines.isEmpty()) {
            return OptionalInt.empty();
        }
        String[] words = lines.get(lines.size() - 1).split("\\s+");
        if (words.length < 2 || !words[0].equals("exit") || !words[1].matches("\\d{1,3}")) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseInt(words[1]));
    }

    /** True when the last attempt was stopped by the scheduler and asked to be run again. */
    boolean requeued() {
        return !lines.isEmpty() && lines.get(lines.size() - 1).matches("exit .*\\brequeued\\b.*");
    }

    /** How many times the task was started. */
    long attempts() {
        return lines.stream().filter(l -> l.startsWith("start")).count();
    }
}
