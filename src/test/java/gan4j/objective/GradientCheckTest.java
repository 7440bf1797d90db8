package gan4j.objective;

import static gan4j.objective.AllObjectives.FAKE;
import static gan4j.objective.AllObjectives.REAL;
import static gan4j.objective.AllObjectives.column;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.function.ToDoubleFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Central differences of the batch-mean loss against dLoss/dScore, in DOUBLE, for every objective. */
class GradientCheckTest {

    private static final double H = 1e-6;

    /** Checks grad[i] against (L(s + h·e_i) − L(s − h·e_i)) / 2h, with L a function of this side's scores. */
    private static void check(String what, double[] scores, double[] grad, ToDoubleFunction<double[]> loss) {
        assertEquals(scores.length, grad.length, what + " gradient length");
        for (int i = 0; i < scores.length; i++) {
            double[] up = scores.clone();
            double[] down = scores.clone();
            up[i] += H;
            down[i] -= H;
            double numeric = (loss.applyAsDouble(up) - loss.applyAsDouble(down)) / (2 * H);
            assertEquals(numeric, grad[i], 1e-7 + 1e-6 * Math.abs(numeric), what + " d/ds[" + i + "]");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gan4j.objective.AllObjectives#cases")
    void discriminatorGradients(Objective o) {
        LossAndGrad lg = o.discriminator(new Scores(column(REAL), column(FAKE)));
        check("D real", REAL, lg.dReal().toDoubleVector(),
                r -> o.discriminator(new Scores(column(r), column(FAKE))).loss());
        check("D fake", FAKE, lg.dFake().toDoubleVector(),
                f -> o.discriminator(new Scores(column(REAL), column(f))).loss());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gan4j.objective.AllObjectives#cases")
    void generatorGradients(Objective o) {
        LossAndGrad lg = o.generator(column(FAKE));
        assertNull(lg.dReal(), "generator losses see no real scores");
        check("G fake", FAKE, lg.dFake().toDoubleVector(), f -> o.generator(column(f)).loss());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gan4j.objective.AllObjectives#cases")
    void gradientsCarryTheBatchMean(Objective o) {
        // Doubling the batch by repeating it leaves the mean loss alone and halves each gradient entry.
        double[] twice = new double[FAKE.length * 2];
        System.arraycopy(FAKE, 0, twice, 0, FAKE.length);
        System.arraycopy(FAKE, 0, twice, FAKE.length, FAKE.length);
        LossAndGrad once = o.generator(column(FAKE));
        LossAndGrad doubled = o.generator(column(twice));
        assertEquals(once.loss(), doubled.loss(), 1e-12 * (1 + Math.abs(once.loss())));
        assertEquals(once.dFake().getDouble(1, 0) / 2, doubled.dFake().getDouble(FAKE.length + 1, 0),
                1e-15 + 1e-12 * Math.abs(once.dFake().getDouble(1, 0)));
    }
}
