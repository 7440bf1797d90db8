package gan4j.export;

import gan4j.model.GanModel;
import gan4j.random.RandomStreams;
import gan4j.random.RandomStreams.Purpose;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Generates many samples in fixed-size batches and hands them, as bytes, to a PNG folder or an
 * .npz. Batch b draws its latent vectors from its own stream (seed, sample purpose, sub-step b), so
 * the same seed gives the same files however many samples are asked for: the first N of a larger
 * export are the N of a smaller one.
 */
public final class SampleExport {

    /** Samples generated at a time: bounds memory (a 64×64×3 batch is 12 MB of floats). */
    static final int BATCH = 250;

    /** How the samples are stored, chosen by the output path. */
    public enum Format {
        PNG_FOLDER, NPZ;

        public static Format of(Path out) {
            return out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npz") ? NPZ : PNG_FOLDER;
        }
    }

    private final GanModel model;
    private final long seed;
    private final OptionalInt onlyClass;

    /** Samples of {@code model} from {@code seed}; {@code onlyClass} set only for conditional models. */
    public SampleExport(GanModel model, long seed, OptionalInt onlyClass) {
        if (onlyClass.isPresent() && !model.conditional()) {
            throw new IllegalArgumentException("an unconditional generator has no classes");
        }
        this.model = model;
        this.seed = seed;
        this.onlyClass = onlyClass;
    }

    /** Writes {@code count} samples to {@code out} in its format; the file or folder appears only when complete. */
    public void write(int count, Path out) {
        long[] shape = model.spec().sampleShape();
        int channels = (int) shape[0];
        int height = (int) shape[1];
        int width = (int) shape[2];
        SampleSink.Producer producer = sink -> produce(count, sink, channels, height, width);
        if (Format.of(out) == Format.NPZ) {
            NpzWriter.write(out, count, height, width, channels, model.conditional(), producer);
        } else {
            PngFolderWriter.write(out, count, model.conditional() ? model.classNames() : List.of(), producer);
        }
    }

    private void produce(int count, SampleSink sink, int channels, int height, int width) throws IOException {
        RandomStreams streams = new RandomStreams(seed);
        for (int first = 0, b = 0; first < count; first += BATCH, b++) {
            int n = Math.min(BATCH, count - first);
            int[] labels = labels(first, n);
            SplittableRandom random = streams.random(Purpose.SAMPLE, 0, b);
            INDArray z = RandomStreams.gaussian(random, DataType.FLOAT, model.architecture().latentShape(n));
            INDArray images = model.generate(model.conditioning().generatorInput(z, labels));
            sink.accept(new ExportedBatch(bytes(images, channels, height, width),
                    model.conditional() ? labels : new int[n], height, width, channels));
        }
    }

    /** A class per sample: the one asked for, or all classes in turn so each gets an equal share. */
    private int[] labels(int first, int n) {
        int[] labels = new int[n];
        int classes = model.classNames().size();
        for (int i = 0; i < n; i++) {
            labels[i] = onlyClass.isPresent() ? onlyClass.getAsInt()
                    : model.conditional() ? (first + i) % classes : 0;
        }
        return labels;
    }

    /** [N, C, H, W] floats in [-1, 1] to N × H × W × C bytes, rounded as the sample grids round them. */
    static byte[] bytes(INDArray images, int channels, int height, int width) {
        float[] values = images.castTo(DataType.FLOAT).dup('c').data().asFloat();
        int n = (int) images.size(0);
        int plane = height * width;
        byte[] out = new byte[n * plane * channels];
        for (int i = 0; i < n; i++) {
            int base = i * plane * channels;
            for (int c = 0; c < channels; c++) {
                for (int p = 0; p < plane; p++) {
                    long v = Math.round((values[base + c * plane + p] + 1.0) * 127.5);
                    out[base + p * channels + c] = (byte) Math.max(0, Math.min(255, v));
                }
            }
        }
        return out;
    }
}
