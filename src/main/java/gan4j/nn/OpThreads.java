package gan4j.nn;

import org.nd4j.linalg.factory.Nd4j;

/** How many threads ND4J splits one array op over while training, chosen from the size of the model's arrays. */
public final class OpThreads {

    /**
     * A step whose largest activation (batch × widest layer output) has fewer elements than this runs
     * every op on one thread. ND4J splits an op over OpenMP threads, one per core by default, and
     * OpenMP's default active wait keeps the helpers spinning between ops. The toy MLPs (256 × 128 =
     * 32K elements) run a few hundred ops of tens of µs per step, too short for the split to pay
     * against per-op dispatch, and the spinning starves the thread doing the work: on 2 cores shared
     * with other jobs (load 5–12) a toy GAN step took 0.26–0.86 s with two threads and 0.025 s with one
     * (bit-identical results). DCGAN-28 at batch 64 (800K) keeps ND4J's default: ops that long gain
     * from the split (1.5–2× for an op alone) once the helpers sleep instead of spin, which
     * {@code scripts/gan} arranges with OMP_WAIT_POLICY.
     */
    static final long ONE_THREAD_BELOW = 1 << 18;

    private OpThreads() {
    }

    /**
     * Sets ND4J's threads per op for a step whose largest activation, over both networks, has
     * {@code largestActivation} elements, and returns the count.
     */
    public static int configure(long largestActivation) {
        int threads = largestActivation < ONE_THREAD_BELOW ? 1 : Nd4j.getEnvironment().maxThreads();
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        return threads;
    }
}
