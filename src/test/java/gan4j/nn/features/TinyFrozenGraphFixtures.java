package gan4j.nn.features;

import java.util.Random;

/** Seeded stand-in weights for the test network, for tests that need a graph but no reference. */
public final class TinyFrozenGraphFixtures {

    private TinyFrozenGraphFixtures() {
    }

    /** Uniform weights in [-0.2, 0.2] of the size {@code name} has in the test network, seeded by its name. */
    public static float[] seeded(String name) {
        int size = switch (name) {
            case "conv1" -> 3 * 3 * 3 * 8;
            case "bias1" -> 8;
            case "conv2" -> 3 * 3 * 8 * 16;
            case "bias2" -> 16;
            case "dense" -> 16 * 7 * 7 * TinyFrozenGraph.FEATURES;
            case "bias3" -> TinyFrozenGraph.FEATURES;
            default -> throw new IllegalArgumentException(name);
        };
        Random random = new Random(name.hashCode());
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = (random.nextFloat() - 0.5f) * 0.4f;
        }
        return values;
    }
}
