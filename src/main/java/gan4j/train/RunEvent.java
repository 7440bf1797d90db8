package gan4j.train;

import gan4j.nn.Networks;
import gan4j.train.StepMetrics;

/** What happens during a run, in order: started, each step, then finished or failed. */
public sealed interface RunEvent {

    TrainingState state();

    Networks networks();

    /** Training is about to start (or resume) at {@code state}. */
    record RunStarted(TrainingState state, Networks networks, long totalSteps) implements RunEvent {
    }

    /** A generator step (after its k discriminator steps) completed; {@code state} counts it. */
    record StepCompleted(TrainingState state, Networks networks, StepMetrics metrics) implements RunEvent {
    }

    /** The loop ended normally, or early on a stop request (Ctrl-C, SIGTERM). */
    record RunFinished(TrainingState state, Networks networks, boolean interrupted) implements RunEvent {
    }

    /** The loop ended on an error; no listener may persist the networks, which may be corrupt. */
    record RunFailed(TrainingState state, Networks networks, RuntimeException cause) implements RunEvent {
    }
}
