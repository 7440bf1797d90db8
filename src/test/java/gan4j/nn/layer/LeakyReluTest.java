package gan4j.nn.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.shade.jackson.databind.ObjectMapper;

class LeakyReluTest {

    private static INDArray input() {
        return Nd4j.rand(DataType.FLOAT, 4, 3, 5, 5).subi(0.5);
    }

    @Test
    void matchesNd4jsLeakyReluAndRelu() {
        assertSameAs(new ActivationLReLU(0.2), new LeakyRelu(0.2));
        assertSameAs(new ActivationReLU(), new LeakyRelu(0));
    }

    private static void assertSameAs(IActivation reference, LeakyRelu ours) {
        INDArray x = input();
        INDArray epsilon = Nd4j.rand(DataType.FLOAT, x.shape()).subi(0.5);
        // x − (1 − α)·min(x, 0) and αx round differently in float32.
        assertEquals(0, reference.getActivation(x.dup(), true).distance2(ours.getActivation(x.dup(), true)), 1e-6,
                ours + " forward");
        assertEquals(0, reference.backprop(x.dup(), epsilon.dup()).getFirst()
                .distance2(ours.backprop(x.dup(), epsilon.dup()).getFirst()), 1e-7, ours + " backward");
    }

    /** At 0 the slope is α, as ND4J's ReLU has it (its LeakyReLU takes 1 there). */
    @Test
    void atZeroTakesTheLeakySlope() {
        INDArray zero = Nd4j.zeros(DataType.FLOAT, 1, 2);
        INDArray epsilon = Nd4j.ones(DataType.FLOAT, 1, 2);
        assertEquals(0.2, new LeakyRelu(0.2).backprop(zero, epsilon).getFirst().getDouble(1), 1e-7);
    }

    @Test
    void serialisesWithItsSlope() throws Exception {
        ObjectMapper json = org.deeplearning4j.nn.conf.NeuralNetConfiguration.mapper();
        IActivation back = json.readValue(json.writeValueAsString(new LeakyRelu(0.2)), IActivation.class);
        assertEquals(new LeakyRelu(0.2), back);
    }

    @Test
    void rejectsSlopesOutsideZeroToOne() {
        assertThrows(IllegalArgumentException.class, () -> new LeakyRelu(1));
        assertThrows(IllegalArgumentException.class, () -> new LeakyRelu(-0.1));
    }
}
