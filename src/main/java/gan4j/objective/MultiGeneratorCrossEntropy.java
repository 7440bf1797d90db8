package gan4j.objective;

import java.util.Arrays;
import java.util.function.IntUnaryOperator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * MAD-GAN's objective (Ghosh et al. 2018, §3) for k generators sharing one critic whose k+1 raw scores
 * per sample are softmax logits: classes 0..k−1 name the generator that drew a sample, class k the
 * real data. D maximises E_x log D_{k+1}(x) + Σ_i E_z log D_i(G_i(z)), each class weighted alike as in
 * the paper's optimal critic D*_{k+1} = p_d / (p_d + Σ_i p_{g_i}); generator i minimises the
 * non-saturating form of its loss, −E_z log D_{k+1}(G_i(z)), instead of E_z log(1 − D_{k+1}(G_i(z))).
 *
 * <p>Fake row j was drawn by generator j mod k (see {@code gan4j.nn.ParallelGenerators}), which is
 * all the objective needs to know of the label of each row. The readout is D's probability of real.
 */
public final class MultiGeneratorCrossEntropy implements Objective {

    private final int generators;

    public MultiGeneratorCrossEntropy(int generators) {
        if (generators < 2) {
            throw new IllegalArgumentException("MAD-GAN needs at least 2 generators, not " + generators);
        }
        this.generators = generators;
    }

    @Override
    public LossAndGrad discriminator(Scores scores) {
        requireWholeGenerators(scores.fake());
        CrossEntropy real = crossEntropy(scores.real(), row -> generators, 1);
        // Summing the k per-generator means of B/k rows each is k times the mean over all B fake rows.
        CrossEntropy fake = crossEntropy(scores.fake(), row -> row % generators, generators);
        return new LossAndGrad(real.loss() + fake.loss(), real.grad(), fake.grad());
    }

    @Override
    public LossAndGrad generator(INDArray fakeScores) {
        requireWholeGenerators(fakeScores);
        CrossEntropy fake = crossEntropy(fakeScores, row -> generators, generators);
        return new LossAndGrad(fake.loss(), null, fake.grad());
    }

    @Override
    public INDArray readout(INDArray scores) {
        double[] s = logits(scores);
        int classes = generators + 1;
        int n = s.length / classes;
        double[] real = new double[n];
        double[] logProbabilities = new double[classes];
        for (int r = 0; r < n; r++) {
            logSoftmax(s, r * classes, classes, logProbabilities);
            real[r] = Math.exp(logProbabilities[generators]);
        }
        return Nd4j.create(real, new long[] {n, 1}, scores.dataType());
    }

    private record CrossEntropy(double loss, INDArray grad) {
    }

    /** weight · mean over rows of −log softmax(s)[target(row)], and its gradient (softmax − one-hot)·weight/B. */
    private CrossEntropy crossEntropy(INDArray scores, IntUnaryOperator target, double weight) {
        double[] s = logits(scores);
        int classes = generators + 1;
        int n = s.length / classes;
        double sum = 0;
        double[] grad = new double[s.length];
        double[] logProbabilities = new double[classes];
        for (int r = 0; r < n; r++) {
            logSoftmax(s, r * classes, classes, logProbabilities);
            int t = target.applyAsInt(r);
            sum -= logProbabilities[t];
            for (int c = 0; c < classes; c++) {
                grad[r * classes + c] = (Math.exp(logProbabilities[c]) - (c == t ? 1 : 0)) * weight / n;
            }
        }
        return new CrossEntropy(weight * sum / n, Nd4j.create(grad, new long[] {n, classes}, scores.dataType()));
    }

    private void requireWholeGenerators(INDArray fakeScores) {
        if (fakeScores.size(0) % generators != 0) {
            throw new IllegalArgumentException("a fake batch of " + fakeScores.size(0) + " rows does not split"
                    + " evenly among " + generators + " generators");
        }
    }

    /** The scores row by row, flat. */
    private double[] logits(INDArray scores) {
        if (scores.rank() != 2 || scores.size(1) != generators + 1) {
            throw new IllegalArgumentException("MAD-GAN with " + generators + " generators needs [batch, "
                    + (generators + 1) + "] scores, got " + Arrays.toString(scores.shape()));
        }
        return scores.dup('c').data().asDouble();
    }

    /** log softmax of {@code classes} logits from {@code from}, into {@code out}. */
    private static void logSoftmax(double[] logits, int from, int classes, double[] out) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
            max = Math.max(max, logits[from + c]);
        }
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            sum += Math.exp(logits[from + c] - max);
        }
        double logSum = max + Math.log(sum);
        for (int c = 0; c < classes; c++) {
            out[c] = logits[from + c] - logSum;
        }
    }

    @Override
    public String toString() {
        return "mad_gan(" + generators + ")";
    }
}
