package gan4j.nn.features;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Conv2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.tensorflow.framework.GraphDef;
import org.tensorflow.framework.NodeDef;

/**
 * Restores the SAME padding of imported TensorFlow convolutions: M2.1's mapping sets a field its
 * configuration no longer has ({@code isSameMode}), so every SAME {@code Conv2D} came in as VALID
 * and shrank the image (measured: 28x28 became 26x26).
 */
final class ConvolutionPadding {

    /** libnd4j's conv2d integer argument holding the padding mode (0 VALID, 1 SAME). */
    private static final int PADDING_MODE_ARGUMENT = 8;

    private ConvolutionPadding() {
    }

    /**
     * The op's integer arguments, which libnd4j reads at execution: its only remover takes an
     * {@code Integer} and so never matches the {@code Long}s it holds, leaving reflection.
     */
    @SuppressWarnings("unchecked")
    private static List<Long> integerArguments(Conv2D conv) {
        try {
            Field field = DynamicCustomOp.class.getDeclaredField("iArguments");
            field.setAccessible(true);
            return (List<Long>) field.get(conv);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("nd4j-api 1.0.0-M2.1 keeps a custom op's integer arguments in"
                    + " DynamicCustomOp.iArguments", e);
        }
    }

    /** Sets SAME on every convolution of {@code imported} whose node in {@code graph} asks for it. */
    static void restore(SameDiff imported, GraphDef graph) {
        Map<String, NodeDef> nodes = graph.getNodeList().stream()
                .collect(Collectors.toMap(NodeDef::getName, Function.identity(), (a, b) -> a));
        for (DifferentialFunction op : imported.ops()) {
            NodeDef node = nodes.get(op.getOwnName());
            if (op instanceof Conv2D conv && node != null && node.containsAttr("padding")
                    && node.getAttrOrThrow("padding").getS().toStringUtf8().equals("SAME")) {
                conv.getConfig().setPaddingMode(PaddingMode.SAME);
                integerArguments(conv).set(PADDING_MODE_ARGUMENT, 1L);
            }
        }
    }
}
