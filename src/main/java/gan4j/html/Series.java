package gan4j.html;

import java.util.List;

/** One line of a chart: a name, a CSS colour, and points (x, y) in order of x. */
record Series(String name, String colour, double[] xs, double[] ys) {

    Series {
        if (xs.length != ys.length) {
            throw new IllegalArgumentException("need as many x as y values, got " + xs.length + " and " + ys.length);
        }
        xs = xs.clone();
        ys = ys.clone();
    }

    /** The same points under another name. */
    Series named(String other) {
        return new Series(other, colour, xs, ys);
    }

    /** Column {@code column} of metrics rows against their step (column 0), smoothed by a trailing mean. */
    static Series ofColumn(String name, String colour, List<double[]> rows, int column) {
        int window = Math.max(1, rows.size() / 100);
        double[] xs = new double[rows.size()];
        double[] ys = new double[rows.size()];
        double sum = 0;
        for (int i = 0; i < rows.size(); i++) {
            sum += rows.get(i)[column];
            if (i >= window) {
                sum -= rows.get(i - window)[column];
            }
            xs[i] = rows.get(i)[0];
            ys[i] = sum / Math.min(i + 1, window);
        }
        return new Series(name, colour, xs, ys);
    }
}
