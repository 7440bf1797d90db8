package gan4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxDatasetTest {

    // Three 2x3 images whose bytes cover the ends and the middle of the uint8 range.
    private static final byte[] PIXELS = {
        0, 51, (byte) 255, 10, 20, 30,
        1, 2, 3, 4, 5, 6,
        (byte) 200, (byte) 201, (byte) 202, (byte) 203, (byte) 204, (byte) 205,
    };
    private static final byte[] LABELS = {7, 0, 9};

    @TempDir
    Path dir;

    @Test
    void readsPlainIdxAndScalesToMinusOneOne() throws IOException {
        writePair(dir, false);
        IdxDataset data = IdxDataset.inDirectory(dir, List.of(), IdxDataset.ALL);

        assertEquals(3, data.size());
        assertArrayEquals(new long[] {1, 2, 3}, data.sampleShape());
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), data.classNames());
        assertEquals(7, data.label(0));
        assertEquals(9, data.label(2));

        float[] dst = new float[8];
        data.read(0, dst, 2);
        assertArrayEquals(new float[] {0, 0, -1f, 51 / 127.5f - 1, 1f, 10 / 127.5f - 1, 20 / 127.5f - 1,
            30 / 127.5f - 1}, dst, 1e-7f);
    }

    @Test
    void gzippedFileGivesTheSameSamples() throws IOException {
        Path plain = Files.createDirectory(dir.resolve("plain"));
        Path gz = Files.createDirectory(dir.resolve("gz"));
        writePair(plain, false);
        writePair(gz, true);
        assertTrue(Files.exists(gz.resolve("train-images-idx3-ubyte.gz")));

        IdxDataset a = IdxDataset.inDirectory(plain, List.of(), IdxDataset.ALL);
        IdxDataset b = IdxDataset.inDirectory(gz, List.of(), IdxDataset.ALL);
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(sample(a, i), sample(b, i));
            assertEquals(a.label(i), b.label(i));
        }
    }

    @Test
    void limitKeepsTheFirstImages() throws IOException {
        writePair(dir, true);
        IdxDataset all = IdxDataset.inDirectory(dir, List.of(), IdxDataset.ALL);
        IdxDataset two = IdxDataset.inDirectory(dir, List.of(), 2);
        assertEquals(2, two.size());
        assertArrayEquals(sample(all, 1), sample(two, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> two.read(2, new float[6], 0));
    }

    @Test
    void suppliedClassNamesMustCoverEveryLabel() throws IOException {
        writePair(dir, false);
        List<String> ten = IdxDataset.FASHION_MNIST_CLASSES;
        assertEquals("Ankle boot", ten.get(IdxDataset.inDirectory(dir, ten, IdxDataset.ALL).label(2)));
        DataException e = assertThrows(DataException.class,
                () -> IdxDataset.inDirectory(dir, List.of("a", "b"), IdxDataset.ALL));
        assertTrue(e.getMessage().contains("label 9"), e.getMessage());
    }

    @Test
    void badMagicNamesTheFile() throws IOException {
        writePair(dir, false);
        // Swap the two files: the images path now holds a rank-1 labels file.
        Path images = dir.resolve("train-images-idx3-ubyte");
        Path labels = dir.resolve("train-labels-idx1-ubyte");
        DataException e = assertThrows(DataException.class,
                () -> IdxDataset.open(labels, images, List.of(), IdxDataset.ALL));
        assertTrue(e.getMessage().startsWith(labels + " is not an unsigned-byte IDX file of rank 3"),
                e.getMessage());
        assertTrue(e.getMessage().contains("0x00000801"), e.getMessage());
    }

    @Test
    void truncatedFileIsReported() throws IOException {
        writePair(dir, false);
        Path images = dir.resolve("train-images-idx3-ubyte");
        byte[] whole = Files.readAllBytes(images);
        Files.write(images, Arrays.copyOf(whole, whole.length - 1));
        DataException e = assertThrows(DataException.class,
                () -> IdxDataset.inDirectory(dir, List.of(), IdxDataset.ALL));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void missingFileNamesItAndTheFashionMnistPackage() throws IOException {
        writePair(dir, false);
        Files.delete(dir.resolve("train-labels-idx1-ubyte"));
        DataException e = assertThrows(DataException.class,
                () -> IdxDataset.inDirectory(dir, List.of(), IdxDataset.ALL));
        assertTrue(e.getMessage().contains("train-labels-idx1-ubyte.gz in " + dir), e.getMessage());
        assertTrue(e.getMessage().contains("apt-get install dataset-fashion-mnist"), e.getMessage());

        DataException noDir = assertThrows(DataException.class,
                () -> IdxDataset.inDirectory(dir.resolve("nowhere"), List.of(), IdxDataset.ALL));
        assertTrue(noDir.getMessage().startsWith("Folder " + dir.resolve("nowhere") + " does not exist"));
    }

    @Test
    void realFashionMnistTrainingSet() {
        Path installed = Path.of("/usr/share/datasets/fashion-mnist");
        assumeTrue(Files.exists(installed.resolve("train-images-idx3-ubyte.gz")),
                "Fashion-MNIST is not installed");
        IdxDataset data = IdxDataset.inDirectory(installed, IdxDataset.FASHION_MNIST_CLASSES, IdxDataset.ALL);

        assertEquals(60_000, data.size());
        assertArrayEquals(new long[] {1, 28, 28}, data.sampleShape());
        int[] perClass = new int[10];
        for (int i = 0; i < data.size(); i++) {
            perClass[data.label(i)]++;
        }
        // Fashion-MNIST's training set is balanced: 6,000 images per class.
        int[] balanced = new int[10];
        Arrays.fill(balanced, 6000);
        assertArrayEquals(balanced, perClass);

        float[] first = sample(data, 0);
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float v : first) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertEquals(-1f, min);
        assertTrue(max > 0.5f && max <= 1f, "max " + max);
        assertEquals("Ankle boot", data.classNames().get(data.label(0)));
    }

    private static float[] sample(Dataset data, int index) {
        float[] dst = new float[(int) (data.channels() * data.height() * data.width())];
        data.read(index, dst, 0);
        return dst;
    }

    private static void writePair(Path directory, boolean gzip) throws IOException {
        String suffix = gzip ? ".gz" : "";
        Files.write(directory.resolve("train-images-idx3-ubyte" + suffix), idx(gzip, 0x803, PIXELS, 3, 2, 3));
        Files.write(directory.resolve("train-labels-idx1-ubyte" + suffix), idx(gzip, 0x801, LABELS, 3));
    }

    private static byte[] idx(boolean gzip, int magic, byte[] data, int... dims) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream sink = gzip ? new GZIPOutputStream(bytes) : bytes;
                DataOutputStream out = new DataOutputStream(sink)) {
            out.writeInt(magic);
            for (int d : dims) {
                out.writeInt(d);
            }
            out.write(data);
        }
        return bytes.toByteArray();
    }
}
