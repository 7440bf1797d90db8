package gan4j.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Parses YAML into a {@link ConfigValue} tree with line numbers.
 *
 * <p>It composes nodes rather than constructing objects, so no YAML tag can instantiate a class.
 */
final class YamlTree {

    private YamlTree() {
    }

    static ConfigValue.Mapping parse(String yaml, String source) {
        LoadSettings settings = LoadSettings.builder().setLabel(source).setAllowDuplicateKeys(false).build();
        Optional<Node> root;
        try {
            root = new Compose(settings).composeString(yaml);
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(0);
            throw new ConfigException(new Location(source, line) + ": not valid YAML: " + firstLine(e.getProblem())
                    + ". Fix the syntax at that line.");
        } catch (YamlEngineException e) {
            throw new ConfigException(source + ": not valid YAML: " + firstLine(e.getMessage()));
        }
        if (root.isEmpty()) {
            return new ConfigValue.Mapping(new LinkedHashMap<>(), new Location(source, 1));
        }
        ConfigValue value = convert(root.get(), source);
        if (!(value instanceof ConfigValue.Mapping mapping)) {
            throw new ConfigException(value.location() + ": the top level of a config must be a mapping of keys"
                    + " (for example 'seed: 1'), not a single value or list.");
        }
        return mapping;
    }

    private static ConfigValue convert(Node node, String source) {
        Location at = new Location(source, node.getStartMark().map(m -> m.getLine() + 1).orElse(0));
        if (node instanceof ScalarNode scalar) {
            return new ConfigValue.Scalar(scalar.getValue(), Tag.NULL.equals(scalar.getTag()), at);
        }
        if (node instanceof SequenceNode sequence) {
            List<ConfigValue> items = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                items.add(convert(item, source));
            }
            return new ConfigValue.Sequence(items, at);
        }
        if (node instanceof MappingNode mapping) {
            LinkedHashMap<String, ConfigValue> entries = new LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                    throw new ConfigException(at + ": keys must be plain names.");
                }
                entries.put(key.getValue(), convert(tuple.getValueNode(), source));
            }
            return new ConfigValue.Mapping(entries, at);
        }
        throw new ConfigException(at + ": anchors and aliases are not supported in configs; write the value out.");
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "syntax error";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
