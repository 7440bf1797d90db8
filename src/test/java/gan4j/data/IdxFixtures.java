package gan4j.data;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/** Small IDX pairs of random 28×28 images for tests that need a labelled image folder on disk. */
public final class IdxFixtures {

    private IdxFixtures() {
    }

    /**
     * Writes uncompressed {@code <split>-images-idx3-ubyte} and {@code <split>-labels-idx1-ubyte}
     * ({@code split} is "train" or "t10k") with {@code count} images labelled {@code i % classes}.
     */
    public static void write(Path directory, String split, int count, int classes, long seed) throws IOException {
        Files.createDirectories(directory);
        SplittableRandom random = new SplittableRandom(seed);
        byte[] pixels = new byte[count * 28 * 28];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) random.nextInt(256);
        }
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            labels[i] = (byte) (i % classes);
        }
        Files.write(directory.resolve(split + "-images-idx3-ubyte"), idx(0x0803, new int[] {count, 28, 28}, pixels));
        Files.write(directory.resolve(split + "-labels-idx1-ubyte"), idx(0x0801, new int[] {count}, labels));
    }

    private static byte[] idx(int magic, int[] dims, byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(magic);
            for (int d : dims) {
                out.writeInt(d);
            }
            out.write(data);
        }
        return bytes.toByteArray();
    }
}
