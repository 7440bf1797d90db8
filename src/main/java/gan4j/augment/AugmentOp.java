package gan4j.augment;

import java.util.SplittableRandom;

/** A kind of random image transformation, whose parameters are drawn afresh for each batch. */
interface AugmentOp {

    /**
     * Draws this op's parameters for every sample (so the stream advances the same whatever the
     * probability) and returns the transform that applies them to the samples marked {@code active}
     * and leaves the others as they are.
     */
    Transform draw(Planes planes, boolean[] active, SplittableRandom random);
}
