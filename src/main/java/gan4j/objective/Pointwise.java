package gan4j.objective;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.DoubleUnaryOperator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Turns per-sample {@link Term}s into batch-mean losses and their gradients.
 *
 * <p>Scores are [batch, 1] and tiny next to the networks that produce them, so the arithmetic is
 * done on a host copy in double precision with {@link Math}'s stable functions (log1p, expm1, …),
 * whatever the input dtype; results are cast back to each input's dtype. Inputs are only read.
 */
final class Pointwise {

    private Pointwise() {
    }

    /** loss = mean ℓ_real(s_r) + mean ℓ_fake(s_f); each gradient carries its own 1/batch. */
    static LossAndGrad discriminator(Scores scores, Term onReal, Term onFake) {
        Objects.requireNonNull(scores, "scores");
        Mean real = mean(scores.real(), onReal, "real");
        Mean fake = mean(scores.fake(), onFake, "fake");
        return new LossAndGrad(real.loss() + fake.loss(), real.grad(), fake.grad());
    }

    /** loss = mean ℓ(s_f); dReal is null. */
    static LossAndGrad generator(INDArray fakeScores, Term onFake) {
        Mean fake = mean(fakeScores, onFake, "fake");
        return new LossAndGrad(fake.loss(), null, fake.grad());
    }

    /** A new array of fn applied to each score, same shape and dtype. */
    static INDArray map(INDArray scores, DoubleUnaryOperator fn) {
        double[] s = values(scores, "");
        double[] out = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            out[i] = fn.applyAsDouble(s[i]);
        }
        return shapedLike(out, scores);
    }

    private record Mean(double loss, INDArray grad) {
    }

    private static Mean mean(INDArray scores, Term term, String which) {
        double[] s = values(scores, which);
        int n = s.length;
        double sum = 0.0;
        double[] grad = new double[n];
        for (int i = 0; i < n; i++) {
            sum += term.value().applyAsDouble(s[i]);
            grad[i] = term.slope().applyAsDouble(s[i]) / n;
        }
        return new Mean(sum / n, shapedLike(grad, scores));
    }

    /** A copy of the scores as doubles, after checking the [batch, 1] floating-point contract. */
    static double[] values(INDArray scores, String which) {
        String name = which.isEmpty() ? "scores" : which + " scores";
        Objects.requireNonNull(scores, name);
        if (scores.rank() != 2 || scores.size(1) != 1 || scores.size(0) < 1) {
            throw new IllegalArgumentException(
                    name + " must have shape [batch, 1] with batch >= 1, got " + Arrays.toString(scores.shape()));
        }
        if (!scores.dataType().isFPType()) {
            throw new IllegalArgumentException(name + " must be floating point, got " + scores.dataType());
        }
        return scores.toDoubleVector();
    }

    private static INDArray shapedLike(double[] values, INDArray template) {
        return Nd4j.create(values, template.shape(), DataType.DOUBLE).castTo(template.dataType());
    }
}
