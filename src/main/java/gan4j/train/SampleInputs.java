package gan4j.train;

import gan4j.arch.Architecture;
import gan4j.nn.Conditioning;
import gan4j.random.RandomStreams;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Generator inputs for pictures of what G makes: {@code count} latent vectors laid out as a grid,
 * one row per class when G is conditional, so each row shows one class.
 */
public record SampleInputs(INDArray input, int columns) {

    /** A grid of about {@code count} samples: all classes in rows when conditional, else a square. */
    public static SampleInputs grid(Architecture architecture, Conditioning conditioning, int count,
                                    SplittableRandom random) {
        if (!conditioning.isConditional()) {
            int columns = (int) Math.ceil(Math.sqrt(count));
            return new SampleInputs(latent(architecture, conditioning, new int[count], random), columns);
        }
        int classes = conditioning.channels();
        int columns = Math.max(1, count / classes);
        int[] labels = new int[classes * columns];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i / columns;
        }
        return new SampleInputs(latent(architecture, conditioning, labels, random), columns);
    }

    /** {@code count} samples of one class. */
    public static SampleInputs ofClass(Architecture architecture, Conditioning conditioning, int label, int count,
                                       SplittableRandom random) {
        int[] labels = new int[count];
        Arrays.fill(labels, label);
        int columns = (int) Math.ceil(Math.sqrt(count));
        return new SampleInputs(latent(architecture, conditioning, labels, random), columns);
    }

    private static INDArray latent(Architecture architecture, Conditioning conditioning, int[] labels,
                                   SplittableRandom random) {
        INDArray z = RandomStreams.gaussian(random, DataType.FLOAT, architecture.latentShape(labels.length));
        return conditioning.generatorInput(z, labels);
    }
}
