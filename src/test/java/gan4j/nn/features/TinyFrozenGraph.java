package gan4j.nn.features;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.nd4j.shade.protobuf.ByteString;
import org.tensorflow.framework.AttrValue;
import org.tensorflow.framework.DataType;
import org.tensorflow.framework.GraphDef;
import org.tensorflow.framework.NodeDef;
import org.tensorflow.framework.TensorProto;
import org.tensorflow.framework.TensorShapeProto;

/**
 * Writes the test network (conv 3x3 to 8, ReLU, max-pool 2, conv 3x3 to 16, ReLU, average-pool 2,
 * dense to 32) as a TensorFlow frozen GraphDef in the nodes TensorFlow's freezing writes for it
 * (Placeholder, Const, Conv2D, BiasAdd, Relu, MaxPool, AvgPool, Reshape, MatMul): NHWC placeholder
 * "images", weights as Const nodes, output "features".
 */
public final class TinyFrozenGraph {

    static final int SIDE = 28;
    static final int FEATURES = 32;

    private TinyFrozenGraph() {
    }

    /** The graph with the weights {@code weights} returns by name, in TensorFlow layouts. */
    public static void write(Path file, Function<String, float[]> weights) throws java.io.IOException {
        GraphDef graph = GraphDef.newBuilder()
                .addNode(node("images", "Placeholder", List.of(), Map.of("dtype", type(), "shape",
                        AttrValue.newBuilder().setShape(shape(-1, SIDE, SIDE, 3)).build())))
                .addNode(constant("conv1/w", weights.apply("conv1"), 3, 3, 3, 8))
                .addNode(constant("conv1/b", weights.apply("bias1"), 8))
                .addNode(constant("conv2/w", weights.apply("conv2"), 3, 3, 8, 16))
                .addNode(constant("conv2/b", weights.apply("bias2"), 16))
                .addNode(constant("dense/w", weights.apply("dense"), 16 * 7 * 7, FEATURES))
                .addNode(constant("dense/b", weights.apply("bias3"), FEATURES))
                .addNode(NodeDef.newBuilder().setName("flat/shape").setOp("Const")
                        .putAttr("dtype", AttrValue.newBuilder().setType(DataType.DT_INT32).build())
                        .putAttr("value", AttrValue.newBuilder().setTensor(TensorProto.newBuilder()
                                .setDtype(DataType.DT_INT32).setTensorShape(shape(2)).addIntVal(-1)
                                .addIntVal(16 * 7 * 7)).build()).build())
                .addNode(conv("conv1/conv", "images", "conv1/w"))
                .addNode(node("conv1/bias", "BiasAdd", List.of("conv1/conv", "conv1/b"), Map.of("T", type())))
                .addNode(node("conv1/relu", "Relu", List.of("conv1/bias"), Map.of("T", type())))
                .addNode(pool("pool1", "MaxPool", "conv1/relu"))
                .addNode(conv("conv2/conv", "pool1", "conv2/w"))
                .addNode(node("conv2/bias", "BiasAdd", List.of("conv2/conv", "conv2/b"), Map.of("T", type())))
                .addNode(node("conv2/relu", "Relu", List.of("conv2/bias"), Map.of("T", type())))
                .addNode(pool("pool2", "AvgPool", "conv2/relu"))
                .addNode(node("flat", "Reshape", List.of("pool2", "flat/shape"), Map.of("T", type(), "Tshape",
                        AttrValue.newBuilder().setType(DataType.DT_INT32).build())))
                .addNode(node("dense/matmul", "MatMul", List.of("flat", "dense/w"), Map.of("T", type(),
                        "transpose_a", AttrValue.newBuilder().setB(false).build(),
                        "transpose_b", AttrValue.newBuilder().setB(false).build())))
                .addNode(node("features", "BiasAdd", List.of("dense/matmul", "dense/b"), Map.of("T", type())))
                .build();
        Files.write(file, graph.toByteArray());
    }

    /** Reads a little-endian float32 file as the reference script writes them. */
    public static float[] floats(Path file) {
        try {
            ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
            float[] values = new float[bytes.remaining() / 4];
            bytes.asFloatBuffer().get(values);
            return values;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static NodeDef conv(String name, String input, String filter) {
        return node(name, "Conv2D", List.of(input, filter), Map.of("T", type(), "strides", ints(1, 1, 1, 1),
                "padding", text("SAME"), "data_format", text("NHWC")));
    }

    private static NodeDef pool(String name, String op, String input) {
        return node(name, op, List.of(input), Map.of("T", type(), "ksize", ints(1, 2, 2, 1), "strides",
                ints(1, 2, 2, 1), "padding", text("VALID"), "data_format", text("NHWC")));
    }

    private static NodeDef constant(String name, float[] values, long... dims) {
        ByteBuffer content = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        content.asFloatBuffer().put(values);
        return node(name, "Const", List.of(), Map.of("dtype", type(), "value", AttrValue.newBuilder()
                .setTensor(TensorProto.newBuilder().setDtype(DataType.DT_FLOAT).setTensorShape(shape(dims))
                        .setTensorContent(ByteString.copyFrom(content.array()))).build()));
    }

    private static NodeDef node(String name, String op, List<String> inputs, Map<String, AttrValue> attrs) {
        return NodeDef.newBuilder().setName(name).setOp(op).addAllInput(inputs).putAllAttr(attrs).build();
    }

    private static TensorShapeProto shape(long... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (long d : dims) {
            shape.addDim(TensorShapeProto.Dim.newBuilder().setSize(d));
        }
        return shape.build();
    }

    private static AttrValue type() {
        return AttrValue.newBuilder().setType(DataType.DT_FLOAT).build();
    }

    private static AttrValue text(String value) {
        return AttrValue.newBuilder().setS(ByteString.copyFromUtf8(value)).build();
    }

    private static AttrValue ints(long... values) {
        AttrValue.ListValue.Builder list = AttrValue.ListValue.newBuilder();
        for (long v : values) {
            list.addI(v);
        }
        return AttrValue.newBuilder().setList(list).build();
    }
}
