package gan4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/** Toy-sized steps run with one thread per op; image-sized ones keep ND4J's default. */
class OpThreadsTest {

    @AfterEach
    void restoreDefault() {
        Nd4j.getEnvironment().setMaxMasterThreads(Nd4j.getEnvironment().maxThreads());
    }

    @Test
    void aToyStepRunsOnOneThreadAndAnImageStepOnAll() {
        assertEquals(1, OpThreads.configure(256 * 128));
        assertEquals(1, Nd4j.getEnvironment().maxMasterThreads());
        assertEquals(Nd4j.getEnvironment().maxThreads(), OpThreads.configure(64L * 64 * 14 * 14));
    }
}
