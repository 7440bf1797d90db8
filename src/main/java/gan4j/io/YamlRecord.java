package gan4j.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * A small YAML mapping that gan4j wrote itself (checkpoint metadata), read back as strictly as a
 * user's configuration: no aliases of collections, no duplicate keys, a bounded size, and typed
 * accessors that say which key is wrong instead of failing with a ClassCastException.
 */
public final class YamlRecord {

    private static final int MAX_CODE_POINTS = 1 << 20;

    private final Map<?, ?> map;

    private YamlRecord(Map<?, ?> map) {
        this.map = map;
    }

    /** Parses {@code text}; throws {@link IllegalArgumentException} saying what is wrong. */
    public static YamlRecord parse(String text) {
        LoadSettings settings = LoadSettings.builder().setAllowDuplicateKeys(false).setMaxAliasesForCollections(0)
                .setAllowRecursiveKeys(false).setCodePointLimit(MAX_CODE_POINTS).build();
        Object parsed;
        try {
            parsed = new Load(settings).loadFromString(text);
        } catch (YamlEngineException e) {
            throw new IllegalArgumentException("it is not valid YAML (" + firstLine(e.getMessage()) + ")");
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("it is not a YAML mapping");
        }
        return new YamlRecord(map);
    }

    private Object required(String key) {
        Object value = map.get(key);
        if (value == null) {
            throw new IllegalArgumentException("it has no " + key);
        }
        return value;
    }

    public boolean has(String key) {
        return map.containsKey(key);
    }

    public long integer(String key, long min, long max) {
        if (!(required(key) instanceof Number n) || n instanceof Double || n.longValue() < min
                || n.longValue() > max) {
            throw new IllegalArgumentException("its " + key + " is not a whole number in " + min + ".." + max);
        }
        return n.longValue();
    }

    public double real(String key) {
        if (!(required(key) instanceof Number n)) {
            throw new IllegalArgumentException("its " + key + " is not a number");
        }
        return n.doubleValue();
    }

    public String string(String key, int maxLength) {
        if (!(required(key) instanceof String s) || s.length() > maxLength) {
            throw new IllegalArgumentException("its " + key + " is not a text of at most " + maxLength + " characters");
        }
        return s;
    }

    public List<String> strings(String key, int maxItems, int maxLength) {
        List<String> out = new ArrayList<>();
        for (Object item : list(key, maxItems)) {
            if (!(item instanceof String s) || s.length() > maxLength) {
                throw new IllegalArgumentException("its " + key + " holds an item that is not a text of at most "
                        + maxLength + " characters");
            }
            out.add(s);
        }
        return out;
    }

    public long[] integers(String key, int maxItems, long min, long max) {
        List<?> items = list(key, maxItems);
        long[] out = new long[items.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(items.get(i) instanceof Number n) || n instanceof Double || n.longValue() < min
                    || n.longValue() > max) {
                throw new IllegalArgumentException("its " + key + " holds an item that is not a whole number in "
                        + min + ".." + max);
            }
            out[i] = n.longValue();
        }
        return out;
    }

    /** A mapping of text keys to scalars (text, numbers, booleans), such as provenance. */
    public Map<String, Object> scalars(String key, int maxItems) {
        if (!(required(key) instanceof Map<?, ?> inner) || inner.size() > maxItems) {
            throw new IllegalArgumentException("its " + key + " is not a mapping of at most " + maxItems + " items");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : inner.entrySet()) {
            Object v = e.getValue();
            if (!(e.getKey() instanceof String k) || !(v instanceof String || v instanceof Number
                    || v instanceof Boolean)) {
                throw new IllegalArgumentException("its " + key + " holds an item that is not text: scalar");
            }
            out.put(k, v);
        }
        return out;
    }

    private List<?> list(String key, int maxItems) {
        if (!(required(key) instanceof List<?> items) || items.size() > maxItems) {
            throw new IllegalArgumentException("its " + key + " is not a list of at most " + maxItems + " items");
        }
        return items;
    }

    private static String firstLine(String message) {
        String m = message == null ? "unreadable" : message.strip();
        int newline = m.indexOf('\n');
        return newline < 0 ? m : m.substring(0, newline);
    }
}
