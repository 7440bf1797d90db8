package gan4j.config;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;

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
            String[] parts = key.split("\\.", -1);
            if (Arrays.stream(parts).anyMatch(String::isBlank)) {
                throw new ConfigException(at + ": the key needs a name between every dot, for example"
                        + " --set train.steps=500.");
            }
            if (text.isBlank()) {
                throw new ConfigException(at + ": no value after '='; give one, or write " + key
                        + "=null to use the default.");
            }
            ConfigValue value = YamlTree.parseValue(key, text, at.source());
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
    }
}
