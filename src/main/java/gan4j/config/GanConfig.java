package gan4j.config;

import java.util.List;
import java.util.Optional;

/**
 * A whole experiment, validated: every later stage can trust these values.
 *
 * <p>{@code eval} is empty when the run is not scored while it trains. {@code resolvedYaml} is the complete configuration with defaults filled in, as saved in the run
 * directory and checkpoints.
 */
public record GanConfig(String name, long seed, DataConfig data, ModelConfig model, ObjectiveConfig objective,
                        TrainConfig train, List<RegularizerConfig> regularizers, AugmentConfig augment,
                        OutputConfig output, HealthConfig health, Optional<EvalConfig> eval,
                        String resolvedYaml) {

    public GanConfig {
        regularizers = List.copyOf(regularizers);
    }
}
