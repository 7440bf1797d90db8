package gan4j.train;

import gan4j.augment.AugmentState;

/**
 * Where a run stands: the number of completed generator steps, and adaptive augmentation's state.
 * With the seed, this is all a resume needs besides the networks, because every random draw and
 * every batch derives from (seed, step).
 */
public record TrainingState(long step, AugmentState augment) {

    /** A state without adaptive augmentation. */
    public TrainingState(long step) {
        this(step, AugmentState.at(0));
    }

    public TrainingState next(AugmentState augment) {
        return new TrainingState(step + 1, augment);
    }
}
