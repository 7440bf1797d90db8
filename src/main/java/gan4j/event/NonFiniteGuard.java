package gan4j.event;

import gan4j.train.StepMetrics;
import gan4j.train.RunEvent;
import gan4j.train.RunListener;

/**
 * Stops a run whose losses stop being finite. Registered before the checkpoint writer, so the
 * diverged networks are never saved and the last good checkpoint stays the newest.
 */
public final class NonFiniteGuard implements RunListener {

    @Override
    public void on(RunEvent event) {
        if (event instanceof RunEvent.StepCompleted done && !done.metrics().isFinite()) {
            StepMetrics m = done.metrics();
            throw new NonFiniteLossException("training diverged at step " + m.step() + " (discriminator loss "
                    + m.discriminatorLoss() + ", generator loss " + m.generatorLoss() + ", penalty " + m.penalty()
                    + "); lower train.d_optimizer.lr / train.g_optimizer.lr or add a regularizer, then resume"
                    + " from the last checkpoint with --resume.");
        }
    }
}
