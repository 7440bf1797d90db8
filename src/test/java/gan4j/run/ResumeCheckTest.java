package gan4j.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gan4j.config.ConfigLoader;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResumeCheckTest {

    private static String resolved(String... overrides) {
        return new ConfigLoader().parse("seed: 3\n", "exp.yaml", "exp", List.of(overrides)).resolvedYaml();
    }

    private static Optional<String> forbidden(String written, String current) {
        return ResumeCheck.compare(written, current).forbidden();
    }

    private static List<String> changes(String written, String current) {
        return ResumeCheck.compare(written, current).changes().stream().map(ResumeCheck.Change::toString).toList();
    }

    @Test
    void aKeyAddedSinceTheCheckpointCountsAtItsDefault() {
        String written = resolved().replaceAll("(?m)^  reuse_fake_batch: .*\\n", "");
        assertEquals(Optional.empty(), forbidden(written, resolved()));
        assertEquals(List.of(), changes(written, resolved()));
        assertEquals(Optional.of("train.reuse_fake_batch"), forbidden(written, resolved("train.reuse_fake_batch=true")));
    }

    @Test
    void runLengthAndOutputChangeNothing() {
        assertEquals(Optional.empty(), forbidden(resolved(), resolved("train.steps=99", "output.dir=/tmp/elsewhere")));
        assertEquals(List.of(), changes(resolved(), resolved("train.steps=99", "output.dir=/tmp/elsewhere")));
    }

    @Test
    void optimizerSettingsKAndTheDivergencePolicyMayChangeAndAreListed() {
        String current = resolved("train.d_optimizer.lr=1.0e-4", "train.g_optimizer.beta1=0.0",
                "train.d_steps_per_g_step=2", "train.on_divergence=rollback");
        assertEquals(Optional.empty(), forbidden(resolved(), current));
        assertEquals(List.of("train.d_steps_per_g_step 1 -> 2", "train.g_optimizer.beta1 0.5 -> 0.0",
                "train.d_optimizer.lr 2.0E-4 -> 1.0E-4", "train.on_divergence stop -> rollback"),
                changes(resolved(), current));
    }

    @Test
    void theModelsTheDataTheSeedAndTheOptimizerAlgorithmMayNot() {
        assertEquals(Optional.of("seed"), forbidden(resolved(), resolved("seed=4")));
        assertEquals(Optional.of("model.latent_size"), forbidden(resolved(), resolved("model.latent_size=7")));
        assertEquals(Optional.of("train.d_optimizer.type"), forbidden(resolved(),
                resolved("train.d_optimizer.type=rmsprop")));
    }

    @Test
    void underALinearScheduleTheRunLengthIsAChange() {
        String linear = resolved("train.g_optimizer.schedule=linear");
        assertEquals(List.of("train.steps 2000 -> 3000"),
                changes(linear, resolved("train.g_optimizer.schedule=linear", "train.steps=3000")));
    }
}
