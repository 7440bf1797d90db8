package gan4j.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** MAD-GAN's objective against the paper's formulas written out per generator, and against finite differences. */
class MultiGeneratorCrossEntropyTest {

    private static final int K = 3;
    private static final int ROWS = 6;
    private final MultiGeneratorCrossEntropy objective = new MultiGeneratorCrossEntropy(K);

    @Test
    void lossesAreThePapersObjectiveWithAMeanPerGenerator() {
        INDArray real = scores(1);
        INDArray fake = scores(2);
        double dReference = 0;
        double gReference = 0;
        for (int r = 0; r < ROWS; r++) {
            dReference -= Math.log(softmax(real, r)[K]) / ROWS;
        }
        for (int g = 0; g < K; g++) {
            // Generator g drew fake rows g, g+K, ...: a mean over its own rows, summed over generators.
            int own = ROWS / K;
            for (int r = g; r < ROWS; r += K) {
                dReference -= Math.log(softmax(fake, r)[g]) / own;
                gReference -= Math.log(softmax(fake, r)[K]) / own;
            }
        }
        assertEquals(dReference, objective.discriminator(new Scores(real, fake)).loss(), 1e-12);
        assertEquals(gReference, objective.generator(fake).loss(), 1e-12);
        INDArray readout = objective.readout(real);
        assertEquals(ROWS, readout.size(0));
        assertEquals(1, readout.size(1));
        assertEquals(softmax(real, 4)[K], readout.getDouble(4, 0), 1e-12, "the readout is D's probability of real");
    }

    @Test
    void gradientsMatchCentralDifferences() {
        INDArray real = scores(3);
        INDArray fake = scores(4);
        LossAndGrad d = objective.discriminator(new Scores(real, fake));
        assertGradient(d.dReal(), real, s -> objective.discriminator(new Scores(s, fake)).loss());
        assertGradient(d.dFake(), fake, s -> objective.discriminator(new Scores(real, s)).loss());
        assertGradient(objective.generator(fake).dFake(), fake, s -> objective.generator(s).loss());
        assertEquals(objective.discriminator(new Scores(real, real)).dReal(), d.dReal(),
                "separable: D's real gradient does not depend on the fake scores");
    }

    @Test
    void scoresMustHaveOneColumnPerClassAndFakesWholeGenerators() {
        assertThrows(IllegalArgumentException.class, () -> objective.generator(Nd4j.zeros(DataType.DOUBLE, 6, 1)));
        assertThrows(IllegalArgumentException.class, () -> objective.generator(Nd4j.zeros(DataType.DOUBLE, 5, K + 1)));
        assertThrows(IllegalArgumentException.class, () -> new MultiGeneratorCrossEntropy(1));
    }

    private static void assertGradient(INDArray analytic, INDArray at, ToDoubleFunction<INDArray> loss) {
        double h = 1e-6;
        for (int r = 0; r < ROWS; r++) {
            for (int c = 0; c <= K; c++) {
                INDArray plus = at.dup();
                plus.putScalar(r, c, at.getDouble(r, c) + h);
                INDArray minus = at.dup();
                minus.putScalar(r, c, at.getDouble(r, c) - h);
                double numeric = (loss.applyAsDouble(plus) - loss.applyAsDouble(minus)) / (2 * h);
                assertEquals(numeric, analytic.getDouble(r, c), 1e-7, "d/ds[" + r + "," + c + "]");
            }
        }
    }

    private static INDArray scores(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] s = new double[ROWS][K + 1];
        for (double[] row : s) {
            for (int c = 0; c <= K; c++) {
                row[c] = 4 * random.nextDouble() - 2;
            }
        }
        return Nd4j.create(s);
    }

    private static double[] softmax(INDArray scores, int row) {
        double[] p = new double[K + 1];
        double sum = 0;
        for (int c = 0; c <= K; c++) {
            p[c] = Math.exp(scores.getDouble(row, c));
            sum += p[c];
        }
        for (int c = 0; c <= K; c++) {
            p[c] /= sum;
        }
        return p;
    }
}
