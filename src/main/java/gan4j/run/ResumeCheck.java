package gan4j.run;

import gan4j.config.ConfigException;
import gan4j.config.ConfigLoader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Decides whether a configuration may resume a checkpoint: only the run length, the output settings
 * and the loader thread count may change, since anything else would make the resumed run a
 * different experiment from the one that wrote the checkpoint.
 */
final class ResumeCheck {

    private ResumeCheck() {
    }

    /**
     * The first key whose value differs in a way that forbids resuming, if any. The checkpoint's
     * configuration is resolved again first, so that a key added since it was written counts at its
     * default value.
     */
    static Optional<String> firstIncompatibleKey(String checkpointYaml, String currentYaml) {
        return firstDifference("", comparable(withCurrentDefaults(checkpointYaml)), comparable(currentYaml));
    }

    private static String withCurrentDefaults(String checkpointYaml) {
        try {
            return new ConfigLoader().parse(checkpointYaml, "checkpoint configuration", "checkpoint", List.of())
                    .resolvedYaml();
        } catch (ConfigException e) {
            // A key since removed or renamed: compare as written, which names that key.
            return checkpointYaml;
        }
    }

    private static Map<String, Object> comparable(String yaml) {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = new LinkedHashMap<>((Map<String, Object>) new Load(LoadSettings.builder().build())
                .loadFromString(yaml));
        map.remove("output");
        if (map.get("train") instanceof Map<?, ?> train) {
            Map<Object, Object> copy = new LinkedHashMap<>(train);
            copy.remove("steps");
            map.put("train", copy);
        }
        if (map.get("data") instanceof Map<?, ?> data) {
            Map<Object, Object> copy = new LinkedHashMap<>(data);
            copy.remove("workers");
            map.put("data", copy);
        }
        return map;
    }

    private static Optional<String> firstDifference(String prefix, Object a, Object b) {
        if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
            for (Object key : union(ma, mb)) {
                Optional<String> diff = firstDifference(prefix.isEmpty() ? key.toString() : prefix + "." + key,
                        ma.get(key), mb.get(key));
                if (diff.isPresent()) {
                    return diff;
                }
            }
            return Optional.empty();
        }
        return Objects.equals(a, b) ? Optional.empty() : Optional.of(prefix);
    }

    private static java.util.Set<Object> union(Map<?, ?> a, Map<?, ?> b) {
        java.util.Set<Object> keys = new java.util.LinkedHashSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }
}
