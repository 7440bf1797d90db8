package gan4j.sweep;

/**
 * The shell a scheduler runs for one index, the same under Slurm and Kubernetes: log the start,
 * run {@code gan train --resume=auto} in the background so the shell can pass the scheduler's
 * stop signal on to it, wait for it, log its exit code. {@code gan train} then checkpoints and
 * exits 143; how the task comes back (Slurm requeues itself, Kubernetes makes a new pod) is the
 * scheduler's part.
 */
final class TaskScript {

    private TaskScript() {
    }

    /** The body for a scheduler that starts a new attempt itself (Kubernetes: a new pod for the index). */
    static String body(String launcher, String where) {
        return run(launcher, where) + """
                echo "exit $rc $(stamp)" >> "$run/task.log"
                exit "$rc"
                """;
    }

    /**
     * The body for a scheduler the task must ask to run it again (Slurm: {@code scontrol requeue}),
     * which it does when it was stopped; 2 (bad config) is never requeued, as every attempt would fail.
     */
    static String bodyRequeueing(String launcher, String where, String requeue) {
        return run(launcher, where) + """
                # A signal that came before gan train could take it leaves no checkpoint, and --resume=auto
                # starts such a run over: it is preempted all the same.
                if [ "$rc" -eq 143 ] || { [ "$stop" -eq 1 ] && [ "$rc" -ne 0 ] && [ "$rc" -ne 2 ]; }; then
                  echo "exit $rc $(stamp) requeued" >> "$run/task.log"
                  %s
                else
                  echo "exit $rc $(stamp)" >> "$run/task.log"
                fi
                exit "$rc"
                """.formatted(requeue);
    }

    /**
     * Runs bash with {@code index} and {@code sweep} set: logs the start (with {@code where}, shell
     * words naming the job), runs the launcher and leaves its exit code in {@code rc}.
     */
    private static String run(String launcher, String where) {
        return """
                run=$(printf '%%s/runs/%%03d' "$sweep" "$index")
                stamp() { date -u +%%Y-%%m-%%dT%%H:%%M:%%SZ; }
                echo "start $(stamp) host=$(hostname)%2$s" >> "$run/task.log"
                stop=0
                %1$s train --config "$run/config.yaml" --resume=auto --set "output.dir=$run/run" &
                pid=$!
                # The scheduler signals this shell; gan train checkpoints on either signal and exits 143.
                trap 'stop=1; kill -USR1 "$pid" 2>/dev/null' USR1
                trap 'stop=1; kill -TERM "$pid" 2>/dev/null' TERM
                # A trap interrupts wait; wait again until gan train has exited, then once more for its code.
                while :; do wait "$pid"; rc=$?; kill -0 "$pid" 2>/dev/null || break; done
                wait "$pid"; rc=$?
                """.formatted(launcher, where.isEmpty() ? "" : " " + where);
    }

    /** {@code text} as one single-quoted shell word. */
    static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
