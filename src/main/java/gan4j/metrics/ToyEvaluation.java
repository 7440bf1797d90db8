package gan4j.metrics;

import gan4j.arch.Architecture;
import gan4j.arch.Architectures;
import gan4j.arch.Conditioning;
import gan4j.config.ConfigLoader;
import gan4j.config.DataConfig;
import gan4j.config.GanConfig;
import gan4j.data.toy.ToyMixture;
import gan4j.run.Checkpoint;
import gan4j.run.CheckpointStore;
import gan4j.train.RandomStreams;
import gan4j.train.RandomStreams.Purpose;
import gan4j.train.SampleInputs;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Minimal stand-in for {@code gan eval --checkpoint RUN} on toy runs, for {@code scripts/bench-toy}
 * until that command reaches main: prints the same three mode-coverage lines for 2,500 points drawn
 * as {@code gan eval} draws them (seed 0). Delete it once {@code gan eval} is merged.
 */
public final class ToyEvaluation {

    private static final int POINTS = 2500;

    private ToyEvaluation() {
    }

    /** Arguments: a run directory or checkpoint file. */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: ToyEvaluation RUN_DIR_OR_CHECKPOINT");
            System.exit(2);
        }
        Checkpoint checkpoint = CheckpointStore.read(Path.of(args[0]));
        GanConfig config = new ConfigLoader().parse(checkpoint.configYaml(), args[0] + " (its config.yaml)", "run",
                List.of());
        if (!(config.data() instanceof DataConfig.Toy toy) || config.model().conditional()) {
            System.err.println(args[0] + " is not an unconditional toy run");
            System.exit(2);
            return;
        }
        Architecture architecture = Architectures.of(config.model(), checkpoint.sampleShape());
        SampleInputs inputs = SampleInputs.grid(architecture, Conditioning.none(), POINTS,
                new RandomStreams(0).random(Purpose.EVALUATION, 0, 0));
        ToyMixture mixture = ToyMixture.valueOf(toy.mixture().toUpperCase(Locale.ROOT));
        ModeCoverage.measure(checkpoint.networks().generator().infer(inputs.input()), mixture).lines()
                .forEach(System.out::println);
        System.exit(0);
    }
}
