package gan4j.report;

import gan4j.data.ToyMixture;

/** The data rectangle a 2-D plot shows, in the data's own coordinates. */
public record PlotBounds(double xMin, double xMax, double yMin, double yMax) {

    public PlotBounds {
        if (!(xMin < xMax && yMin < yMax)) {
            throw new IllegalArgumentException(
                    "plot bounds need min < max, got x [" + xMin + ", " + xMax + "], y [" + yMin + ", " + yMax + "]");
        }
    }

    /**
     * A square half again as wide as the mixture's means: ±1.5 for the ring, ±6 for the grid, which
     * leaves room to see generated points that overshoot the outer modes.
     */
    public static PlotBounds around(ToyMixture mixture) {
        double half = 1.5 * mixture.extent();
        return new PlotBounds(-half, half, -half, half);
    }
}
