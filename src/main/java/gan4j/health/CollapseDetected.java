package gan4j.health;

import gan4j.train.RollbackRequest;

/**
 * Mode collapse under {@code health.on_collapse: rollback}: the run goes back to the newest
 * checkpoint before the step it was seen at, since the checkpoint at that step holds the collapse.
 */
public final class CollapseDetected extends RollbackRequest {

    public CollapseDetected(HealthEvent event) {
        super("mode collapse at step " + event.step() + " (" + event.detail() + ")", event.step());
    }
}
