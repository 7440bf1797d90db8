package gan4j.config;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Applies {@code --set a.b.c=value} assignments onto a parsed configuration tree. */
final class Overrides {

    private Overrides() {
    }

    static void apply(ConfigValue.Mapping root, List<String> assignments) {
        for (String assignment : assignments) {
            int eq = assignment.indexOf('=');
            if (eq <= 0) {
                throw new ConfigException("--set " + assignment + ": expected key=value with a dotted key,"
                        + " for example --set train.steps=500.");
            }
            String key = assignment.substring(0, eq).trim();
            String text = assignment.substring(eq + 1);
            if (text.contains("\n") || text.contains("\r")) {
                throw new ConfigException("--set " + key + "=...: the value spans several lines; give one value"
                        + " on one line, for example --set train.steps=500.");
            }
            Location at = Location.ofOverride(assignment);
            checkKey(key, at);
            if (text.isBlank()) {
                throw new ConfigException(at + ": no value after '='; give one, or write " + key
                        + "=null to use the default.");
            }
            put(root, key, YamlTree.parseValue(key, text, at.source()), at);
        }
    }

    /**
     * Sets each dotted key to its value, which keeps the location it was written at (a sweep file's
     * line), so a value the config rejects is reported where the user wrote it.
     */
    static void applyValues(ConfigValue.Mapping root, Map<String, ConfigValue> values) {
        for (Map.Entry<String, ConfigValue> entry : values.entrySet()) {
            Location at = entry.getValue().location();
            checkKey(entry.getKey(), at);
            put(root, entry.getKey(), copy(entry.getValue()), at);
        }
    }

    private static void checkKey(String key, Location at) {
        if (Arrays.stream(key.split("\\.", -1)).anyMatch(String::isBlank)) {
            throw new ConfigException(at + ": the key needs a name between every dot, for example train.steps.");
        }
    }

    private static void put(ConfigValue.Mapping root, String key, ConfigValue value, Location at) {
        String[] parts = key.split("\\.", -1);
        ConfigValue.Mapping node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            ConfigValue child = node.entries().get(parts[i]);
            if (child == null) {
                child = new ConfigValue.Mapping(new LinkedHashMap<>(), at);
                node.entries().put(parts[i], child);
            }
            if (!(child instanceof ConfigValue.Mapping mapping)) {
                throw new ConfigException(at + ": '" + String.join(".", List.of(parts).subList(0, i + 1))
                        + "' is not a mapping, so it has no key '" + parts[i + 1] + "'.");
            }
            node = mapping;
        }
        node.entries().put(parts[parts.length - 1], value);
    }

    /** A private copy: later keys may write into a mapping value, which other runs of a sweep share. */
    private static ConfigValue copy(ConfigValue value) {
        if (value instanceof ConfigValue.Sequence sequence) {
            return new ConfigValue.Sequence(sequence.items().stream().map(Overrides::copy).toList(),
                    sequence.location());
        }
        if (value instanceof ConfigValue.Mapping mapping) {
            LinkedHashMap<String, ConfigValue> entries = new LinkedHashMap<>();
            mapping.entries().forEach((k, v) -> entries.put(k, copy(v)));
            return new ConfigValue.Mapping(entries, mapping.location());
        }
        return value;
    }
}
