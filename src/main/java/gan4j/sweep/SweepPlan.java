package gan4j.sweep;

import gan4j.config.ConfigException;
import gan4j.config.ConfigValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The runs a sweep file stands for: every combination of the grid, for each position of the zipped
 * lists, once per seed (seeds vary fastest, then the zip, then the grid's last key), each with the
 * {@code set} keys.
 */
public final class SweepPlan {

    /** More runs than a sweep directory or a scheduler's array should hold; a typo in a list is likelier. */
    static final int MAX_RUNS = 10_000;

    private SweepPlan() {
    }

    public static List<SweepPoint> expand(SweepFile sweep) {
        long count = (long) Math.max(1, sweep.seeds().size()) * zipLength(sweep);
        for (List<ConfigValue> values : sweep.grid().values()) {
            count *= values.size();
        }
        if (count > MAX_RUNS) {
            throw new ConfigException(sweep.file() + ": the sweep expands to " + count + " runs, more than "
                    + MAX_RUNS + "; shorten its grid, zip or seeds lists, or split it into several sweeps.");
        }
        List<Map<String, ConfigValue>> combinations = new ArrayList<>();
        combinations.add(new LinkedHashMap<>(sweep.set()));
        for (Map.Entry<String, List<ConfigValue>> axis : sweep.grid().entrySet()) {
            combinations = times(combinations, axis.getKey(), axis.getValue());
        }
        combinations = zipped(combinations, sweep.zip());
        if (!sweep.seeds().isEmpty()) {
            combinations = times(combinations, SweepFile.SEED, sweep.seeds());
        }
        List<SweepPoint> points = new ArrayList<>();
        for (Map<String, ConfigValue> overrides : combinations) {
            points.add(new SweepPoint(points.size(), overrides));
        }
        return points;
    }

    private static int zipLength(SweepFile sweep) {
        return sweep.zip().values().stream().findFirst().map(List::size).orElse(1);
    }

    private static List<Map<String, ConfigValue>> times(List<Map<String, ConfigValue>> combinations, String key,
                                                        List<ConfigValue> values) {
        List<Map<String, ConfigValue>> product = new ArrayList<>();
        for (Map<String, ConfigValue> combination : combinations) {
            for (ConfigValue value : values) {
                Map<String, ConfigValue> extended = new LinkedHashMap<>(combination);
                extended.put(key, value);
                product.add(extended);
            }
        }
        return product;
    }

    private static List<Map<String, ConfigValue>> zipped(List<Map<String, ConfigValue>> combinations,
                                                         Map<String, List<ConfigValue>> zip) {
        if (zip.isEmpty()) {
            return combinations;
        }
        int length = zip.values().iterator().next().size();
        List<Map<String, ConfigValue>> product = new ArrayList<>();
        for (Map<String, ConfigValue> combination : combinations) {
            for (int i = 0; i < length; i++) {
                Map<String, ConfigValue> extended = new LinkedHashMap<>(combination);
                for (Map.Entry<String, List<ConfigValue>> list : zip.entrySet()) {
                    extended.put(list.getKey(), list.getValue().get(i));
                }
                product.add(extended);
            }
        }
        return product;
    }
}
