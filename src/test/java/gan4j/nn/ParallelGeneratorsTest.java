package gan4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gan4j.arch.Architecture;
import gan4j.arch.Mlp;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/** k generators side by side: sample j is generator j mod k's, and its error reaches that generator only. */
class ParallelGeneratorsTest {

    private static final int K = 3;

    private final Network generators = new Mlp(2, 2, 8, 8, 2, 1, 1, K)
            .newGenerator(new Architecture.NetworkSpec(0, 7, new Adam(1e-3), DataType.DOUBLE));

    @Test
    void anErrorOnOneGeneratorsSamplesMovesOnlyThatGeneratorsWeights() {
        INDArray latent = Nd4j.rand(DataType.DOUBLE, 6, 2);
        INDArray samples = generators.forward(latent);
        assertEquals(6, samples.size(0));
        assertEquals(2, samples.size(1));
        INDArray error = Nd4j.zeros(DataType.DOUBLE, 6, 2);
        error.putScalar(1, 0, 1.0);
        error.putScalar(4, 1, -0.5);
        Map<String, INDArray> gradients = generators.parameterGradient(error).gradientForVariable();
        assertTrue(gradients.keySet().stream().anyMatch(name -> name.startsWith("g1_")), gradients.keySet().toString());
        assertEquals(generators.paramTable().keySet(), gradients.keySet());
        gradients.forEach((name, gradient) -> {
            double norm = gradient.norm2Number().doubleValue();
            if (name.startsWith("g1_")) {
                assertTrue(norm > 0, name + " gets generator 1's error");
            } else {
                assertEquals(0, norm, 0, name + " belongs to another generator");
            }
        });
    }

    @Test
    void theInputGradientMatchesCentralDifferences() {
        INDArray latent = Nd4j.rand(DataType.DOUBLE, 6, 2);
        INDArray error = Nd4j.rand(DataType.DOUBLE, 6, 2);
        generators.forward(latent);
        INDArray analytic = generators.inputGradient(error);
        double h = 1e-6;
        for (int r = 0; r < 6; r++) {
            for (int c = 0; c < 2; c++) {
                INDArray plus = latent.dup();
                plus.putScalar(r, c, latent.getDouble(r, c) + h);
                INDArray minus = latent.dup();
                minus.putScalar(r, c, latent.getDouble(r, c) - h);
                double numeric = (generators.infer(plus).mul(error).sumNumber().doubleValue()
                        - generators.infer(minus).mul(error).sumNumber().doubleValue()) / (2 * h);
                assertEquals(numeric, analytic.getDouble(r, c), 1e-6, "d/dz[" + r + "," + c + "]");
            }
        }
    }

    @Test
    void inferenceTakesAnyCountTrainingWholeGroups() {
        assertEquals(5, generators.infer(Nd4j.rand(DataType.DOUBLE, 5, 2)).size(0));
        assertThrows(IllegalArgumentException.class, () -> generators.forward(Nd4j.rand(DataType.DOUBLE, 5, 2)));
        INDArray latent = Nd4j.rand(DataType.DOUBLE, 4, 2);
        INDArray one = ((ParallelGenerators) generators).inferOne(1, latent);
        INDArray mixed = generators.infer(latent);
        assertTrue(one.getRow(1).equalsWithEps(mixed.getRow(1), 1e-12), "sample 1 of a batch is generator 1's");
    }
}
