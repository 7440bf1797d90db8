package gan4j.bench;

import gan4j.arch.Architecture;
import gan4j.arch.Dcgan;
import gan4j.arch.Resnet;
import gan4j.augment.Augmentation;
import gan4j.config.AugmentConfig;
import gan4j.config.TrainConfig;
import gan4j.config.ModelConfig.Norm;
import gan4j.config.RegularizerConfig;
import gan4j.data.Batch;
import gan4j.ema.GeneratorAverage;
import gan4j.nn.ConditionedCritic;
import gan4j.nn.ConditionedGenerator;
import gan4j.nn.Conditioning;
import gan4j.nn.NativeGarbageCollector;
import gan4j.nn.Network;
import gan4j.nn.Networks;
import gan4j.nn.backend.CpuBackend;
import gan4j.objective.Hinge;
import gan4j.objective.NonSaturating;
import gan4j.objective.Objective;
import gan4j.objective.Wasserstein;
import gan4j.penalty.InputNoise;
import gan4j.penalty.Penalty;
import gan4j.penalty.Regularizers;
import gan4j.random.RandomStreams;
import gan4j.train.RunEvent;
import gan4j.train.RunListener;
import gan4j.train.StopSignal;
import gan4j.train.Trainer;
import gan4j.train.TrainingState;
import gan4j.train.Variant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.NoOp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * Times full training steps (k D updates on real and fake, then one G update) of the standard
 * models on synthetic data, so the figure is compute alone; run by {@code scripts/bench-step}.
 */
@Command(name = "bench-step", mixinStandardHelpOptions = true,
        description = "Seconds per generator step of a standard GAN model on synthetic data.")
public final class StepBenchmark implements Callable<Integer> {

    /**
     * The benchmarked models: the PyTorch DCGAN example's sizes, WGAN-GP at 64 pixels, and SNGAN's
     * CIFAR ResNet (hinge loss) at 32 pixels.
     */
    enum Model { DCGAN_28, DCGAN_64, WGAN_GP_64, RESNET_32 }

    @Option(names = "--model", defaultValue = "dcgan-64", description = "dcgan-28 | dcgan-64 | wgan-gp-64 | resnet-32")
    String model;

    @Option(names = "--batch", defaultValue = "64", description = "Batch size (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--d-steps", description = "D steps per G step (default 1; 5 for wgan-gp-64).")
    Integer discriminatorSteps;

    @Option(names = "--reuse-fake-batch", defaultValue = "true", arity = "1",
            description = "G step on the last D step's fake batch, as PyTorch's DCGAN example (default ${DEFAULT-VALUE}).")
    boolean reuseFakeBatch;

    @Option(names = "--profile", description = "Also print milliseconds per step for each layer, forward and backward.")
    boolean profile;

    @Option(names = "--warmup", defaultValue = "5",
            description = "Untimed steps first, at least (default ${DEFAULT-VALUE}).")
    int warmup;

    /**
     * The JVM compiles the Java side of a step (DL4J's layers, ND4J's op calls) with its optimising
     * compiler only after many calls: measured on DCGAN-28, steps take 0.12-0.15 s for the first
     * 10-25, 0.16-0.19 s interpreted, and 0.07-0.085 s once compiled, after about 50 steps (5 s).
     */
    @Option(names = "--warmup-seconds", defaultValue = "15",
            description = "Untimed steps go on until this many seconds have passed too (default ${DEFAULT-VALUE}),"
                    + " so the JVM has compiled the hot code.")
    double warmupSeconds;

    @Option(names = "--steps", description = "Timed steps (default 50 for dcgan-28, whose steps are short, else 10).")
    Integer timedSteps;

    @Option(names = "--r1-every", defaultValue = "0",
            description = "Add R1 (weight 10) every N D steps, lazily as StyleGAN2 (16); 0, the default, adds none."
                    + " Time a multiple of N steps and read the mean.")
    int r1Every;

    @Option(names = "--augment", split = ",", description = "DiffAugment policy for every image D sees, such as"
            + " color,translation,cutout (probability 1); none by default.")
    List<String> augmentPolicy = List.of();

    @Option(names = "--ema", defaultValue = "0",
            description = "Keep train.ema's moving average of G with this decay after every G step; 0, the default,"
                    + " keeps none.")
    double emaDecay;

    @Override
    public Integer call() throws IOException {
        Model chosen = Model.valueOf(model.toUpperCase(Locale.ROOT).replace('-', '_'));
        int steps = timedSteps != null ? timedSteps : chosen == Model.DCGAN_28 ? 50 : 10;
        boolean wgan = chosen == Model.WGAN_GP_64;
        int k = discriminatorSteps != null ? discriminatorSteps : wgan ? 5 : 1;
        Architecture architecture = switch (chosen) {
            case DCGAN_28 -> new Dcgan(28, 1, 100, 64, 64, Norm.BATCH, Norm.BATCH);
            case DCGAN_64 -> new Dcgan(64, 3, 100, 64, 64, Norm.BATCH, Norm.BATCH);
            case WGAN_GP_64 -> new Dcgan(64, 3, 100, 64, 64, Norm.BATCH, Norm.NONE);
            case RESNET_32 -> new Resnet(32, 3, 128, 64, 64, 0, Norm.BATCH, Norm.SPECTRAL);
        };
        Objective objective = switch (chosen) {
            case WGAN_GP_64 -> new Wasserstein();
            case RESNET_32 -> new Hinge();
            default -> new NonSaturating();
        };
        List<RegularizerConfig> regularizers = new ArrayList<>();
        if (wgan) {
            regularizers.add(new RegularizerConfig.GradientPenalty(10, "interpolates", 1, false, 0.01, 0.5));
        }
        if (r1Every > 0) {
            regularizers.add(new RegularizerConfig.ZeroCenteredPenalty(RegularizerConfig.Side.REAL, 10, r1Every,
                    0.01));
        }
        List<Penalty> penalties = Regularizers.from(regularizers).penalties();
        List<AugmentConfig.Op> policy = augmentPolicy.stream()
                .map(name -> AugmentConfig.Op.valueOf(name.trim().toUpperCase(Locale.ROOT))).toList();
        Augmentation augmentation = Augmentation.from(new AugmentConfig(policy, 1, OptionalDouble.empty(), 1));
        Variant variant = new Variant(architecture, objective, penalties, List.of(), InputNoise.NONE, k,
                reuseFakeBatch, augmentation);
        Networks networks = new Networks(architecture.newGenerator(spec(1, chosen)),
                architecture.newDiscriminator(spec(2, chosen)));
        long[] sample = architecture.sampleShape();
        Batch fixed = new Batch(0, RandomStreams.uniform(new SplittableRandom(3), DataType.FLOAT, batch, sample[0],
                sample[1], sample[2]).muli(2).subi(1), new int[batch]);
        Supplier<Batch> batches = () -> fixed;
        NativeGarbageCollector collector = new NativeGarbageCollector();
        Trainer trainer = new Trainer(new ConditionedGenerator(networks.generator(), Conditioning.none()),
                new ConditionedCritic(networks.discriminator(), Conditioning.none()), variant, new RandomStreams(1),
                listeners(networks, architecture, collector));

        TrainingState state = new TrainingState(0);
        long warmupStart = System.nanoTime();
        while (state.step() < warmup || (System.nanoTime() - warmupStart) / 1e9 < warmupSeconds) {
            state = trainer.run(state, state.step() + 1, batches, new StopSignal());
        }
        double warmupTook = (System.nanoTime() - warmupStart) / 1e9;
        long warmupSteps = state.step();
        networks.generator().profile().reset();
        networks.discriminator().profile().reset();
        double[] seconds = new double[steps];
        for (int i = 0; i < steps; i++) {
            long start = System.nanoTime();
            state = trainer.run(state, state.step() + 1, batches, new StopSignal());
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        if (profile) {
            networks.generator().printProfile("generator", steps, System.out);
            networks.discriminator().printProfile("discriminator", steps, System.out);
            System.out.printf(Locale.ROOT, "whole step %.1f ms (mean)%n", Arrays.stream(seconds).sum() * 1e3 / steps);
        }
        System.out.printf(Locale.ROOT, "%s batch %d, k=%d, %s fake batch, R1 %s, augment %s, EMA %s, %s threads, after %d"
                        + " warm-up steps (%.0f s): steps %s s%n", model, batch, k, reuseFakeBatch ? "reused" : "fresh",
                r1Every > 0 ? "every " + r1Every : "off", policy.isEmpty() ? "off" : policy,
                emaDecay > 0 ? "decay " + emaDecay : "off",
                System.getenv().getOrDefault("OMP_NUM_THREADS", "default"), warmupSteps, warmupTook,
                Arrays.toString(round(seconds)));
        double mean = Arrays.stream(seconds).average().orElseThrow();
        Arrays.sort(seconds);
        double median = seconds[steps / 2];
        System.out.println(CpuBackend.describe());
        System.out.printf(Locale.ROOT, "images/s (real, through D): %.1f%n", batch * k / median);
        System.out.printf(Locale.ROOT, "peak RSS: %s%n", peakRss());
        System.out.printf(Locale.ROOT, "%s mean of %d: %.3f s/step%n", model, steps, mean);
        System.out.printf(Locale.ROOT, "%s median of %d: %.3f s/step%n", model, steps, median);
        return 0;
    }

    /** The native collector after every step and, with --ema, the generator's average kept before it, as in training. */
    private List<RunListener> listeners(Networks networks, Architecture architecture,
                                        NativeGarbageCollector collector) {
        List<RunListener> listeners = new ArrayList<>();
        if (emaDecay > 0) {
            Network average = architecture.newGenerator(new Architecture.NetworkSpec(0, 1, new NoOp(), DataType.FLOAT));
            average.params().assign(networks.generator().params());
            listeners.add(new GeneratorAverage(average, new TrainConfig.Ema(emaDecay, 0, 0)));
        }
        listeners.add(event -> {
            if (event instanceof RunEvent.StepCompleted) {
                collector.afterStep();
            }
        });
        return listeners;
    }

    /** SNGAN's Adam for the ResNet (Miyato et al. 2018), DCGAN's (Radford et al. 2016) for the others. */
    private static Architecture.NetworkSpec spec(long seed, Model model) {
        Adam adam = model == Model.RESNET_32 ? new Adam(2e-4, 0, 0.9, 1e-8) : new Adam(2e-4, 0.5, 0.999, 1e-8);
        return new Architecture.NetworkSpec(0, seed, adam, DataType.FLOAT);
    }

    private static double[] round(double[] values) {
        return Arrays.stream(values).map(v -> Math.round(v * 1000) / 1000.0).toArray();
    }

    private static String peakRss() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM"))
                .map(l -> l.replaceAll("VmHWM:\\s*", "")).findFirst().orElse("unknown");
    }

    public static void main(String[] args) {
        CpuBackend.configure();
        System.exit(new CommandLine(new StepBenchmark()).execute(args));
    }
}
