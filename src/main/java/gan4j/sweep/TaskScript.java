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

    /**
     * The body, run by bash with {@code index} and {@code sweep} set.
     *
     * @param launcher  the {@code gan} command on the machine that runs the task
     * @param where     shell words appended to the start line (job ids)
     * @param afterStop shell run after a stopped attempt, with {@code rc} set, before the exit line
     */
    static String body(String launcher, String where, String afterStop, String stoppedSuffix) {
        return """
                run=$(printf '%%s/runs/%%03d' "$sweep" "$index")
                stamp() { date -u +%%Y-%%m-%%dT%%H:%%M:%%SZ; }
                echo "start $(stamp) host=$(hostname) %2$s" >> "$run/task.log"
                stop=0
                %1$s train --config "$run/config.yaml" --resume=auto --set "output.dir=$run/run" &
                pid=$!
                # The scheduler signals this shell; gan train checkpoints on either signal and exits 143.
                trap 'stop=1; kill -USR1 "$pid" 2>/dev/null' USR1
                trap 'stop=1; kill -TERM "$pid" 2>/dev/null' TERM
                while :; do wait "$pid"; rc=$?; kill -0 "$pid" 2>/dev/null || break; done
                wait "$pid"; rc=$?
                # A signal that came before gan train could take it leaves no checkpoint, and --resume=auto
                # starts such a run over: it is preempted all the same. 2 (bad config) stays a failure.
                if [ "$rc" -eq 143 ] || { [ "$stop" -eq 1 ] && [ "$rc" -ne 0 ] && [ "$rc" -ne 2 ]; }; then
                  echo "exit $rc $(stamp)%4$s" >> "$run/task.log"
                %3$s
                else
                  echo "exit $rc $(stamp)" >> "$run/task.log"
                fi
                exit "$rc"
                """.formatted(launcher, where, afterStop.indent(2).stripTrailing(), stoppedSuffix);
    }

    /** {@code text} as one single-quoted shell word. */
    static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
