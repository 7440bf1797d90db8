package gan4j.sweep;

import gan4j.config.ConfigValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** One run of a sweep: its index and the dotted keys it sets on top of the base config, in file order. */
public record SweepPoint(int index, Map<String, ConfigValue> overrides) {

    public SweepPoint {
        overrides = Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
    }

    /** The run's folder name inside {@code DIR/runs}: the index, zero-padded so folders sort in order. */
    public String folder() {
        return folder(index);
    }

    static String folder(int index) {
        return String.format(java.util.Locale.ROOT, "%03d", index);
    }
}
