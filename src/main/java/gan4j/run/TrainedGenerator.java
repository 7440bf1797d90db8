package gan4j.run;

import gan4j.arch.Architecture;
import gan4j.arch.Architectures;
import gan4j.arch.Conditioning;
import gan4j.config.GanConfig;
import gan4j.train.Network;
import gan4j.train.SampleInputs;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** A checkpoint's generator with the architecture and conditioning it was trained with, ready to sample. */
public final class TrainedGenerator {

    // Inference in slices keeps memory flat however many samples an evaluation asks for.
    private static final int SLICE = 250;

    private final Network generator;
    private final Architecture architecture;
    private final Conditioning conditioning;

    private TrainedGenerator(Network generator, Architecture architecture, Conditioning conditioning) {
        this.generator = generator;
        this.architecture = architecture;
        this.conditioning = conditioning;
    }

    /** {@code config} is the checkpoint's own configuration, parsed. */
    public static TrainedGenerator of(Checkpoint checkpoint, GanConfig config) {
        Conditioning conditioning = config.model().conditional()
                ? Conditioning.oneHot(checkpoint.classNames().size()) : Conditioning.none();
        return new TrainedGenerator(checkpoint.networks().generator(),
                Architectures.of(config.model(), checkpoint.sampleShape()), conditioning);
    }

    public boolean conditional() {
        return conditioning.isConditional();
    }

    /** {@code count} samples, [count, ...sampleShape]; the model must be unconditional. */
    public INDArray sample(int count, SplittableRandom random) {
        if (conditional()) {
            throw new IllegalStateException("a conditional generator needs a class; use sampleClass");
        }
        return generate(SampleInputs.grid(architecture, conditioning, count, random).input());
    }

    /** {@code count} samples of class {@code label}, [count, ...sampleShape]; the model must be conditional. */
    public INDArray sampleClass(int label, int count, SplittableRandom random) {
        if (!conditional()) {
            throw new IllegalStateException("an unconditional generator has no classes; use sample");
        }
        return generate(SampleInputs.ofClass(architecture, conditioning, label, count, random).input());
    }

    private INDArray generate(INDArray input) {
        long n = input.size(0);
        List<INDArray> slices = new ArrayList<>();
        for (long from = 0; from < n; from += SLICE) {
            slices.add(generator.infer(input.get(NDArrayIndex.interval(from, Math.min(n, from + SLICE)))));
        }
        return slices.size() == 1 ? slices.get(0) : Nd4j.concat(0, slices.toArray(INDArray[]::new));
    }
}
