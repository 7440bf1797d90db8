package gan4j.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionEndEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
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
 * Composing shares one node between an anchor and its aliases, so a walk would expand them
 * silently (and forever for {@code x: &a [*a]}); the events are therefore checked first for
 * anchors and nesting depth, and duplicate keys, which composing keeps as separate tuples, during
 * the walk.
 */
final class YamlTree {

    /** Configs are a few dozen lines; anything this large is the wrong file. */
    static final int MAX_BYTES = 1 << 20;
    static final String MAX_SIZE = "1 MiB";
    /** The presets nest three levels; this leaves room and keeps the recursive walk shallow. */
    static final int MAX_DEPTH = 32;

    private final String source;
    /** Off for a {@code --set} value: its messages name the assignment, which has no lines. */
    private final boolean numberLines;

    private YamlTree(String source, boolean numberLines) {
        this.source = source;
        this.numberLines = numberLines;
    }

    static ConfigValue.Mapping parse(String yaml, String source) {
        YamlTree tree = new YamlTree(source, true);
        Optional<Node> root = tree.compose(yaml);
        if (root.isEmpty()) {
            return new ConfigValue.Mapping(new LinkedHashMap<>(), new Location(source, 1));
        }
        ConfigValue value = tree.convert(root.get(), "");
        if (!(value instanceof ConfigValue.Mapping mapping)) {
            throw new ConfigException(value.location() + ": the top level of a config must be a mapping of keys"
                    + " (for example 'seed: 1'), not a single value or list.");
        }
        return mapping;
    }

    /** The value of {@code --set key=text}, every part of it located at {@code source}. */
    static ConfigValue parseValue(String key, String text, String source) {
        YamlTree tree = new YamlTree(source, false);
        MappingNode wrapper = (MappingNode) tree.compose("value: " + text).orElseThrow();
        return tree.convert(wrapper.getValue().get(0).getValueNode(), key);
    }

    private Optional<Node> compose(String yaml) {
        if (yaml.length() > MAX_BYTES) {
            throw new ConfigException(source + ": more than " + MAX_SIZE + " of YAML; a config is a few dozen"
                    + " lines, so check that this is the right file.");
        }
        LoadSettings settings = LoadSettings.builder().setLabel(source).setCodePointLimit(MAX_BYTES).build();
        try {
            checkEvents(new Parse(settings).parseString(yaml));
            return new Compose(settings).composeString(yaml);
        } catch (MarkedYamlEngineException e) {
            throw new ConfigException(at(e.getProblemMark()) + ": not valid YAML: " + firstLine(e.getProblem())
                    + (numberLines ? ". Fix the syntax at that line." : "; quote the value if it is text."));
        } catch (YamlEngineException e) {
            throw new ConfigException(source + ": not valid YAML: " + firstLine(e.getMessage()));
        }
    }

    private void checkEvents(Iterable<Event> events) {
        int depth = 0;
        for (Event event : events) {
            if (event instanceof NodeEvent node && node.getAnchor().isPresent()) {
                String written = (event instanceof AliasEvent ? "*" : "&") + node.getAnchor().get().getValue();
                throw new ConfigException(at(event.getStartMark()) + ": anchors and aliases such as '"
                        + written + "' are not supported in configs; write the value out in full.");
            }
            if (event instanceof CollectionStartEvent && ++depth > MAX_DEPTH) {
                throw new ConfigException(at(event.getStartMark()) + ": values are nested more than "
                        + MAX_DEPTH + " levels deep; a config needs only a few.");
            }
            if (event instanceof CollectionEndEvent) {
                depth--;
            }
        }
    }

    private ConfigValue convert(Node node, String path) {
        Location at = at(node.getStartMark());
        if (node instanceof ScalarNode scalar) {
            return new ConfigValue.Scalar(scalar.getValue(), Tag.NULL.equals(scalar.getTag()), at);
        }
        if (node instanceof SequenceNode sequence) {
            List<ConfigValue> items = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                items.add(convert(item, path + "[" + items.size() + "]"));
            }
            return new ConfigValue.Sequence(items, at);
        }
        MappingNode mapping = (MappingNode) node;
        LinkedHashMap<String, ConfigValue> entries = new LinkedHashMap<>();
        Map<String, Location> keys = new HashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                throw new ConfigException(at + ": keys must be plain names.");
            }
            String keyPath = path.isEmpty() ? key.getValue() : path + "." + key.getValue();
            Location keyAt = at(key.getStartMark());
            Location first = keys.putIfAbsent(key.getValue(), keyAt);
            if (first != null) {
                throw new ConfigException(keyAt + ": " + keyPath + (numberLines ? " is already set at line "
                        + first.line() : " is set twice") + "; keep one of them.");
            }
            entries.put(key.getValue(), convert(tuple.getValueNode(), keyPath));
        }
        return new ConfigValue.Mapping(entries, at);
    }

    private Location at(Optional<Mark> mark) {
        return new Location(source, numberLines ? mark.map(m -> m.getLine() + 1).orElse(0) : 0);
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "syntax error";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
