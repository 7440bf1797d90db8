package gan4j.nn;

import gan4j.io.BoundedZip.ZipFormatException;
import gan4j.io.BoundedZip;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.shade.jackson.core.JsonProcessingException;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.nd4j.shade.jackson.databind.node.ArrayNode;
import org.nd4j.shade.jackson.databind.node.ObjectNode;

/**
 * A network's trained state as two zip entries gan4j writes and reads itself: {@code NAME.json}, its
 * configuration, kept to be compared (read as a plain JSON tree, never bound to classes) and
 * {@code NAME.bin}, its parameters, updater state and iteration counts as raw numbers. Restoring
 * fills a network the caller built from trusted metadata, so loading a file never deserializes
 * objects or instantiates classes the file names.
 */
public final class NetworkSnapshot {

    private static final byte[] MAGIC = "GAN4JNET".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = 1;
    private static final int MAX_JSON_BYTES = 16 << 20;
    /** Numbers per write: bounds the buffer, whatever the network's size. */
    private static final int CHUNK = 1 << 16;

    /** DL4J's field names for a layer's updaters, and the field naming an updater's kind. */
    private static final Set<String> UPDATER_FIELDS = Set.of("iupdater", "biasUpdater");
    private static final String KIND = "@class";

    private NetworkSnapshot() {
    }

    /** The entry names a snapshot of {@code name} occupies. */
    public static Set<String> entries(String name) {
        return Set.of(name + ".json", name + ".bin");
    }

    public static void write(Network net, String name, ZipOutputStream zip) throws IOException {
        zip.putNextEntry(new ZipEntry(name + ".json"));
        zip.write(net.configurationJson().getBytes(StandardCharsets.UTF_8));
        zip.putNextEntry(new ZipEntry(name + ".bin"));
        INDArray params = net.params();
        INDArray updater = net.updaterState();
        DataOutputStream out = new DataOutputStream(zip);
        out.write(MAGIC);
        out.writeInt(VERSION);
        out.writeByte(code(params.dataType()));
        out.writeInt(net.iterationCount());
        out.writeInt(net.epochCount());
        out.writeLong(params.length());
        out.writeLong(updater == null ? 0 : updater.length());
        writeValues(params, out);
        if (updater != null) {
            writeValues(updater, out);
        }
        out.flush();
    }

    /**
     * Loads the snapshot {@code name} into {@code fresh}, a network built from the same configuration
     * as the one saved; throws {@link ZipFormatException} when the entries do not fit it.
     */
    public static void restore(BoundedZip zip, String name, Network fresh) throws IOException {
        byte[] json = zip.read(name + ".json", MAX_JSON_BYTES);
        INDArray params = fresh.params();
        INDArray updater = fresh.updaterState();
        long updaterLength = updater == null ? 0 : updater.length();
        try (DataInputStream in = new DataInputStream(zip.stream(name + ".bin"))) {
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC) || in.readInt() != VERSION) {
                throw new ZipFormatException("its entry '" + name + ".bin' is not a gan4j network snapshot");
            }
            if (in.readByte() != code(params.dataType())) {
                throw new ZipFormatException("its " + name + " holds numbers of another precision than "
                        + params.dataType() + ", which its configuration says");
            }
            int iterations = in.readInt();
            int epochs = in.readInt();
            long paramCount = in.readLong();
            long updaterCount = in.readLong();
            if (iterations < 0 || epochs < 0 || paramCount != params.length() || updaterCount != updaterLength) {
                throw new ZipFormatException("its " + name + " holds " + paramCount + " parameters and "
                        + updaterCount + " optimizer values, where its configuration builds a network with "
                        + params.length() + " and " + updaterLength);
            }
            readValues(in, params, name);
            if (updater != null) {
                readValues(in, updater, name);
            }
            if (in.read() != -1) {
                throw new ZipFormatException("its entry '" + name + ".bin' goes on past its last number");
            }
            fresh.setCounts(iterations, epochs);
        } catch (java.io.EOFException e) {
            throw new ZipFormatException("its entry '" + name + ".bin' is cut short");
        }
        if (!sameLayout(fresh.configurationJson(), new String(json, StandardCharsets.UTF_8))) {
            throw new ZipFormatException("its " + name + " was built with a network layout this gan4j does not"
                    + " build from the same configuration (another gan4j version)");
        }
    }

    /**
     * Whether two configurations build the same network: equal but for the optimizer's
     * hyperparameters (learning rate, schedule, betas), which a resumed run may change. The
     * optimizer's kind must match, since its state only continues a network of the same kind.
     */
    static boolean sameLayout(String built, String stored) {
        if (built.equals(stored)) {
            return true;
        }
        // The tree reader recurses once per level: a crafted "[[[[..." must not overflow the stack.
        if (nesting(stored) > nesting(built)) {
            return false;
        }
        ObjectMapper json = new ObjectMapper();
        try {
            // A plain tree: the reader never instantiates the classes the JSON names.
            JsonNode ours = withoutOptimizerSettings(json.readTree(built));
            return ours.equals(withoutOptimizerSettings(json.readTree(stored)));
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    /** The deepest nesting of objects and arrays in {@code json}, brackets inside strings aside. */
    static int nesting(String json) {
        int depth = 0;
        int deepest = 0;
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                deepest = Math.max(deepest, ++depth);
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        return deepest;
    }

    private static JsonNode withoutOptimizerSettings(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.fields().forEachRemaining(field -> {
                if (UPDATER_FIELDS.contains(field.getKey()) && field.getValue() instanceof ObjectNode updater) {
                    updater.retain(KIND);
                } else {
                    withoutOptimizerSettings(field.getValue());
                }
            });
        } else if (node instanceof ArrayNode array) {
            array.forEach(NetworkSnapshot::withoutOptimizerSettings);
        }
        return node;
    }

    private static byte code(DataType type) {
        return switch (type) {
            case FLOAT -> 1;
            case DOUBLE -> 2;
            default -> throw new IllegalArgumentException("snapshots hold float or double networks, not " + type);
        };
    }

    private static void writeValues(INDArray values, OutputStream out) throws IOException {
        boolean isDouble = values.dataType() == DataType.DOUBLE;
        ByteBuffer buffer = ByteBuffer.allocate((isDouble ? 8 : 4) * CHUNK).order(ByteOrder.LITTLE_ENDIAN);
        if (isDouble) {
            for (double v : values.toDoubleVector()) {
                buffer.putDouble(v);
                drainIfFull(buffer, out);
            }
        } else {
            for (float v : values.toFloatVector()) {
                buffer.putFloat(v);
                drainIfFull(buffer, out);
            }
        }
        drain(buffer, out);
    }

    private static void drainIfFull(ByteBuffer buffer, OutputStream out) throws IOException {
        if (!buffer.hasRemaining()) {
            drain(buffer, out);
        }
    }

    private static void drain(ByteBuffer buffer, OutputStream out) throws IOException {
        out.write(buffer.array(), 0, buffer.position());
        buffer.clear();
    }

    /**
     * Reads exactly {@code target.length()} numbers into {@code target}; the length comes from the
     * network the caller built, never from the file, so a damaged header cannot make it allocate more.
     */
    private static void readValues(InputStream in, INDArray target, String name) throws IOException {
        boolean isDouble = target.dataType() == DataType.DOUBLE;
        int count = Math.toIntExact(target.length());
        int size = Math.multiplyExact(count, isDouble ? 8 : 4);
        byte[] bytes = in.readNBytes(size);
        if (bytes.length != size) {
            throw new ZipFormatException("its entry '" + name + ".bin' is cut short");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        INDArray values;
        if (isDouble) {
            double[] v = new double[count];
            buffer.asDoubleBuffer().get(v);
            values = Nd4j.createFromArray(v);
        } else {
            float[] v = new float[count];
            buffer.asFloatBuffer().get(v);
            values = Nd4j.createFromArray(v);
        }
        target.assign(values.reshape(target.shape()));
    }
}
