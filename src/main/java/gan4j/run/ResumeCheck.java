package gan4j.run;

import gan4j.config.ConfigException;
import gan4j.config.ConfigLoader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Decides whether a configuration may resume a checkpoint. The run length, the output settings,
 * the health monitor's action, the evaluation settings and the loader thread count change nothing about the experiment. The optimizer settings (all but the
 * algorithm), the number of D steps per G step and the divergence policy may change, as the advice
 * after a divergence asks, but the run is then no longer an exact continuation. Anything else (the
 * models, the data, the objective, the seed) would make it another experiment, and is refused.
 */
final class ResumeCheck {

    private static final List<String> OPTIMIZERS = List.of("train.g_optimizer", "train.d_optimizer");
    private static final Set<String> CONTINUABLE = Set.of("train.d_steps_per_g_step", "train.on_divergence",
            "train.rollback_lr_factor", "train.max_rollbacks", "train.steps");
    private static final String LINEAR = "schedule: linear";

    /** A key whose value differs between the checkpoint's configuration and the resumed run's. */
    record Change(String key, Object before, Object after) {
        @Override
        public String toString() {
            return key + " " + before + " -> " + after;
        }
    }

    /**
     * What differs: the first key that makes the resumed run another experiment, if any, and the
     * allowed changes that make it no longer an exact continuation.
     */
    record Verdict(Optional<String> forbidden, List<Change> changes) {
    }

    private ResumeCheck() {
    }

    /**
     * Compares the checkpoint's configuration, resolved again first so that a key added since it was
     * written counts at its default value, with the resumed run's.
     */
    static Verdict compare(String checkpointYaml, String currentYaml) {
        String written = withCurrentDefaults(checkpointYaml);
        // The run length matters only to a linear schedule, which decays to zero at the last step.
        boolean lengthMatters = written.contains(LINEAR) || currentYaml.contains(LINEAR);
        List<Change> differences = new ArrayList<>();
        differences("", comparable(written, lengthMatters), comparable(currentYaml, lengthMatters), differences);
        List<Change> changes = new ArrayList<>();
        for (Change d : differences) {
            if (!continuable(d.key())) {
                return new Verdict(Optional.of(d.key()), List.of());
            }
            changes.add(d);
        }
        return new Verdict(Optional.empty(), changes);
    }

    private static boolean continuable(String key) {
        if (CONTINUABLE.contains(key)) {
            return true;
        }
        // The algorithm may not change: one algorithm's state does not continue another's.
        return OPTIMIZERS.stream().anyMatch(o -> key.startsWith(o + ".") && !key.equals(o + ".type"));
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

    private static Map<String, Object> comparable(String yaml, boolean lengthMatters) {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = new LinkedHashMap<>((Map<String, Object>) new Load(LoadSettings.builder().build())
                .loadFromString(yaml));
        map.remove("output");
        map.remove("health");
        map.remove("eval");
        if (map.get("train") instanceof Map<?, ?> train) {
            Map<Object, Object> copy = new LinkedHashMap<>(train);
            if (!lengthMatters) {
                copy.remove("steps");
            }
            map.put("train", copy);
        }
        if (map.get("data") instanceof Map<?, ?> data) {
            Map<Object, Object> copy = new LinkedHashMap<>(data);
            copy.remove("workers");
            map.put("data", copy);
        }
        return map;
    }

    private static void differences(String prefix, Object a, Object b, List<Change> out) {
        if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
            Set<Object> keys = new LinkedHashSet<>(ma.keySet());
            keys.addAll(mb.keySet());
            for (Object key : keys) {
                differences(prefix.isEmpty() ? key.toString() : prefix + "." + key, ma.get(key), mb.get(key), out);
            }
        } else if (!Objects.equals(a, b)) {
            out.add(new Change(prefix, a, b));
        }
    }
}
