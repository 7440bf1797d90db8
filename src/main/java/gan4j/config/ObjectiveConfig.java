package gan4j.config;

import java.util.Map;

/** The adversarial loss by registry name, with its own parameters (for example an f-divergence). */
public record ObjectiveConfig(String type, Map<String, Object> params) {

    public ObjectiveConfig {
        params = Map.copyOf(params);
    }
}
