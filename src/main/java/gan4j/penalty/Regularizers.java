package gan4j.penalty;

import gan4j.config.ConfigException;
import gan4j.config.RegularizerConfig;
import java.util.List;

/** The penalties, constraints and input noise a configuration's regularizers amount to. */
public record Regularizers(List<Penalty> penalties, List<Constraint> constraints, InputNoise inputNoise) {

    public static Regularizers from(List<RegularizerConfig> configs) {
        if (!configs.isEmpty()) {
            throw new ConfigException("regularizers are not available in this build");
        }
        return new Regularizers(List.of(), List.of(), InputNoise.NONE);
    }
}
