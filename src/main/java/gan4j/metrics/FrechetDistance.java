package gan4j.metrics;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.eigen.Eigen;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The Fréchet (2-Wasserstein) distance between two Gaussians, as FID uses it (Heusel et al. 2017):
 * ‖μ₁ − μ₂‖² + Tr(Σ₁ + Σ₂ − 2 (Σ₁ Σ₂)^½).
 *
 * <p>Tr((Σ₁ Σ₂)^½) is computed as Σ √λ over the eigenvalues λ of the symmetric matrix
 * Σ₁^½ Σ₂ Σ₁^½, which has the same spectrum as Σ₁ Σ₂ but, unlike it, is symmetric, so LAPACK's
 * symmetric eigensolver (through ND4J) suffices and no complex square root can arise. Its value
 * depends entirely on the features: with a classifier trained on the dataset itself it is a
 * dataset-specific score, not comparable with published Inception FIDs.
 */
public final class FrechetDistance {

    private FrechetDistance() {
    }

    public static double between(FeatureStatistics a, FeatureStatistics b) {
        int d = a.mean().length;
        if (b.mean().length != d) {
            throw new IllegalArgumentException("features of different sizes: " + d + " and " + b.mean().length);
        }
        INDArray meanDiff = Nd4j.createFromArray(a.mean()).sub(Nd4j.createFromArray(b.mean()));
        double meanTerm = meanDiff.mul(meanDiff).sumNumber().doubleValue();
        INDArray covA = Nd4j.create(a.covariance()).castTo(DataType.DOUBLE);
        INDArray covB = Nd4j.create(b.covariance()).castTo(DataType.DOUBLE);
        INDArray rootA = sqrtOfPsd(covA);
        INDArray product = rootA.mmul(covB).mmul(rootA);
        product = product.add(product.transpose()).divi(2);
        // Rounding can leave tiny negative eigenvalues of a PSD matrix; they are zeros.
        double traceRoot = Transforms.sqrt(Transforms.max(Eigen.symmetricGeneralizedEigenvalues(product, false), 0))
                .sumNumber().doubleValue();
        double distance = meanTerm + Nd4j.diag(covA).sumNumber().doubleValue() + Nd4j.diag(covB).sumNumber().doubleValue() - 2 * traceRoot;
        // Equal distributions can round to a hair below zero; a distance is never negative.
        return Math.max(0, distance);
    }

    /** V·diag(√max(λ, 0))·Vᵀ from the eigen-decomposition of a symmetric positive semi-definite matrix. */
    private static INDArray sqrtOfPsd(INDArray symmetric) {
        INDArray vectors = symmetric.dup('f');
        INDArray values = Eigen.symmetricGeneralizedEigenvalues(vectors, true);
        INDArray roots = Transforms.sqrt(Transforms.max(values, 0));
        return vectors.mulRowVector(roots).mmul(vectors.transpose());
    }
}
