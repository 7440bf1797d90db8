package gan4j.sweep;

import gan4j.config.ConfigException;
import gan4j.config.ConfigLoader;
import gan4j.config.ConfigValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A sweep file, checked: the base config, the keys set for every run, the grid (a cartesian
 * product), the zipped lists (paired by position) and the seeds. Values keep their lines, so the
 * config loader names the sweep file where a value is wrong.
 */
public record SweepFile(Path file, Path base, Map<String, ConfigValue> set, Map<String, List<ConfigValue>> grid,
                        Map<String, List<ConfigValue>> zip, List<ConfigValue> seeds) {

    private static final Set<String> KEYS = Set.of("base", "set", "grid", "zip", "seeds");
    static final String SEED = "seed";

    public SweepFile {
        set = Collections.unmodifiableMap(new LinkedHashMap<>(set));
        grid = Collections.unmodifiableMap(new LinkedHashMap<>(grid));
        zip = Collections.unmodifiableMap(new LinkedHashMap<>(zip));
        seeds = List.copyOf(seeds);
    }

    /** Reads and checks {@code file}; every problem is one sentence naming its line. */
    public static SweepFile read(Path file) {
        ConfigValue.Mapping root = ConfigLoader.readTree(file);
        root.entries().forEach((key, value) -> {
            if (!KEYS.contains(key)) {
                throw new ConfigException(value.location() + ": unknown key '" + key + "' in a sweep file;"
                        + " allowed: base, set, grid, zip, seeds.");
            }
        });
        ConfigValue baseValue = root.entries().get("base");
        if (!(baseValue instanceof ConfigValue.Scalar scalar) || scalar.isNull() || scalar.text().isBlank()) {
            throw new ConfigException((baseValue == null ? root.location() : baseValue.location())
                    + ": base: the config every run starts from is missing; write for example"
                    + " 'base: ../configs/dcgan-fashion-mnist.yaml' (relative to the sweep file).");
        }
        Path parent = file.toAbsolutePath().getParent();
        Path base = parent.resolve(scalar.text().strip()).normalize();
        if (!Files.isRegularFile(base)) {
            throw new ConfigException(scalar.location() + ": base " + base + " does not exist; give a config file"
                    + " relative to the sweep file or an absolute path.");
        }

        Map<String, ConfigValue> set = mapping(root, "set");
        Map<String, List<ConfigValue>> grid = lists(root, "grid");
        Map<String, List<ConfigValue>> zip = lists(root, "zip");
        int zipLength = -1;
        String zipFirst = null;
        for (Map.Entry<String, List<ConfigValue>> entry : zip.entrySet()) {
            if (zipLength >= 0 && entry.getValue().size() != zipLength) {
                throw new ConfigException(location(root, "zip", entry.getKey()) + ": zip." + entry.getKey() + " has "
                        + entry.getValue().size() + " values but zip." + zipFirst + " has " + zipLength
                        + "; zipped lists are paired by position, so give them the same length.");
            }
            zipLength = entry.getValue().size();
            zipFirst = entry.getKey();
        }
        List<ConfigValue> seeds = List.of();
        ConfigValue seedValue = root.entries().get("seeds");
        if (seedValue != null) {
            seeds = items(seedValue, "seeds");
        }
        checkDisjoint(root, set, grid, zip, !seeds.isEmpty());
        return new SweepFile(file, base, set, grid, zip, seeds);
    }

    private static Map<String, ConfigValue> mapping(ConfigValue.Mapping root, String key) {
        ConfigValue value = root.entries().get(key);
        if (value == null || value instanceof ConfigValue.Scalar scalar && scalar.isNull()) {
            return Map.of();
        }
        if (!(value instanceof ConfigValue.Mapping mapping)) {
            throw new ConfigException(value.location() + ": " + key + " must map dotted keys to values, for"
                    + " example '" + key + ": {train.steps: 20000}'.");
        }
        return new LinkedHashMap<>(mapping.entries());
    }

    private static Map<String, List<ConfigValue>> lists(ConfigValue.Mapping root, String key) {
        Map<String, List<ConfigValue>> lists = new LinkedHashMap<>();
        mapping(root, key).forEach((dotted, value) -> lists.put(dotted, items(value, key + "." + dotted)));
        return lists;
    }

    private static List<ConfigValue> items(ConfigValue value, String key) {
        if (!(value instanceof ConfigValue.Sequence sequence) || sequence.items().isEmpty()) {
            throw new ConfigException(value.location() + ": " + key + " must be a non-empty list of values, for"
                    + " example " + (key.equals("seeds") ? "[1, 2, 3]" : "[1.0e-4, 2.0e-4]") + ".");
        }
        return new ArrayList<>(sequence.items());
    }

    private static void checkDisjoint(ConfigValue.Mapping root, Map<String, ConfigValue> set,
                                      Map<String, List<ConfigValue>> grid, Map<String, List<ConfigValue>> zip,
                                      boolean seeds) {
        Map<String, String> owner = new LinkedHashMap<>();
        for (String section : List.of("set", "grid", "zip")) {
            Map<String, ?> keys = switch (section) {
                case "set" -> set;
                case "grid" -> grid;
                default -> zip;
            };
            for (String key : keys.keySet()) {
                String earlier = owner.putIfAbsent(key, section);
                if (earlier != null) {
                    throw new ConfigException(location(root, section, key) + ": " + key + " is swept in both "
                            + earlier + " and " + section + "; give each key in one of them.");
                }
                if (seeds && key.equals(SEED)) {
                    throw new ConfigException(location(root, section, key) + ": seed is given here and by seeds;"
                            + " list the seeds under seeds only.");
                }
            }
        }
    }

    private static Object location(ConfigValue.Mapping root, String section, String key) {
        return ((ConfigValue.Mapping) root.entries().get(section)).entries().get(key).location();
    }
}
