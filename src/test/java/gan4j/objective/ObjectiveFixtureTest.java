package gan4j.objective;

import static gan4j.objective.AllObjectives.FAKE;
import static gan4j.objective.AllObjectives.REAL;
import static gan4j.objective.AllObjectives.column;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One fixture through every objective (habit 2). Expected values are written here in the papers'
 * own form with plain double math, never by calling the classes under test, so a change to any
 * loss shows up as a failure here.
 */
class ObjectiveFixtureTest {

    private static final double TOL = 1e-12;

    private static final Scores SCORES = new Scores(column(REAL), column(FAKE));

    private static double mean(double[] xs, DoubleUnaryOperator fn) {
        return Arrays.stream(xs).map(fn).average().orElseThrow();
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    private static void assertLosses(Objective o, double expectedD, double expectedG) {
        assertEquals(expectedD, o.discriminator(SCORES).loss(), TOL, o + " discriminator loss");
        assertEquals(expectedG, o.generator(column(FAKE)).loss(), TOL, o + " generator loss");
    }

    // -E log D(x) - E log(1 - D(G(z))), D = sigmoid
    private static final double GAN_D = -mean(REAL, s -> Math.log(sigmoid(s)))
            - mean(FAKE, s -> Math.log(1 - sigmoid(s)));

    @Test
    void nonSaturating() {
        // G: -E log D(G(z))
        assertLosses(new NonSaturating(), GAN_D, -mean(FAKE, s -> Math.log(sigmoid(s))));
        assertEquals(1.4406707863536505, GAN_D, 1e-12, "the fixture's value, computed once outside Java");
    }

    @Test
    void minimax() {
        // G: E log(1 - D(G(z)))
        assertLosses(new Minimax(), GAN_D, mean(FAKE, s -> Math.log(1 - sigmoid(s))));
    }

    @Test
    void wasserstein() {
        double meanReal = (0.3 - 1.2 + 2.0 + 0.1) / 4;
        double meanFake = (-0.5 + 1.5 - 2.2 + 0.0) / 4;
        assertLosses(new Wasserstein(), meanFake - meanReal, -meanFake);
    }

    @Test
    void hinge() {
        double d = mean(REAL, s -> Math.max(0, 1 - s)) + mean(FAKE, s -> Math.max(0, 1 + s));
        assertLosses(new Hinge(), d, -mean(FAKE, s -> s));
        // relu(1 - r) = 0.7, 2.2, 0, 0.9; relu(1 + f) = 0.5, 2.5, 0, 1
        assertEquals((0.7 + 2.2 + 0.9) / 4 + (0.5 + 2.5 + 1.0) / 4, d, TOL);
    }

    @Test
    void leastSquares() {
        double d = mean(REAL, s -> 0.5 * (s - 1) * (s - 1)) + mean(FAKE, s -> 0.5 * s * s);
        assertLosses(new LeastSquares(), d, mean(FAKE, s -> 0.5 * (s - 1) * (s - 1)));
    }

    @Test
    void readoutsAreProbabilitiesOrRawScores() {
        double[] probabilities = Arrays.stream(REAL).map(ObjectiveFixtureTest::sigmoid).toArray();
        assertArrayEquals(probabilities, new NonSaturating().readout(column(REAL)).toDoubleVector(), TOL);
        assertArrayEquals(probabilities, new Minimax().readout(column(REAL)).toDoubleVector(), TOL);
        for (Objective raw : new Objective[] {new Wasserstein(), new Hinge(), new LeastSquares()}) {
            assertArrayEquals(REAL, raw.readout(column(REAL)).toDoubleVector(), 0.0, raw.toString());
        }
    }

    static Stream<FDivergenceReference> divergences() {
        return FDivergenceReference.all().stream();
    }

    /**
     * f-GAN with the table's activation g and a conjugate found numerically as sup_u u·t − f(u):
     * D loss = −(E_real g(v) − E_fake f*(g(v))), G loss = −E_fake g(v) or, saturating, −E_fake f*(g(v)).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("divergences")
    void fGan(FDivergenceReference ref) {
        DoubleUnaryOperator g = ref.g();
        DoubleUnaryOperator conjugateOfG = v -> ref.conjugateNumerically(g.applyAsDouble(v));
        double expectedD = -(mean(REAL, g) - mean(FAKE, conjugateOfG));
        double tol = 1e-9 * (1 + Math.abs(expectedD));
        FGan nonSaturating = ref.objective();
        assertEquals(expectedD, nonSaturating.discriminator(SCORES).loss(), tol, "D loss");
        assertEquals(-mean(FAKE, g), nonSaturating.generator(column(FAKE)).loss(), 1e-12, "non-saturating G loss");
        assertArrayEquals(Arrays.stream(REAL).map(g).toArray(),
                nonSaturating.readout(column(REAL)).toDoubleVector(), 1e-12, "readout g(v)");

        FGan saturating = nonSaturating.divergence().takesAlpha()
                ? FGan.alpha(nonSaturating.alpha().orElseThrow(), true)
                : new FGan(nonSaturating.divergence(), true);
        double expectedSaturatingG = -mean(FAKE, conjugateOfG);
        assertEquals(expectedSaturatingG, saturating.generator(column(FAKE)).loss(),
                1e-9 * (1 + Math.abs(expectedSaturatingG)), "saturating G loss");
    }

    @Test
    void fGanOnTheGanDivergenceIsTheStandardGan() {
        FGan gan = new FGan(FDivergence.GAN);
        assertEquals(new NonSaturating().discriminator(SCORES).loss(), gan.discriminator(SCORES).loss(), TOL);
        assertEquals(new NonSaturating().generator(column(FAKE)).loss(), gan.generator(column(FAKE)).loss(), TOL);
        assertEquals(new Minimax().generator(column(FAKE)).loss(),
                new FGan(FDivergence.GAN, true).generator(column(FAKE)).loss(), TOL);
    }
}
