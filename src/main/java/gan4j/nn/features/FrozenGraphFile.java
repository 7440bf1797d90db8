package gan4j.nn.features;

import gan4j.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.nd4j.shade.protobuf.CodedInputStream;
import org.nd4j.shade.protobuf.InvalidProtocolBufferException;
import org.tensorflow.framework.AttrValue;
import org.tensorflow.framework.GraphDef;
import org.tensorflow.framework.NodeDef;
import org.tensorflow.framework.TensorShapeProto;

/**
 * A user's TensorFlow frozen graph ({@code GraphDef} protobuf) read as hostile input: bounded in
 * size, parsed as data only (protobuf, no Java deserialization, no code), with its one image input
 * and its feature output found or checked.
 */
public record FrozenGraphFile(Path path, String sha256, GraphDef graph, String input, String output,
                              int height, int width, int channels) {

    /** Inception-v3's frozen graph is about 95 MB; anything past this is not a feature network. */
    public static final long MAX_BYTES = 512L << 20;

    private static final Set<String> NOT_OUTPUTS = Set.of("Const", "Placeholder", "NoOp", "Assert");

    /**
     * Reads {@code path}; {@code input} and {@code output} name the nodes to use, or are null to take
     * the graph's only placeholder and its only node whose result nothing else consumes.
     */
    public static FrozenGraphFile read(Path path, String input, String output) {
        long size;
        try {
            size = Files.size(path);
        } catch (IOException e) {
            throw new ConfigException("--features " + path + " cannot be read (" + e.getMessage()
                    + "); give a TensorFlow frozen graph (.pb) file.");
        }
        if (size > MAX_BYTES) {
            throw new ConfigException(String.format(java.util.Locale.ROOT, "--features %s is %d MB, more than the"
                    + " %d MB a feature network may be (Inception-v3 is 95 MB); give a TensorFlow frozen graph (.pb).",
                    path, size >> 20, MAX_BYTES >> 20));
        }
        MessageDigest digest = newDigest();
        GraphDef graph;
        try (InputStream in = new DigestInputStream(Files.newInputStream(path), digest)) {
            CodedInputStream coded = CodedInputStream.newInstance(in);
            coded.setSizeLimit((int) MAX_BYTES);
            graph = GraphDef.parseFrom(coded);
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (InvalidProtocolBufferException e) {
            throw notAGraph(path, "it does not parse as a GraphDef protobuf");
        } catch (IOException e) {
            throw new ConfigException("--features " + path + " cannot be read (" + e.getMessage()
                    + "); give a TensorFlow frozen graph (.pb) file.");
        }
        if (graph.getNodeCount() == 0) {
            throw notAGraph(path, "it holds no graph nodes");
        }
        NodeDef inputNode = input == null ? onlyPlaceholder(path, graph) : node(path, graph, input, "--features-input");
        String outputName = output == null ? onlySink(path, graph) : node(path, graph, output, "--features-output")
                .getName();
        List<Long> dims = inputNode.getAttrOrDefault("shape", AttrValue.getDefaultInstance()).getShape()
                .getDimList().stream().map(TensorShapeProto.Dim::getSize).toList();
        if (!inputNode.getOp().equals("Placeholder") || dims.size() != 4 || dims.subList(1, 4).contains(-1L)
                || dims.get(3) != 1 && dims.get(3) != 3) {
            throw new ConfigException("--features " + path + ": input '" + inputNode.getName() + "' is " + inputNode
                    .getOp() + " of shape " + dims + ", but a feature network takes a placeholder of images"
                    + " [batch, height, width, 1 or 3] (TensorFlow's NHWC) with height and width fixed.");
        }
        return new FrozenGraphFile(path, HexFormat.of().formatHex(digest.digest()), graph, inputNode.getName(),
                outputName, Math.toIntExact(dims.get(1)), Math.toIntExact(dims.get(2)), Math.toIntExact(dims.get(3)));
    }

    private static NodeDef onlyPlaceholder(Path path, GraphDef graph) {
        List<NodeDef> placeholders = graph.getNodeList().stream().filter(n -> n.getOp().equals("Placeholder"))
                .toList();
        if (placeholders.size() != 1) {
            throw new ConfigException("--features " + path + " has " + placeholders.size() + " placeholders "
                    + placeholders.stream().map(NodeDef::getName).toList() + "; name the image input with"
                    + " --features-input NAME.");
        }
        return placeholders.get(0);
    }

    private static String onlySink(Path path, GraphDef graph) {
        Set<String> consumed = new HashSet<>();
        graph.getNodeList().forEach(n -> n.getInputList().forEach(i -> consumed.add(i.replaceFirst("^\\^", "")
                .replaceFirst(":\\d+$", ""))));
        List<String> sinks = graph.getNodeList().stream().filter(n -> !consumed.contains(n.getName())
                && !NOT_OUTPUTS.contains(n.getOp())).map(NodeDef::getName).toList();
        if (sinks.size() != 1) {
            throw new ConfigException("--features " + path + " has " + sinks.size() + " final nodes "
                    + sinks.subList(0, Math.min(5, sinks.size())) + "; name the feature layer with"
                    + " --features-output NAME.");
        }
        return sinks.get(0);
    }

    private static NodeDef node(Path path, GraphDef graph, String name, String option) {
        return graph.getNodeList().stream().filter(n -> n.getName().equals(name)).findFirst()
                .orElseThrow(() -> new ConfigException(option + " " + name + " is not a node of " + path
                        + "; its placeholders are " + graph.getNodeList().stream()
                        .filter(n -> n.getOp().equals("Placeholder")).map(NodeDef::getName).toList() + "."));
    }

    private static ConfigException notAGraph(Path path, String why) {
        return new ConfigException("--features " + path + " is not a TensorFlow frozen graph (" + why
                + "); give a GraphDef .pb file such as scripts/export-inception writes.");
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
