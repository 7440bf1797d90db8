package gan4j.nn.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;

/**
 * The largest singular value of the weights a spectrally normalised layer applies, read off its
 * output for one-hot inputs (without bias, identity activation, each output is a column of
 * W_sn) and computed by LAPACK's SVD (ND4J's Svd op, M2.1, fails on its arguments or crashes the JVM).
 */
class SpectralNormSigmaTest {

    private static final int TRAINING_PASSES = 10;

    @Test
    void denseWeightsHaveUnitSpectralNormAfterTenTrainingPasses() {
        Layer layer = SpectralNormDense.of(new DenseLayer.Builder().nIn(16).nOut(8).hasBias(false)
                .activation(Activation.IDENTITY));
        assertUnitSpectralNorm(layer, InputType.feedForward(16), new long[] {16, 16});
    }

    @Test
    void convolutionKernelsHaveUnitSpectralNormAfterTenTrainingPasses() {
        // A kernel covering its 3×3 input: output channel o for one-hot input j is M_sn[o, j].
        Layer layer = SpectralNormConvolution.of(new ConvolutionLayer.Builder(3, 3).nIn(3).nOut(8).hasBias(false)
                .activation(Activation.IDENTITY));
        assertUnitSpectralNorm(layer, InputType.convolutional(3, 3, 3), new long[] {27, 3, 3, 3});
    }

    @Test
    void svdAgreesWithADoublePrecisionPowerIteration() {
        INDArray m = Nd4j.randn(DataType.DOUBLE, 8, 27);
        assertEquals(powerIterationSigma(m), largestSingularValue(m), 1e-9);
    }

    private static void assertUnitSpectralNorm(Layer layer, InputType type, long[] oneHotShape) {
        MultiLayerNetwork net = SpectralNormNets.initialised(OneLayer.configuration(layer, type, new NoOp()));
        // Far from 1, so that the normalisation has something to do.
        net.getParam("0_W").muli(3);
        double rawSigma = largestSingularValue(net.getParam("0_W").reshape('c', net.getParam("0_W").size(0), -1));
        assertTrue(rawSigma > 2, "σ(W) = " + rawSigma);

        Nd4j.getRandom().setSeed(7);
        long inputs = oneHotShape[0];
        long[] randomShape = oneHotShape.clone();
        randomShape[0] = 5;
        for (int pass = 1; pass < TRAINING_PASSES; pass++) {
            net.output(Nd4j.randn(DataType.DOUBLE, randomShape), true);
        }
        INDArray oneHot = Nd4j.eye(inputs).castTo(DataType.DOUBLE).reshape(oneHotShape);
        INDArray normalised = net.output(oneHot, true).reshape(inputs, -1);

        double sigma = largestSingularValue(normalised);
        // Measured: 1.00003 (dense 16→8), 1.0060 (convolution 27→8).
        assertEquals(1, sigma, 0.01, "σ(W_sn) after " + TRAINING_PASSES + " passes, σ(W) = " + rawSigma);
    }

    private static double largestSingularValue(INDArray matrix) {
        // LAPACK's gesvd (OpenBLAS): column-major input, which it overwrites.
        INDArray a = matrix.dup('f');
        INDArray singular = Nd4j.create(DataType.DOUBLE, Math.min(a.rows(), a.columns()));
        Nd4j.getBlasWrapper().lapack().gesvd(a, singular, null, null);
        return singular.maxNumber().doubleValue();
    }

    /** √ of the largest eigenvalue of MᵀM, by 2000 power iterations in plain double arithmetic. */
    private static double powerIterationSigma(INDArray matrix) {
        double[][] m = matrix.toDoubleMatrix();
        double[] x = new double[m[0].length];
        Arrays.fill(x, 1 / Math.sqrt(x.length));
        double eigenvalue = 0;
        for (int iteration = 0; iteration < 2000; iteration++) {
            double[] mx = new double[m.length];
            double[] next = new double[x.length];
            for (int i = 0; i < m.length; i++) {
                for (int j = 0; j < x.length; j++) {
                    mx[i] += m[i][j] * x[j];
                }
            }
            for (int i = 0; i < m.length; i++) {
                for (int j = 0; j < x.length; j++) {
                    next[j] += m[i][j] * mx[i];
                }
            }
            eigenvalue = Math.sqrt(Arrays.stream(next).map(value -> value * value).sum());
            for (int j = 0; j < x.length; j++) {
                x[j] = next[j] / eigenvalue;
            }
        }
        return Math.sqrt(eigenvalue);
    }
}
