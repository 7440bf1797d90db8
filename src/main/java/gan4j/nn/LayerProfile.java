package gan4j.nn;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import org.deeplearning4j.nn.api.Layer;

/** Wall time a network spent in each layer's forward and backward pass and in its updates. */
public final class LayerProfile {

    private final long[] forwardNanos;
    private final long[] backwardNanos;
    private long updateNanos;

    LayerProfile(int layers) {
        forwardNanos = new long[layers];
        backwardNanos = new long[layers];
    }

    void forward(int layer, long nanos) {
        forwardNanos[layer] += nanos;
    }

    void backward(int layer, long nanos) {
        backwardNanos[layer] += nanos;
    }

    void update(long nanos) {
        updateNanos += nanos;
    }

    /** Forgets what was recorded so far (a benchmark's warm-up steps). */
    public void reset() {
        Arrays.fill(forwardNanos, 0);
        Arrays.fill(backwardNanos, 0);
        updateNanos = 0;
    }

    /** Milliseconds per step for each layer (named by {@code names}, in this profile's order), forward and backward. */
    void print(String title, String[] names, long steps, PrintStream out) {
        out.printf(Locale.ROOT, "%s, ms per step: layer, forward, backward%n", title);
        double forward = 0;
        double backward = 0;
        for (int i = 0; i < names.length; i++) {
            double f = forwardNanos[i] / 1e6 / steps;
            double b = backwardNanos[i] / 1e6 / steps;
            forward += f;
            backward += b;
            out.printf(Locale.ROOT, "  %2d %-22s %8.1f %8.1f%n", i, names[i], f, b);
        }
        out.printf(Locale.ROOT, "     %-22s %8.1f %8.1f%n", "all layers", forward, backward);
        out.printf(Locale.ROOT, "     %-22s %8.1f%n", "optimizer update", updateNanos / 1e6 / steps);
    }

    /** gan4j's layers are nested Instance classes of their configuration; name them by that. */
    static String name(Layer layer) {
        Class<?> type = layer.getClass();
        return (type.getEnclosingClass() != null ? type.getEnclosingClass() : type).getSimpleName();
    }
}
