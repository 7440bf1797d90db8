package gan4j.penalty;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Penalty points that are the samples D judged in this step themselves: R1 looks at the real ones, R2 at the fake. */
public enum JudgedSamples implements PenaltyPoints {
    REAL {
        @Override
        public INDArray at(INDArray real, INDArray fake, SplittableRandom random) {
            return real;
        }
    },
    FAKE {
        @Override
        public INDArray at(INDArray real, INDArray fake, SplittableRandom random) {
            return fake;
        }
    }
}
