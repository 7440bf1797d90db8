package gan4j.event;

import gan4j.nn.Network;
import gan4j.train.RunEvent;
import gan4j.train.RunListener;
import gan4j.train.StepMetrics;

/**
 * Stops a run whose losses or parameters stop being finite. Registered before the checkpoint
 * writer, so diverged networks are never saved and the last good checkpoint stays the newest.
 */
public final class NonFiniteGuard implements RunListener {

    private static final String ADVICE = "; resume with --resume and lower train.d_optimizer.lr and"
            + " train.g_optimizer.lr, or set train.on_divergence: rollback to have the run do that itself.";

    @Override
    public void on(RunEvent event) {
        if (!(event instanceof RunEvent.StepCompleted done)) {
            return;
        }
        StepMetrics m = done.metrics();
        if (!m.isFinite()) {
            throw new NonFiniteLossException("training diverged at step " + m.step() + " (discriminator loss "
                    + m.discriminatorLoss() + ", generator loss " + m.generatorLoss() + ", penalty " + m.penalty()
                    + ")" + ADVICE);
        }
        // An update can overflow the weights while the losses it was computed from were finite.
        checkParameters("generator", done.networks().generator(), m.step());
        checkParameters("discriminator", done.networks().discriminator(), m.step());
    }

    private static void checkParameters(String which, Network network, long step) {
        // One reduction: the sum is finite only if every parameter is (weights are far from overflowing it).
        double sum = network.params().sumNumber().doubleValue();
        if (!Double.isFinite(sum)) {
            throw new NonFiniteLossException("training diverged at step " + step + " (the " + which
                    + "'s parameters are no longer finite after its update)" + ADVICE);
        }
    }
}
