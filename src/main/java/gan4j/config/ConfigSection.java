package gan4j.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Strict, typed reading of one mapping of a configuration.
 *
 * <p>Every read records the effective value (given or default) into a resolved tree, so the run
 * directory can hold the complete configuration; {@link #finish()} rejects keys nobody read.
 */
public final class ConfigSection {

    private final ConfigValue.Mapping mapping;
    private final String path;
    private final Set<String> known = new LinkedHashSet<>();
    private final Map<String, Object> resolved;

    private ConfigSection(ConfigValue.Mapping mapping, String path, Map<String, Object> resolved) {
        this.mapping = mapping;
        this.path = path;
        this.resolved = resolved;
    }

    static ConfigSection root(ConfigValue.Mapping mapping, Map<String, Object> resolved) {
        return new ConfigSection(mapping, "", resolved);
    }

    /** Where this section was written, for messages about it as a whole. */
    public Location location() {
        return mapping.location();
    }

    /** The dotted key of {@code key} in this section, as users write it in {@code --set}. */
    public String keyPath(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    public boolean has(String key) {
        return mapping.entries().containsKey(key);
    }

    public int integer(String key, int defaultValue, int min, int max) {
        long value = longInteger(key, defaultValue, min, max);
        return (int) value;
    }

    public long longInteger(String key, long defaultValue, long min, long max) {
        ConfigValue.Scalar scalar = scalar(key);
        long value;
        if (scalar == null) {
            value = defaultValue;
        } else {
            try {
                value = Long.parseLong(scalar.text().trim().replace("_", ""));
            } catch (NumberFormatException e) {
                throw error(scalar, key, "must be a whole number, got '" + scalar.text() + "'");
            }
            if (value < min || value > max) {
                throw error(scalar, key, "must be " + range(min, max) + ", got " + value);
            }
        }
        resolved.put(key, value);
        return value;
    }

    public double real(String key, double defaultValue, double min, double max) {
        ConfigValue.Scalar scalar = scalar(key);
        double value;
        if (scalar == null) {
            value = defaultValue;
        } else {
            try {
                value = Double.parseDouble(scalar.text().trim());
            } catch (NumberFormatException e) {
                throw error(scalar, key, "must be a number, got '" + scalar.text() + "'");
            }
            if (!(value >= min && value <= max)) {
                throw error(scalar, key, "must be between " + min + " and " + max + ", got " + scalar.text());
            }
        }
        resolved.put(key, value);
        return value;
    }

    public boolean bool(String key, boolean defaultValue) {
        ConfigValue.Scalar scalar = scalar(key);
        boolean value = defaultValue;
        if (scalar != null) {
            String text = scalar.text().trim().toLowerCase(Locale.ROOT);
            if (text.equals("true")) {
                value = true;
            } else if (text.equals("false")) {
                value = false;
            } else {
                throw error(scalar, key, "must be true or false, got '" + scalar.text() + "'");
            }
        }
        resolved.put(key, value);
        return value;
    }

    public String string(String key, String defaultValue) {
        ConfigValue.Scalar scalar = scalar(key);
        String value = scalar == null ? defaultValue : scalar.text();
        if (value == null) {
            throw new ConfigException(mapping.location() + ": " + keyPath(key) + " is required.");
        }
        resolved.put(key, value);
        return value;
    }

    /** A string restricted to {@code allowed}; the message lists them when it is something else. */
    public String choice(String key, String defaultValue, List<String> allowed) {
        String value = string(key, defaultValue);
        if (!allowed.contains(value)) {
            ConfigValue.Scalar scalar = scalar(key);
            throw error(scalar, key, "must be one of " + String.join(", ", allowed) + ", got '" + value + "'");
        }
        return value;
    }

    /**
     * One constant of {@code type}, written in YAML as its lower-case name; the message lists them all
     * when it is something else.
     */
    public <E extends Enum<E>> E choice(String key, E defaultValue, Class<E> type) {
        List<String> allowed = java.util.Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(java.util.Locale.ROOT)).toList();
        String value = choice(key, defaultValue.name().toLowerCase(java.util.Locale.ROOT), allowed);
        return type.getEnumConstants()[allowed.indexOf(value)];
    }

    /**
     * A list of constants of {@code type}, each written as its lower-case name; the message names the
     * item and lists the allowed names when one is something else.
     */
    public <E extends Enum<E>> List<E> choices(String key, List<E> defaultValue, Class<E> type) {
        known.add(key);
        ConfigValue value = mapping.entries().get(key);
        List<E> result = new ArrayList<>();
        if (value == null || (value instanceof ConfigValue.Scalar s && s.isNull())) {
            result.addAll(defaultValue);
        } else if (value instanceof ConfigValue.Sequence seq) {
            List<String> allowed = java.util.Arrays.stream(type.getEnumConstants())
                    .map(e -> e.name().toLowerCase(Locale.ROOT)).toList();
            for (int i = 0; i < seq.items().size(); i++) {
                ConfigValue item = seq.items().get(i);
                int at = item instanceof ConfigValue.Scalar s ? allowed.indexOf(s.text().trim()) : -1;
                if (at < 0) {
                    String given = item instanceof ConfigValue.Scalar s ? "'" + s.text() + "'" : "a list or mapping";
                    throw error(item, key + "[" + i + "]", "must be one of " + String.join(", ", allowed)
                            + ", got " + given);
                }
                result.add(type.getEnumConstants()[at]);
            }
        } else {
            throw error(value, key, "must be a list, for example '" + key + ": [" + type.getEnumConstants()[0].name()
                    .toLowerCase(Locale.ROOT) + "]'");
        }
        resolved.put(key, result.stream().map(e -> e.name().toLowerCase(Locale.ROOT)).toList());
        return List.copyOf(result);
    }

    /** A nested mapping; an absent key reads as an empty one, so its defaults apply. */
    public ConfigSection section(String key) {
        known.add(key);
        ConfigValue value = mapping.entries().get(key);
        LinkedHashMap<String, Object> child = new LinkedHashMap<>();
        resolved.put(key, child);
        if (value == null || (value instanceof ConfigValue.Scalar s && s.isNull())) {
            return new ConfigSection(new ConfigValue.Mapping(new LinkedHashMap<>(), mapping.location()), keyPath(key),
                    child);
        }
        if (!(value instanceof ConfigValue.Mapping m)) {
            throw error(value, key, "must be a mapping of keys, for example '" + key + ": {type: ...}'");
        }
        return new ConfigSection(m, keyPath(key), child);
    }

    /**
     * A nested mapping that switches a feature on by being there: absent or null reads as empty
     * (the feature off, and the resolved tree says null), anything else as {@link #section}.
     */
    public java.util.Optional<ConfigSection> optionalSection(String key) {
        ConfigValue value = mapping.entries().get(key);
        if (value == null || (value instanceof ConfigValue.Scalar s && s.isNull())) {
            known.add(key);
            resolved.put(key, null);
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(section(key));
    }

    /** A list of mappings; absent reads as empty. */
    public List<ConfigSection> sections(String key) {
        known.add(key);
        ConfigValue value = mapping.entries().get(key);
        List<Object> child = new ArrayList<>();
        resolved.put(key, child);
        List<ConfigSection> out = new ArrayList<>();
        if (value == null || (value instanceof ConfigValue.Scalar s && s.isNull())) {
            return out;
        }
        if (!(value instanceof ConfigValue.Sequence seq)) {
            throw error(value, key, "must be a list, for example '" + key + ": [{type: ...}]'");
        }
        for (int i = 0; i < seq.items().size(); i++) {
            ConfigValue item = seq.items().get(i);
            if (!(item instanceof ConfigValue.Mapping m)) {
                throw error(item, key + "[" + i + "]", "must be a mapping such as {type: ...}");
            }
            LinkedHashMap<String, Object> itemResolved = new LinkedHashMap<>();
            child.add(itemResolved);
            out.add(new ConfigSection(m, keyPath(key) + "[" + i + "]", itemResolved));
        }
        return out;
    }

    /** Fails on any key that no reader asked for, naming it and the keys allowed here. */
    public void finish() {
        for (Map.Entry<String, ConfigValue> entry : mapping.entries().entrySet()) {
            if (!known.contains(entry.getKey())) {
                throw new ConfigException(entry.getValue().location() + ": unknown key '" + keyPath(entry.getKey())
                        + "'; allowed here: " + String.join(", ", known) + ".");
            }
        }
    }

    /** An error about the value of {@code key}, located where it was written. */
    public ConfigException invalid(String key, String problem) {
        ConfigValue value = mapping.entries().get(key);
        return error(value == null ? mapping : value, key, problem);
    }

    private ConfigValue.Scalar scalar(String key) {
        known.add(key);
        ConfigValue value = mapping.entries().get(key);
        if (value == null || (value instanceof ConfigValue.Scalar s && s.isNull())) {
            return null;
        }
        if (!(value instanceof ConfigValue.Scalar s)) {
            throw error(value, key, "must be a single value, not a list or mapping");
        }
        return s;
    }

    private ConfigException error(ConfigValue at, String key, String problem) {
        return new ConfigException(at.location() + ": " + keyPath(key) + " " + problem + ".");
    }

    private static String range(long min, long max) {
        if (max == Long.MAX_VALUE || max == Integer.MAX_VALUE) {
            return "at least " + min;
        }
        return "between " + min + " and " + max;
    }
}
