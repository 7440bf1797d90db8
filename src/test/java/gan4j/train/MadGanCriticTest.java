package gan4j.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import gan4j.arch.Architecture;
import gan4j.arch.Mlp;
import gan4j.nn.Network;
import gan4j.nn.ParameterGradient;
import gan4j.objective.LossAndGrad;
import gan4j.objective.MultiGeneratorCrossEntropy;
import gan4j.objective.Scores;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/** MAD-GAN's (k+1)-class critic, trained alone, learns to tell real points from every generator's. */
class MadGanCriticTest {

    private static final int K = 4;
    private static final int B = 64;

    @Test
    void theCriticSeparatesRealPointsFromEachGeneratorsPoints() {
        Network critic = new Mlp(2, 2, 32, 32, 2, 1, 1, K)
                .newDiscriminator(new Architecture.NetworkSpec(0, 3, new Adam(1e-3), DataType.FLOAT));
        MultiGeneratorCrossEntropy objective = new MultiGeneratorCrossEntropy(K);
        Nd4j.getRandom().setSeed(5);
        // Real points on the unit circle; generator i's points in a small blob at (i − 1.5, −2).
        INDArray angles = Nd4j.rand(DataType.FLOAT, B, 1).muli(2 * Math.PI);
        INDArray real = Nd4j.hstack(Nd4j.math().cos(angles), Nd4j.math().sin(angles));
        INDArray fake = Nd4j.randn(DataType.FLOAT, B, 2).muli(0.05);
        for (int row = 0; row < B; row++) {
            fake.putScalar(row, 0, fake.getDouble(row, 0) + row % K - 1.5);
            fake.putScalar(row, 1, fake.getDouble(row, 1) - 2);
        }
        double first = Double.NaN;
        double last = Double.NaN;
        for (int step = 0; step < 300; step++) {
            // As the trainer does: the real pass backpropagated before the fake scores exist.
            INDArray realScores = critic.forward(real);
            INDArray dReal = objective.discriminator(new Scores(realScores, realScores)).dReal();
            INDArray sum = critic.parameterGradient(dReal).gradient().dup();
            INDArray fakeScores = critic.forward(fake);
            LossAndGrad loss = objective.discriminator(new Scores(realScores, fakeScores));
            ParameterGradient gradient = critic.parameterGradient(loss.dFake());
            sum.addi(gradient.gradient());
            gradient.gradient().assign(sum);
            critic.update(gradient);
            first = step == 0 ? loss.loss() : first;
            last = loss.loss();
        }
        // Chance is (K + 1)·ln(K + 1) = 8.0; separable classes end far below it.
        assertTrue(last < 0.1 * first, "the critic's loss went from " + first + " to " + last);
        double realProbability = objective.readout(critic.forward(real)).meanNumber().doubleValue();
        critic.releaseActivations();
        assertTrue(realProbability > 0.9, "D's probability of real on real points is " + realProbability);
    }
}
