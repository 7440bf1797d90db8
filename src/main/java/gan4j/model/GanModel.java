package gan4j.model;

import gan4j.arch.Architecture;
import gan4j.nn.ConditionedCritic;
import gan4j.nn.ConditionedGenerator;
import gan4j.nn.Conditioning;
import gan4j.nn.Network;
import gan4j.nn.Networks;
import gan4j.nn.PackedCritic;
import gan4j.nn.ParallelGenerators;
import gan4j.nn.SampleCritic;
import gan4j.nn.SampleGenerator;
import gan4j.train.SampleInputs;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * One GAN: generator and critic with their optimizer state, the architecture that built them, how
 * labels condition them, and what they were sized for. Built by {@link GanModels}, saved and
 * loaded as one unit by {@link ModelArchive}; training, sampling and evaluation all use this one.
 */
public final class GanModel {

    // Inference in slices keeps memory flat however many samples an evaluation asks for.
    private static final int SLICE = 250;

    private final Networks networks;
    private final Architecture architecture;
    private final Conditioning conditioning;
    private final ModelSpec spec;
    private final Optional<Network> averageGenerator;
    private final SampleGenerator sampleGenerator;
    private final SampleCritic sampleCritic;
    /** The one generator of several that {@link #generate} draws from; empty draws from all alike. */
    private final OptionalInt chosenGenerator;

    GanModel(Networks networks, Optional<Network> averageGenerator, Architecture architecture,
             Conditioning conditioning, ModelSpec spec) {
        this(networks, averageGenerator, architecture, conditioning, spec, OptionalInt.empty());
    }

    private GanModel(Networks networks, Optional<Network> averageGenerator, Architecture architecture,
                     Conditioning conditioning, ModelSpec spec, OptionalInt chosenGenerator) {
        this.chosenGenerator = chosenGenerator;
        this.networks = networks;
        this.averageGenerator = averageGenerator;
        this.architecture = architecture;
        this.conditioning = conditioning;
        this.spec = spec;
        this.sampleGenerator = new ConditionedGenerator(networks.generator(), conditioning);
        SampleCritic critic = new ConditionedCritic(networks.discriminator(), conditioning);
        this.sampleCritic = architecture.pack() > 1 ? new PackedCritic(critic, architecture.pack()) : critic;
    }

    public Networks networks() {
        return networks;
    }

    public Network generator() {
        return networks.generator();
    }

    public Network critic() {
        return networks.discriminator();
    }

    /** The moving average of G's weights ({@code train.ema}), if the run keeps one. */
    public Optional<Network> averageGenerator() {
        return averageGenerator;
    }

    /**
     * This model with the chosen generator weights in G's place, for sampling and evaluation:
     * {@code null} means the average when the run keeps one, else the trained weights. Throws
     * {@link IllegalArgumentException} for {@link GeneratorWeights#EMA} without an average.
     */
    public GanModel sampling(GeneratorWeights weights) {
        GeneratorWeights chosen = weights != null ? weights
                : averageGenerator.isPresent() ? GeneratorWeights.EMA : GeneratorWeights.RAW;
        if (chosen == GeneratorWeights.RAW) {
            return new GanModel(networks, Optional.empty(), architecture, conditioning, spec, chosenGenerator);
        }
        Network average = averageGenerator.orElseThrow(() -> new IllegalArgumentException(
                "it holds no moving average of the generator (it was trained without train.ema)"));
        return new GanModel(new Networks(average, networks.discriminator()), Optional.empty(), architecture,
                conditioning, spec, chosenGenerator);
    }

    /** How many generators the model has (MAD-GAN's {@code model.generators}); 1 for an ordinary GAN. */
    public int generators() {
        return architecture.generators();
    }

    /**
     * This model drawing every sample from generator {@code index} (0-based) of its {@link #generators};
     * throws {@link IllegalArgumentException} when there is no such generator.
     */
    public GanModel onlyGenerator(int index) {
        if (index < 0 || index >= generators()) {
            throw new IllegalArgumentException("holds " + generators() + (generators() == 1 ? " generator"
                    : " generators") + ", numbered 0.." + (generators() - 1));
        }
        return new GanModel(networks, averageGenerator, architecture, conditioning, spec,
                generators() == 1 ? OptionalInt.empty() : OptionalInt.of(index));
    }

    /** G as the trainer drives it: latent vectors and labels in, samples out. */
    public SampleGenerator sampleGenerator() {
        return sampleGenerator;
    }

    /** D as the trainer and the penalties drive it: samples and labels in, scores out. */
    public SampleCritic sampleCritic() {
        return sampleCritic;
    }

    public Architecture architecture() {
        return architecture;
    }

    public Conditioning conditioning() {
        return conditioning;
    }

    public ModelSpec spec() {
        return spec;
    }

    public boolean conditional() {
        return conditioning.isConditional();
    }

    public List<String> classNames() {
        return spec.classNames();
    }

    /**
     * The most elements any layer of G or D outputs for one sample, found by one inference pass of
     * each: what sizes ND4J's threading (see {@link gan4j.nn.OpThreads}).
     */
    public long widestActivationPerSample() {
        int[] label = {0};
        INDArray latent = Nd4j.zeros(generator().params().dataType(), architecture.latentShape(1));
        INDArray input = conditioning.generatorInput(latent, label);
        INDArray sample = generator().infer(input);
        INDArray pack = architecture.pack() == 1 ? sample
                : Nd4j.concat(1, Collections.nCopies(architecture.pack(), sample).toArray(INDArray[]::new));
        return Math.max(generator().widestActivation(input),
                critic().widestActivation(conditioning.discriminatorInput(pack, label)));
    }

    /** Generator inputs for a grid of about {@code count} samples, one row per class when conditional. */
    public SampleInputs gridInputs(int count, SplittableRandom random) {
        return SampleInputs.grid(architecture, conditioning, count, random);
    }

    /** Generator inputs for {@code count} samples of class {@code label}; the model must be conditional. */
    public SampleInputs classInputs(int label, int count, SplittableRandom random) {
        if (!conditional()) {
            throw new IllegalStateException("an unconditional generator has no classes");
        }
        return SampleInputs.ofClass(architecture, conditioning, label, count, random);
    }

    /** {@code count} samples, [count, ...sampleShape]; the model must be unconditional. */
    public INDArray sample(int count, SplittableRandom random) {
        if (conditional()) {
            throw new IllegalStateException("a conditional generator needs a class; use sampleClass");
        }
        return generate(gridInputs(count, random).input());
    }

    /** {@code count} samples of class {@code label}, [count, ...sampleShape]. */
    public INDArray sampleClass(int label, int count, SplittableRandom random) {
        return generate(classInputs(label, count, random).input());
    }

    /**
     * {@code count} samples, a conditional model's classes taking equal shares (the first
     * {@code count % classes} one more), each class drawing from {@code randomOf.apply(label)}; an
     * unconditional model draws all from {@code randomOf.apply(0)}.
     */
    public INDArray sampleEvenly(int count, IntFunction<SplittableRandom> randomOf) {
        if (!conditional()) {
            return sample(count, randomOf.apply(0));
        }
        int classes = classNames().size();
        List<INDArray> parts = new ArrayList<>();
        for (int label = 0; label < classes; label++) {
            int share = count / classes + (label < count % classes ? 1 : 0);
            if (share > 0) {
                parts.add(sampleClass(label, share, randomOf.apply(label)));
            }
        }
        return Nd4j.concat(0, parts.toArray(INDArray[]::new));
    }

    /**
     * The generator's inference-mode output for prepared inputs, in slices; with several generators,
     * sample j is drawn by generator j mod k unless {@link #onlyGenerator} chose one.
     */
    public INDArray generate(INDArray input) {
        long n = input.size(0);
        // Whole groups of k per slice keep sample j with generator j mod k across slices.
        int slice = SLICE - SLICE % generators();
        List<INDArray> slices = new ArrayList<>();
        for (long from = 0; from < n; from += slice) {
            INDArray part = input.get(NDArrayIndex.interval(from, Math.min(n, from + slice)));
            slices.add(chosenGenerator.isPresent()
                    ? ((ParallelGenerators) generator()).inferOne(chosenGenerator.getAsInt(), part)
                    : generator().infer(part));
        }
        return slices.size() == 1 ? slices.get(0) : Nd4j.concat(0, slices.toArray(INDArray[]::new));
    }
}
