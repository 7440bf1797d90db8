package gan4j.metrics;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Mean and covariance of feature vectors: the Gaussian a Fréchet distance compares. */
public record FeatureStatistics(double[] mean, double[][] covariance, int count) {

    public FeatureStatistics {
        mean = mean.clone();
        double[][] copy = new double[covariance.length][];
        for (int i = 0; i < covariance.length; i++) {
            if (covariance[i].length != mean.length) {
                throw new IllegalArgumentException("covariance must be " + mean.length + "×" + mean.length);
            }
            copy[i] = covariance[i].clone();
        }
        if (copy.length != mean.length) {
            throw new IllegalArgumentException("covariance must be " + mean.length + "×" + mean.length);
        }
        covariance = copy;
    }

    /** The sample mean and unbiased covariance of the rows of an [n, d] array, n ≥ 2. */
    public static FeatureStatistics of(INDArray features) {
        return of(features.toDoubleMatrix());
    }

    /** The sample mean and unbiased covariance of {@code rows}, at least two of them. */
    public static FeatureStatistics of(double[][] rows) {
        if (rows.length < 2) {
            throw new IllegalArgumentException("a covariance needs at least two samples, got " + rows.length);
        }
        int d = rows[0].length;
        double[] mean = new double[d];
        for (double[] row : rows) {
            for (int i = 0; i < d; i++) {
                mean[i] += row[i] / rows.length;
            }
        }
        double[][] covariance = new double[d][d];
        double[] centred = new double[d];
        for (double[] row : rows) {
            for (int i = 0; i < d; i++) {
                centred[i] = row[i] - mean[i];
            }
            for (int i = 0; i < d; i++) {
                for (int j = i; j < d; j++) {
                    covariance[i][j] += centred[i] * centred[j];
                }
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                covariance[i][j] /= rows.length - 1;
                covariance[j][i] = covariance[i][j];
            }
        }
        return new FeatureStatistics(mean, covariance, rows.length);
    }
}
