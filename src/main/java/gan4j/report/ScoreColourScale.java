package gan4j.report;

import java.awt.Color;
import java.awt.Paint;
import org.jfree.chart.renderer.PaintScale;

/**
 * Colours discriminator scores as GAN Lab does: purple where D says "fake", green where it says
 * "real", near-white in between; light tints, so the dots drawn on top stay visible.
 */
final class ScoreColourScale implements PaintScale {

    // Light end of ColorBrewer's PRGn diverging scheme, which stays distinguishable to most colour-blind readers.
    private static final Color FAKE = new Color(0xb8, 0x9c, 0xc8);
    private static final Color NEUTRAL = new Color(0xf7, 0xf7, 0xf7);
    private static final Color REAL = new Color(0x9c, 0xd4, 0x96);
    private static final Color NOT_A_NUMBER = new Color(0x80, 0x80, 0x80);

    private final double lower;
    private final double upper;

    /** A scale spanning the finite scores given; a constant or empty set gets a unit-wide range around it. */
    static ScoreColourScale spanning(double[] scores) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double score : scores) {
            if (Double.isFinite(score)) {
                min = Math.min(min, score);
                max = Math.max(max, score);
            }
        }
        if (min > max) {
            return new ScoreColourScale(0, 1);
        }
        if (min == max) {
            return new ScoreColourScale(min - 0.5, max + 0.5);
        }
        return new ScoreColourScale(min, max);
    }

    private ScoreColourScale(double lower, double upper) {
        this.lower = lower;
        this.upper = upper;
    }

    @Override
    public double getLowerBound() {
        return lower;
    }

    @Override
    public double getUpperBound() {
        return upper;
    }

    @Override
    public Paint getPaint(double score) {
        if (Double.isNaN(score)) {
            return NOT_A_NUMBER;
        }
        double t = Math.max(0, Math.min(1, (score - lower) / (upper - lower)));
        return t < 0.5 ? blend(FAKE, NEUTRAL, 2 * t) : blend(NEUTRAL, REAL, 2 * t - 1);
    }

    private static Color blend(Color from, Color to, double t) {
        return new Color(
                (int) Math.round(from.getRed() + t * (to.getRed() - from.getRed())),
                (int) Math.round(from.getGreen() + t * (to.getGreen() - from.getGreen())),
                (int) Math.round(from.getBlue() + t * (to.getBlue() - from.getBlue())));
    }
}
