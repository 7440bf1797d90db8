package gan4j.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * How class labels enter the networks (CGAN, Mirza and Osindero 2014): a one-hot vector appended
 * to G's latent input, and the same one-hot broadcast to constant planes appended to D's input
 * channels. With no classes it passes inputs through untouched.
 */
public final class Conditioning {

    private final int classes;

    private Conditioning(int classes) {
        this.classes = classes;
    }

    public static Conditioning none() {
        return new Conditioning(0);
    }

    public static Conditioning oneHot(int classes) {
        if (classes < 2) {
            throw new IllegalArgumentException("conditioning needs at least two classes, got " + classes);
        }
        return new Conditioning(classes);
    }

    /** Extra input channels (or features) each network receives. */
    public int channels() {
        return classes;
    }

    public boolean isConditional() {
        return classes > 0;
    }

    /** G's input: latent batch [B, nz, ...] with the one-hot appended along dimension 1. */
    public INDArray generatorInput(INDArray latent, int[] labels) {
        return append(latent, labels);
    }

    /** D's input: samples [B, c, ...] with label planes appended along dimension 1. */
    public INDArray discriminatorInput(INDArray samples, int[] labels) {
        return append(samples, labels);
    }

    /**
     * The part of D's input gradient that belongs to the samples (what G is trained through): all
     * but the label planes this conditioning appended.
     */
    public INDArray sampleGradient(INDArray inputGradient) {
        if (classes == 0) {
            return inputGradient;
        }
        INDArrayIndex[] index = new INDArrayIndex[inputGradient.rank()];
        index[0] = NDArrayIndex.all();
        index[1] = NDArrayIndex.interval(0, inputGradient.size(1) - classes);
        for (int i = 2; i < index.length; i++) {
            index[i] = NDArrayIndex.all();
        }
        return inputGradient.get(index);
    }

    private INDArray append(INDArray input, int[] labels) {
        if (classes == 0) {
            return input;
        }
        long[] shape = input.shape().clone();
        shape[1] = classes;
        INDArray planes = Nd4j.zeros(input.dataType(), shape);
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("label " + labels[i] + " outside 0.." + (classes - 1));
            }
            planes.get(NDArrayIndex.point(i), NDArrayIndex.point(labels[i])).assign(1);
        }
        return Nd4j.concat(1, input, planes);
    }
}
