package gan4j.sweep;

import gan4j.config.ConfigLoader;
import gan4j.config.GanConfig;
import gan4j.event.MetricsLog;
import gan4j.run.RunDirectory;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The state of one index, read from its files only (so it works from a login node, for any
 * scheduler): the task log for running, preempted and failed, the metrics log for progress.
 *
 * @param step   steps completed, by the metrics log
 * @param latest the last complete row of the metrics log (step first, then the other columns)
 */
public record RunStatus(int index, RunState state, long step, long steps, OptionalInt exitCode,
                        long attempts, Optional<double[]> latest) {

    static RunStatus read(SweepDirectory dir, int index) {
        GanConfig config = new ConfigLoader().load(dir.config(index), List.of());
        RunDirectory run = dir.run(index);
        List<double[]> rows = Files.isRegularFile(run.metrics()) ? MetricsLog.read(run.metrics()) : List.of();
        Optional<double[]> latest = rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(rows.size() - 1));
        // The log numbers steps from 0, so its last row after step N of N reads N - 1.
        long step = latest.map(row -> (long) row[0] + 1).orElse(0L);
        long steps = config.train().steps();
        TaskLog log = TaskLog.read(dir.taskLog(index));
        OptionalInt exit = log.lastExit();
        return new RunStatus(index, state(log, exit, step, steps, rows.isEmpty()), step, steps, exit,
                log.attempts(), latest);
    }

    private static RunState state(TaskLog log, OptionalInt exit, long step, long steps, boolean noRows) {
        if (log.started()) {
            return RunState.RUNNING;
        }
        if (exit.isPresent()) {
            int code = exit.getAsInt();
            if (code == 0) {
                return RunState.DONE;
            }
            return code == RunState.PREEMPTED_EXIT || log.requeued() ? RunState.PREEMPTED : RunState.FAILED;
        }
        // Trained by hand, outside a sweep task: only the metrics say how far it got.
        if (step >= steps) {
            return RunState.DONE;
        }
        return noRows ? RunState.PENDING : RunState.PREEMPTED;
    }

    /** The value of a metrics-log column in the latest row, if there is a row. */
    public Optional<Double> metric(String column) {
        int at = MetricsColumns.indexOf(column);
        return latest.filter(row -> at >= 0 && at < row.length).map(row -> row[at]);
    }
}
