package gan4j.penalty;

import gan4j.nn.ParameterGradient;
import gan4j.nn.SampleCritic;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The gradient-norm penalty of WGAN-GP (Gulrajani et al. 2017) and DRAGAN (Kodali et al. 2017),
 * trained with first-order passes only, since DL4J cannot differentiate a gradient.
 *
 * <p>At points x̂ᵢ (i = 1..B) chosen by {@link PenaltyPoints}, let gᵢ = ∇ₓD(x̂ᵢ) with respect to the
 * sample (the critic keeps any conditioning to itself) and rᵢ = ‖gᵢ‖ − target, or
 * max(0, ‖gᵢ‖ − target) when one-sided. The returned value is exact: P = λ·(1/B)·Σᵢ rᵢ².
 *
 * <p>Its true gradient is ∇θP = (2λ/B)·Σᵢ rᵢ·∇θ‖gᵢ‖, and ∇θ‖gᵢ‖ = ∇θ[vᵢ·∇ₓD(x̂ᵢ)] with the unit
 * direction vᵢ = gᵢ/‖gᵢ‖ held fixed, because ∂‖g‖/∂g = v. That directional derivative is what DL4J
 * cannot differentiate; it is replaced by its central difference, whose parameter gradient is
 * [∇θD(x̂ᵢ+εvᵢ) − ∇θD(x̂ᵢ−εvᵢ)]/2ε. So this adds to the gradient sum
 * <pre>  Σᵢ wᵢ·[∇θD(x̂ᵢ+εvᵢ) − ∇θD(x̂ᵢ−εvᵢ)],   wᵢ = 2λ·rᵢ / (B·2ε),</pre>
 * (ε is a distance in D's input space: each shifted point lies exactly ε from x̂ᵢ), computed as
 * one backward pass of the output error w at x̂+εv minus one at x̂−εv: three forward
 * and three backward passes in all (the first gives g), two when every rᵢ is zero. The error is
 * O(ε²) for critics with smooth activations. Measured in double against a double-backprop
 * reference (GradientPenaltyTest; 16 points): relative error at ε = 0.1 / 0.01 is 2.2e-4 / 2.2e-6
 * for a softplus 2-8-8-1 MLP, 1.1e-3 / 1.2e-5 for a tanh one and 3.1e-4 / 3.1e-6 for a tanh conv
 * critic. The same MLPs in FLOAT bottom out near 1.5e-5 at ε ≈ 0.01, below which rounding in the
 * difference takes over. Two alternatives were measured and not taken: the slope
 * sᵢ = [D(x̂ᵢ+εvᵢ) − D(x̂ᵢ−εvᵢ)]/2ε in place of ‖gᵢ‖ in rᵢ (then this is the exact gradient of
 * λ·mean((s − target)²)) was no more accurate and costs one more forward pass; Richardson
 * extrapolation over ε and ε/2 reaches 1e-8 in double but ≈3e-6 in FLOAT for two more passes.
 * For piecewise-linear critics (LeakyReLU) ∇θD jumps at kinks: once ±εvᵢ crosses one, the
 * difference measures a smoothed slope rather than ∇θ‖gᵢ‖ (relative difference ≈1 at ε = 0.1 on a
 * LeakyReLU 2-8-8-1 MLP; ≈2e-5 at ε = 0.003, where no sample crossed a kink).
 *
 * <p>Where gᵢ = 0 its direction is undefined; vᵢ = 0 there, so that sample adds no gradient.
 * BatchNorm running statistics receive zero. With BatchNorm in D the "per-sample" gradients couple
 * through batch statistics; WGAN-GP critics leave BatchNorm out.
 */
public final class GradientPenalty implements Penalty {

    private final double weight;
    private final double target;
    private final boolean oneSided;
    private final double epsilon;
    private final PenaltyPoints points;

    public GradientPenalty(double weight, double target, boolean oneSided, double epsilon, PenaltyPoints points) {
        if (!(weight >= 0)) {
            throw new IllegalArgumentException("weight must be >= 0, got " + weight);
        }
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("epsilon must be > 0, got " + epsilon);
        }
        this.weight = weight;
        this.target = target;
        this.oneSided = oneSided;
        this.epsilon = epsilon;
        this.points = points;
    }

    @Override
    public double accumulate(SampleCritic critic, INDArray real, INDArray fake, int[] labels, SplittableRandom random,
                             INDArray gradientSum) {
        INDArray at = points.at(real, fake, random);
        int batch = Math.toIntExact(at.size(0));
        INDArray scores = critic.score(at, labels);
        INDArray gradients = SampleRows.rows(critic.sampleGradient(Nd4j.onesLike(scores)));
        double[] norms = gradients.norm2(1).toDoubleVector();

        double[] stepScales = new double[batch];
        double[] outputWeights = new double[batch];
        double squares = 0;
        boolean anyResidual = false;
        for (int i = 0; i < batch; i++) {
            double residual = norms[i] - target;
            if (oneSided) {
                residual = Math.max(0, residual);
            }
            squares += residual * residual;
            stepScales[i] = norms[i] > 0 ? epsilon / norms[i] : 0;
            outputWeights[i] = 2 * weight * residual / (batch * 2 * epsilon);
            anyResidual |= outputWeights[i] != 0;
        }
        if (anyResidual) {
            DataType type = at.dataType();
            INDArray step = gradients.muliColumnVector(column(stepScales, type));
            INDArray errors = column(outputWeights, type);
            INDArray atRows = SampleRows.rows(at);
            INDArray up = parameterGradient(critic, SampleRows.shaped(atRows.add(step), at), labels, errors);
            INDArray down = parameterGradient(critic, SampleRows.shaped(atRows.sub(step), at), labels, errors);
            gradientSum.addi(up.subi(down));
        }
        return weight * squares / batch;
    }

    /** D's parameter gradient for an output error at {@code input}, running statistics zeroed, copied. */
    private static INDArray parameterGradient(SampleCritic critic, INDArray samples, int[] labels,
                                              INDArray outputError) {
        critic.score(samples, labels);
        ParameterGradient gradient = critic.parameterGradient(outputError);
        gradient.zeroState();
        return gradient.gradient().dup();
    }

    private static INDArray column(double[] values, DataType type) {
        return Nd4j.create(values, new long[] {values.length, 1}, type);
    }
}
