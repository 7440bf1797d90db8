package gan4j.sweep;

/** Where one index of a sweep stands, as {@code gan sweep status} prints it. */
public enum RunState {
    /** Not started yet. */
    PENDING,
    /** A task is in {@code gan train} for it. */
    RUNNING,
    /** Stopped by the scheduler after writing a checkpoint; the requeued or retried task continues it. */
    PREEMPTED,
    /** Trained to {@code train.steps}. */
    DONE,
    /** Its last attempt failed (exit 1) or its config was refused (exit 2); the task log says when. */
    FAILED;

    /** The word status prints: the constant's name in lower case. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** 143 is gan train's "checkpoint written, resume me" (README, exit codes). */
    static final int PREEMPTED_EXIT = 143;
}
