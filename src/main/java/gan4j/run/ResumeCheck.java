package gan4j.run;

import java.util.LinkedHashMap;
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

    /** The first key whose value differs in a way that forbids resuming, if any. */
    static Optional<String> firstIncompatibleKey(String checkpointYaml, String currentYaml) {
        return firstDifference("", comparable(checkpointYaml), comparable(currentYaml));
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
