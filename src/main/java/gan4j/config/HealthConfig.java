package gan4j.config;

/** {@code health}: what the health monitor does when the generator's samples collapse. */
public record HealthConfig(OnCollapse onCollapse) {

    /** What a detected mode collapse does to the run. */
    public enum OnCollapse {
        /** Log the event and train on. */
        WARN,
        /** Save a checkpoint of the current state, then end the run with one sentence (exit 1). */
        STOP,
        /**
         * Go back to the newest checkpoint before the collapse and train on at lowered learning rates,
         * as {@code train.on_divergence: rollback} does, within the same {@code train.max_rollbacks}.
         */
        ROLLBACK
    }
}
