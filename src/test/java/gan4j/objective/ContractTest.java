package gan4j.objective;

import static gan4j.objective.AllObjectives.FAKE;
import static gan4j.objective.AllObjectives.REAL;
import static gan4j.objective.AllObjectives.column;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The Objective contract: inputs are only read, results keep each input's dtype and shape. */
class ContractTest {

    private static void assertLike(INDArray expectedShapeAndType, INDArray actual, String what) {
        assertEquals(expectedShapeAndType.dataType(), actual.dataType(), what + " dtype");
        assertArrayEquals(expectedShapeAndType.shape(), actual.shape(), what + " shape");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gan4j.objective.AllObjectives#cases")
    void inputsAreUnchangedAndDtypesKept(Objective o) {
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            INDArray real = column(type, REAL);
            INDArray fake = column(type, FAKE);
            INDArray realBefore = real.dup();
            INDArray fakeBefore = fake.dup();

            LossAndGrad d = o.discriminator(new Scores(real, fake));
            LossAndGrad g = o.generator(fake);
            INDArray readout = o.readout(real);

            assertEquals(realBefore, real, type + " real scores written to");
            assertEquals(fakeBefore, fake, type + " fake scores written to");
            assertLike(real, d.dReal(), type + " D dReal");
            assertLike(fake, d.dFake(), type + " D dFake");
            assertLike(fake, g.dFake(), type + " G dFake");
            assertLike(real, readout, type + " readout");
            assertNull(g.dReal());
            assertTrue(Double.isFinite(d.loss()) && Double.isFinite(g.loss()), type + " losses finite");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gan4j.objective.AllObjectives#cases")
    void discriminatorLossIsSeparable(Objective o) {
        // The trainer backpropagates D's real pass before the fake scores exist (see Objective).
        INDArray real = column(REAL);
        LossAndGrad withFake = o.discriminator(new Scores(real, column(FAKE)));
        LossAndGrad withReal = o.discriminator(new Scores(real, real));
        assertEquals(withFake.dReal(), withReal.dReal());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gan4j.objective.AllObjectives#cases")
    void floatAgreesWithDouble(Objective o) {
        Scores doubles = new Scores(column(REAL), column(FAKE));
        Scores floats = new Scores(column(DataType.FLOAT, REAL), column(DataType.FLOAT, FAKE));
        LossAndGrad d64 = o.discriminator(doubles);
        LossAndGrad d32 = o.discriminator(floats);
        assertEquals(d64.loss(), d32.loss(), 1e-5 * (1 + Math.abs(d64.loss())));
        double[] g64 = d64.dFake().toDoubleVector();
        double[] g32 = d32.dFake().toDoubleVector();
        for (int i = 0; i < g64.length; i++) {
            assertEquals(g64[i], g32[i], 1e-5 * (1 + Math.abs(g64[i])));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gan4j.objective.AllObjectives#cases")
    void viewsAreReadNotWritten(Objective o) {
        // Column 1 of a [4, 3] matrix is a strided view; the objective must read it right and leave the parent alone.
        INDArray parent = Nd4j.rand(DataType.DOUBLE, 4, 3);
        parent.putColumn(1, column(FAKE));
        INDArray parentBefore = parent.dup();
        INDArray view = parent.getColumn(1, true);

        LossAndGrad fromView = o.generator(view);

        assertEquals(parentBefore, parent);
        assertEquals(o.generator(column(FAKE)).loss(), fromView.loss(), 0.0);
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"INT", "LONG", "BOOL"})
    void nonFloatingScoresAreRejected(DataType type) {
        INDArray ints = Nd4j.zeros(type, 4, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Hinge().generator(ints));
        assertTrue(e.getMessage().contains("floating point"), e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("badShapes")
    void wrongShapesAreRejectedWithTheShape(long[] shape) {
        INDArray bad = Nd4j.zeros(DataType.FLOAT, shape);
        Scores scores = new Scores(column(REAL), bad);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new NonSaturating().discriminator(scores));
        assertTrue(e.getMessage().contains("fake scores must have shape [batch, 1]"), e.getMessage());
    }

    static long[][] badShapes() {
        return new long[][] {{4}, {4, 2}, {0, 1}, {4, 1, 1}};
    }
}
