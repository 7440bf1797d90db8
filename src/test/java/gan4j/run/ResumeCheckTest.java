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

    @Test
    void aKeyAddedSinceTheCheckpointCountsAtItsDefault() {
        String written = resolved().replaceAll("(?m)^  reuse_fake_batch: .*\\n", "");
        assertEquals(Optional.empty(), ResumeCheck.firstIncompatibleKey(written, resolved()));
        assertEquals(Optional.of("train.reuse_fake_batch"),
                ResumeCheck.firstIncompatibleKey(written, resolved("train.reuse_fake_batch=true")));
    }

    @Test
    void onlyRunLengthAndOutputMayChange() {
        assertEquals(Optional.empty(), ResumeCheck.firstIncompatibleKey(resolved(),
                resolved("train.steps=99", "output.dir=/tmp/elsewhere")));
        assertEquals(Optional.of("seed"), ResumeCheck.firstIncompatibleKey(resolved(), resolved("seed=4")));
    }
}
