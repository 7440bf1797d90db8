package gan4j.train;

/** Reacts to run events: checkpoints, sample grids, logs, progress, health checks. */
@FunctionalInterface
public interface RunListener {

    /**
     * Handles one event. An exception thrown from a {@code StepCompleted} ends the run as failed;
     * the trainer does not know which listener it came from.
     */
    void on(RunEvent event);
}
