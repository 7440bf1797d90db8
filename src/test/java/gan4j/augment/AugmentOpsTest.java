package gan4j.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each op against its definition, and its backward pass against the closed-form transpose and finite differences. */
class AugmentOpsTest {

    private static final Planes PLANES = new Planes(3, 3, 8, 8);

    static Stream<AugmentOp> ops() {
        return Stream.concat(Arrays.stream(ColorOp.values()), Arrays.stream(GeometricOp.values()));
    }

    /**
     * Every op is affine, y = A·x + b, so ⟨A·x, g⟩ = ⟨x, backward(g)⟩ must hold exactly (the adjoint
     * identity), and a central difference of L = ⟨forward(x), g⟩ along any direction must equal
     * ⟨backward(g), direction⟩.
     */
    @ParameterizedTest
    @MethodSource("ops")
    void backwardIsTheTransposeOfForward(AugmentOp op) {
        boolean[] active = {true, false, true};
        double[] x = values(new SplittableRandom(1), PLANES.size());
        double[] g = values(new SplittableRandom(2), PLANES.size());
        double[] direction = values(new SplittableRandom(3), PLANES.size());

        double[] offset = op.draw(PLANES, active, new SplittableRandom(4)).forward(new double[PLANES.size()]);
        double[] y = op.draw(PLANES, active, new SplittableRandom(4)).forward(x.clone());
        double[] back = op.draw(PLANES, active, new SplittableRandom(4)).backward(g.clone());
        assertEquals(dot(subtract(y, offset), g), dot(x, back), 1e-9, "adjoint identity");

        double h = 1e-3;
        double up = dot(op.draw(PLANES, active, new SplittableRandom(4)).forward(axpy(x, h, direction)), g);
        double down = dot(op.draw(PLANES, active, new SplittableRandom(4)).forward(axpy(x, -h, direction)), g);
        assertEquals((up - down) / (2 * h), dot(back, direction), 1e-8, "finite difference");
    }

    @ParameterizedTest
    @MethodSource("ops")
    void inactiveSamplesPassUnchangedAndActiveOnesChange(AugmentOp op) {
        double[] x = values(new SplittableRandom(5), PLANES.size());
        int n = PLANES.perSample();
        boolean changed = false;
        for (int seed = 0; seed < 10; seed++) {
            double[] y = op.draw(PLANES, new boolean[] {false, true, false}, new SplittableRandom(seed))
                    .forward(x.clone());
            assertArrayEquals(Arrays.copyOfRange(x, 0, n), Arrays.copyOfRange(y, 0, n));
            assertArrayEquals(Arrays.copyOfRange(x, 2 * n, 3 * n), Arrays.copyOfRange(y, 2 * n, 3 * n));
            // Flip and rotate90 draw "no change" for some active samples, so only some seeds move it.
            changed |= !Arrays.equals(Arrays.copyOfRange(x, n, 2 * n), Arrays.copyOfRange(y, n, 2 * n));
        }
        assertTrue(changed);
    }

    @Test
    void brightnessShiftsEachSampleByOneAmountWithinAHalf() {
        double[] x = values(new SplittableRandom(7), PLANES.size());
        double[] y = ColorOp.BRIGHTNESS.draw(PLANES, all(), new SplittableRandom(8)).forward(x.clone());
        for (int i = 0; i < PLANES.n(); i++) {
            double shift = y[i * PLANES.perSample()] - x[i * PLANES.perSample()];
            assertTrue(Math.abs(shift) <= 0.5);
            for (int e = i * PLANES.perSample(); e < (i + 1) * PLANES.perSample(); e++) {
                assertEquals(shift, y[e] - x[e], 1e-12);
            }
        }
    }

    @Test
    void saturationKeepsGreyPixelsAndContrastKeepsTheMean() {
        Planes planes = new Planes(2, 3, 4, 4);
        double[] grey = new double[planes.size()];
        for (int e = 0; e < grey.length; e++) {
            grey[e] = (e % 16) / 16.0 - 0.5;
        }
        assertArrayEquals(grey, ColorOp.SATURATION.draw(planes, new boolean[] {true, true}, new SplittableRandom(9))
                .forward(grey.clone()), 1e-12, "equal channels: nothing to saturate");

        double[] x = values(new SplittableRandom(10), planes.size());
        double[] y = ColorOp.CONTRAST.draw(planes, new boolean[] {true, true}, new SplittableRandom(11)).forward(x.clone());
        int n = planes.perSample();
        for (int i = 0; i < 2; i++) {
            assertEquals(mean(x, i * n, n), mean(y, i * n, n), 1e-12);
        }
    }

    @Test
    void translationShiftsByAtMostAnEighthWithZeroPadding() {
        Planes planes = new Planes(1, 1, 16, 16);
        double[] x = new double[planes.size()];
        x[planes.index(0, 0, 8, 8)] = 1;
        boolean moved = false;
        for (int seed = 0; seed < 20; seed++) {
            double[] y = GeometricOp.TRANSLATION.draw(planes, new boolean[] {true}, new SplittableRandom(seed))
                    .forward(x.clone());
            int at = indexOfOne(y);
            int dy = at / 16 - 8;
            int dx = at % 16 - 8;
            assertTrue(Math.abs(dy) <= 2 && Math.abs(dx) <= 2, "16 px: shifts of at most 2, got " + dy + "," + dx);
            assertEquals(1, Arrays.stream(y).sum(), 1e-12);
            moved |= at != planes.index(0, 0, 8, 8);
        }
        assertTrue(moved);
        double[] corner = new double[planes.size()];
        Arrays.fill(corner, 1);
        double[] y = GeometricOp.TRANSLATION.draw(planes, new boolean[] {true}, new SplittableRandom(3))
                .forward(corner.clone());
        assertTrue(Arrays.stream(y).sum() < 256, "pixels shifted in from outside are zero");
    }

    @Test
    void cutoutZeroesASquareOfHalfTheSideClippedAtTheBorder() {
        Planes planes = new Planes(1, 2, 8, 8);
        for (int seed = 0; seed < 20; seed++) {
            double[] ones = new double[planes.size()];
            Arrays.fill(ones, 1);
            double[] y = GeometricOp.CUTOUT.draw(planes, new boolean[] {true}, new SplittableRandom(seed))
                    .forward(ones);
            long zeros = Arrays.stream(y, 0, 64).filter(v -> v == 0).count();
            assertTrue(zeros > 0 && zeros <= 16, "at most a 4×4 square, got " + zeros);
            assertArrayEquals(Arrays.copyOfRange(y, 0, 64), Arrays.copyOfRange(y, 64, 128), "same square in every channel");
        }
    }

    @Test
    void fourQuarterTurnsAndTwoFlipsAreTheIdentity() {
        Planes planes = new Planes(1, 1, 5, 5);
        double[] x = values(new SplittableRandom(12), planes.size());
        double[] once = GeometricOp.ROTATE90.draw(planes, new boolean[] {true}, seedWith(GeometricOp.ROTATE90, 1))
                .forward(x.clone());
        assertEquals(x[planes.index(0, 0, 0, 4)], once[planes.index(0, 0, 0, 0)], "in[x][side-1-y] at (0, 0)");
        double[] turned = x.clone();
        for (int t = 0; t < 4; t++) {
            turned = GeometricOp.ROTATE90.draw(planes, new boolean[] {true}, seedWith(GeometricOp.ROTATE90, 1))
                    .forward(turned);
        }
        assertArrayEquals(x, turned);

        double[] flipped = GeometricOp.FLIP.draw(planes, new boolean[] {true}, seedWith(GeometricOp.FLIP, 1))
                .forward(x.clone());
        assertEquals(x[planes.index(0, 0, 2, 0)], flipped[planes.index(0, 0, 2, 4)]);
        assertArrayEquals(x, GeometricOp.FLIP.draw(planes, new boolean[] {true}, seedWith(GeometricOp.FLIP, 1))
                .forward(flipped));
    }

    /** A seed whose first draw of {@code op} is its {@code value}-th outcome (one quarter turn, a flip). */
    private static SplittableRandom seedWith(GeometricOp op, int value) {
        for (int seed = 0; ; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            int drawn = op == GeometricOp.ROTATE90 ? r.nextInt(4) : r.nextBoolean() ? 1 : 0;
            if (drawn == value) {
                return new SplittableRandom(seed);
            }
        }
    }

    private static boolean[] all() {
        boolean[] active = new boolean[PLANES.n()];
        Arrays.fill(active, true);
        return active;
    }

    private static int indexOfOne(double[] y) {
        for (int e = 0; e < y.length; e++) {
            if (y[e] == 1) {
                return e;
            }
        }
        throw new AssertionError("the pixel left the image");
    }

    static double[] values(SplittableRandom random, int n) {
        double[] v = new double[n];
        for (int e = 0; e < n; e++) {
            v[e] = 2 * random.nextDouble() - 1;
        }
        return v;
    }

    private static double mean(double[] v, int from, int n) {
        return Arrays.stream(v, from, from + n).average().orElseThrow();
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int e = 0; e < a.length; e++) {
            sum += a[e] * b[e];
        }
        return sum;
    }

    private static double[] subtract(double[] a, double[] b) {
        double[] out = a.clone();
        for (int e = 0; e < a.length; e++) {
            out[e] -= b[e];
        }
        return out;
    }

    private static double[] axpy(double[] x, double h, double[] direction) {
        double[] out = x.clone();
        for (int e = 0; e < x.length; e++) {
            out[e] += h * direction[e];
        }
        return out;
    }
}
