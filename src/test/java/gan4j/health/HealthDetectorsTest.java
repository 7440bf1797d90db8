package gan4j.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gan4j.train.StepMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The detectors on scripted readouts: each fires once when its condition holds over its window, never when it does not. */
class HealthDetectorsTest {

    private static StepMetrics step(long step, double gLoss, double dReal, double dFake, double dFakeAfter) {
        return new StepMetrics(step, 1.0, gLoss, 0, dReal, dFake, dFakeAfter, 100, 0);
    }

    /** Runs {@code steps} scripted steps through {@code detector} and returns the steps at which it fired. */
    private static List<Long> firings(int steps, Function<Long, StepMetrics> script,
                                      Function<StepMetrics, Optional<HealthEvent>> detector) {
        List<Long> fired = new ArrayList<>();
        for (long s = 1; s <= steps; s++) {
            detector.apply(script.apply(s)).ifPresent(event -> fired.add(event.step()));
        }
        return fired;
    }

    @Test
    void aDiscriminatorThatWinsIsReportedOnceItsWindowIsFull() {
        DiscriminatorSaturation detector = new DiscriminatorSaturation();
        // Balanced for 100 steps, then D wins outright from step 101 on.
        List<Long> fired = firings(300, s -> s <= 100 ? step(s, 0.7, 0.5, 0.5, 0.5)
                : step(s, 9, 0.999, 0.001, 0.001), detector::check);
        assertEquals(List.of(100L + DiscriminatorSaturation.WINDOW), fired);
    }

    @Test
    void aSaturatedDiscriminatorThatRecoversAndSaturatesAgainIsReportedTwice() {
        DiscriminatorSaturation detector = new DiscriminatorSaturation();
        List<Long> fired = firings(400, s -> s <= 100 || (s > 200 && s <= 300) ? step(s, 9, 0.999, 0.001, 0.001)
                : step(s, 0.7, 0.5, 0.5, 0.5), detector::check);
        long window = DiscriminatorSaturation.WINDOW;
        assertEquals(List.of(window, 200 + window), fired);
    }

    @Test
    void aConfidentButNotSaturatedDiscriminatorAndRawCriticScoresAreNotReported() {
        assertEquals(List.of(), firings(300, s -> step(s, 3, 0.95, 0.05, 0.05), new DiscriminatorSaturation()::check));
        assertEquals(List.of(), firings(300, s -> step(s, 3, 40.0, -40.0, -40.0),
                new DiscriminatorSaturation()::check));
    }

    @Test
    void aGeneratorWhoseUpdatesNoLongerMoveDIsReported() {
        VanishingGeneratorGradient detector = new VanishingGeneratorGradient();
        // From step 51 G's loss climbs while D(G(z)) after its own update stays at 0.001.
        List<Long> fired = firings(200, s -> s <= 50 ? step(s, 0.7, 0.5, 0.5, 0.5)
                : step(s, 5 + 0.01 * s, 0.999, 0.001, 0.001), detector::check);
        assertEquals(List.of(50L + VanishingGeneratorGradient.WINDOW), fired);
    }

    @Test
    void aGeneratorThatStillGainsGroundIsNotReported() {
        // D(G(z)) is low, but G's loss falls: G is climbing out.
        assertEquals(List.of(), firings(200, s -> step(s, 10 - 0.01 * s, 0.999, 0.001, 0.005),
                new VanishingGeneratorGradient()::check));
    }

    @Test
    void diversityIsTheMeanPairwiseDistanceAndTheShareOfNearPairs() {
        // Distances: (0,0)-(3,4) 5, (0,0)-(0,0.001) 0.001, (3,4)-(0,0.001) ≈ 4.9994.
        SampleDiversity diversity = SampleDiversity.of(new double[][] {{0, 0}, {3, 4}, {0, 0.001}}, 0.01);
        assertEquals((5 + 0.001 + Math.hypot(3, 4 - 0.001)) / 3, diversity.meanDistance(), 1e-12);
        assertEquals(1.0 / 3, diversity.duplicateRate(), 1e-12);
    }

    @Test
    void aBatchThatShrinksToAPointIsACollapseAndOneThatKeepsItsSpreadIsNot() {
        ModeCollapse detector = new ModeCollapse();
        double[][] spread = {{-1, -1}, {1, 1}, {-1, 1}, {1, -1}};
        double[][] shrunk = {{-0.1, -0.1}, {0.1, 0.1}, {-0.1, 0.1}, {0.1, -0.1}};
        double duplicate = 0.01;
        assertTrue(detector.check(0, SampleDiversity.of(spread, duplicate)).isEmpty());
        assertTrue(detector.check(100, SampleDiversity.of(spread, duplicate)).isEmpty());
        Optional<HealthEvent> collapse = detector.check(200, SampleDiversity.of(shrunk, duplicate));
        assertEquals("mode_collapse", collapse.orElseThrow().kind());
        assertTrue(detector.check(300, SampleDiversity.of(shrunk, duplicate)).isEmpty(), "reported once");
    }

    @Test
    void aBatchOfCopiesIsACollapseEvenAtTheFirstMeasurementOfAResumedRun() {
        assertTrue(new ModeCollapse().check(5001, SampleDiversity.of(COPIES, 0.01)).isPresent());
    }

    @Test
    void aFreshGeneratorsNearIdenticalSamplesAreWhereTrainingStartsNotACollapse() {
        // A DCGAN generator at initialisation maps every latent to nearly the same grey image.
        assertTrue(new ModeCollapse().check(1, SampleDiversity.of(COPIES, 0.01)).isEmpty());
    }

    @Test
    void theSpreadIsJudgedAgainstItsPeakNotAgainstTheNarrowStartOfAFreshGenerator() {
        ModeCollapse detector = new ModeCollapse();
        double[][] start = {{-0.1, -0.1}, {0.1, 0.1}, {-0.1, 0.1}, {0.1, -0.1}};
        double[][] spread = {{-1, -1}, {1, 1}, {-1, 1}, {1, -1}};
        double[][] collapsed = {{-0.15, -0.15}, {0.15, 0.15}, {-0.15, 0.15}, {0.15, -0.15}};
        assertTrue(detector.check(1, SampleDiversity.of(start, 0.01)).isEmpty());
        assertTrue(detector.check(100, SampleDiversity.of(spread, 0.01)).isEmpty());
        assertEquals("mode_collapse", detector.check(200, SampleDiversity.of(collapsed, 0.01)).orElseThrow().kind());
    }

    @Test
    void evaluationsThatStayAQuarterAboveTheBestForTwoRowsAreReportedOnceAndNoiseIsNot() {
        EvalDivergence detector = new EvalDivergence();
        double[] frechet = {40, 20, 12, 13, 12.5, 16, 17, 11, 14.5, 14.5, 14.5};
        List<HealthEvent> fired = new ArrayList<>();
        for (int i = 0; i < frechet.length; i++) {
            detector.check(1000L * (i + 1), "frechet", frechet[i]).ifPresent(fired::add);
        }
        // 16 and 17 are 1.33x and 1.42x the best 12 in a row; after the new best 11, 14.5 twice is 1.32x.
        assertEquals(List.of(7000L, 10000L), fired.stream().map(HealthEvent::step).toList());
        assertTrue(fired.get(0).detail().contains("best 12.00 at step 3000"), fired.get(0).detail());
        assertTrue(fired.get(1).detail().contains("best.ckpt holds step 8000"), fired.get(1).detail());
    }

    @Test
    void samplesThatFallInFewClassesAreACollapseAndABalancedSpreadIsNot() {
        ClassCollapse detector = new ClassCollapse();
        assertTrue(detector.check(2000, 0.95).isEmpty());
        assertEquals("mode_collapse", detector.check(4000, 0.3).orElseThrow().kind());
        assertTrue(detector.check(6000, 0.3).isEmpty(), "reported once");
    }

    @Test
    void samplesThatSpreadAFifthAsWidelyAsTheDataInFeatureSpaceAreACollapse() {
        FeatureCollapse detector = new FeatureCollapse();
        assertTrue(detector.check(2000, 0.9).isEmpty());
        HealthEvent collapse = detector.check(4000, 0.12).orElseThrow();
        assertEquals("mode_collapse", collapse.kind());
        assertTrue(collapse.detail().contains("spread 12% as widely as the real images"), collapse.detail());
        assertTrue(detector.check(6000, 0.1).isEmpty(), "reported once");
    }

    /** Ten of the fifteen pairs are copies. */
    private static final double[][] COPIES = {{0.5, 0.5}, {0.5, 0.5}, {0.5, 0.5}, {0.5, 0.5}, {0.5, 0.5}, {2, 2}};
}
