package gan4j.data;

import static gan4j.data.DatasetPackerTest.assertSameSamples;
import static gan4j.data.DatasetPackerTest.sample;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gan4j.config.DataConfig;
import gan4j.run.Datasets;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackedDatasetTest {

    private static final byte[] LABELS = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5};

    @TempDir
    Path dir;

    private Path file;
    private IdxDataset source;

    @BeforeEach
    void packAnIdxPair() throws IOException {
        Path idx = dir.resolve("digits");
        TestImages.writeIdxPair(idx, 3, 2, LABELS, 7);
        source = IdxDataset.inDirectory(idx, IdxDataset.ALL);
        file = dir.resolve("digits.gan4j");
        new DatasetPacker(2, 100, new PrintWriter(new StringWriter())).packIdx(idx, file);
    }

    @Test
    void readsTheImagesAndLabelsItWasPackedFrom() {
        try (PackedDataset packed = PackedDataset.open(file, PackedDataset.ALL)) {
            assertSameSamples(source, packed);
            assertEquals(64, packed.sourceHash().length());
            assertTrue(packed.describe().startsWith("packed " + file + " (11 images 3x2 grey, 10 classes, from IDX"),
                    packed.describe());
        }
    }

    @Test
    void limitKeepsTheFirstImages() {
        try (PackedDataset three = PackedDataset.open(file, 3)) {
            assertEquals(3, three.size());
            for (int i = 0; i < 3; i++) {
                assertArrayEquals(sample(source, i), sample(three, i));
                assertEquals(LABELS[i], three.label(i));
            }
            assertThrows(IndexOutOfBoundsException.class, () -> three.read(3, new float[6], 0));
            assertThrows(IndexOutOfBoundsException.class, () -> three.label(3));
        }
        assertEquals(LABELS.length, PackedDataset.open(file, 1000).size());
    }

    @Test
    void datasetsOpensAPackedConfigHonouringItsLimit() {
        try (Dataset all = Datasets.open(new DataConfig.Packed(file, OptionalInt.empty(), 1), 0);
                Dataset four = Datasets.open(new DataConfig.Packed(file, OptionalInt.of(4), 1), 0)) {
            assertEquals(LABELS.length, all.size());
            assertEquals(4, four.size());
            assertArrayEquals(sample(all, 3), sample(four, 3));
        }
    }

    @Test
    void manyMappedRegionsReadLikeOne() {
        try (PackedDataset one = PackedDataset.open(file, PackedDataset.ALL)) {
            // 6-byte images: 20-byte regions hold 3 whole images each, so 11 images take 4 regions.
            for (long regionBytes : new long[] {20, 6, 5}) {
                assertSameSamples(one, PackedDataset.open(file, PackedDataset.ALL, regionBytes));
                assertSameSamples(PackedDataset.open(file, 7), PackedDataset.open(file, 7, regionBytes));
            }
        }
    }

    @Test
    void wrongMagicSaysItIsNotAPackedFile() throws IOException {
        DataException e = damage(bytes -> {
            bytes[0] = 'X';
            return bytes;
        });
        assertEquals(file + " is not a gan4j packed dataset (it does not start with GAN4JPAK): point data.path at"
                + " a file written by gan data pack, or re-create it with gan data pack.", e.getMessage());

        Path idx = dir.resolve("digits/train-images-idx3-ubyte.gz");
        e = assertThrows(DataException.class, () -> PackedDataset.open(idx, PackedDataset.ALL));
        assertTrue(e.getMessage().startsWith(idx + " is not a gan4j packed dataset"), e.getMessage());
        Files.write(file, new byte[0]);
        e = assertThrows(DataException.class, () -> PackedDataset.open(file, PackedDataset.ALL));
        assertTrue(e.getMessage().startsWith(file + " is not a gan4j packed dataset"), e.getMessage());
    }

    @Test
    void truncatedFileIsReported() throws IOException {
        byte[] whole = Files.readAllBytes(file);
        for (int length : new int[] {whole.length - 1, whole.length - 4 * LABELS.length, 40, 12}) {
            DataException e = damage(bytes -> Arrays.copyOf(whole, length));
            assertEquals(file + " is truncated (shorter than its header declares): re-create it with gan data pack.",
                    e.getMessage(), "cut to " + length + " bytes");
        }
        DataException longer = damage(bytes -> Arrays.copyOf(whole, whole.length + 1));
        assertTrue(longer.getMessage().contains("bytes long where its header makes it"), longer.getMessage());
    }

    @Test
    void otherVersionsAndImpossibleFieldsAreRejected() throws IOException {
        DataException version = damage(bytes -> withInt(bytes, 8, 2));
        assertEquals(file + " is packed format version 2, but this gan4j reads version 1: re-create it with"
                + " gan data pack.", version.getMessage());

        DataException channels = damage(bytes -> withInt(bytes, 20, 2));
        assertTrue(channels.getMessage().startsWith(file + " declares 11 images of 2x3x2"), channels.getMessage());

        DataException classes = damage(bytes -> withInt(bytes, 64, 0));
        assertTrue(classes.getMessage().startsWith(file + " declares 0 classes"), classes.getMessage());

        // A class name whose length runs past the header.
        DataException name = damage(bytes -> withInt(bytes, 68, 1 << 20));
        assertTrue(name.getMessage().contains("text field of 1048576 bytes"), name.getMessage());

        DataException label = damage(bytes -> withInt(bytes, bytes.length - 4, 10));
        assertTrue(label.getMessage().startsWith(file + " gives image 10 label 10 of only 10 classes"),
                label.getMessage());
        assertTrue(label.getMessage().endsWith("re-create it with gan data pack."), label.getMessage());
    }

    @Test
    void missingFileSaysHowToCreateIt() {
        Path missing = dir.resolve("nowhere.gan4j");
        DataException e = assertThrows(DataException.class, () -> PackedDataset.open(missing, PackedDataset.ALL));
        assertEquals(missing + " does not exist: create it with gan data pack --input FOLDER --size 64 --out "
                + missing + ".", e.getMessage());
    }

    @Test
    void datasetWithoutSourceFilesPacksToo() throws IOException {
        Path out = dir.resolve("copy.gan4j");
        DatasetPacker.Summary summary = new DatasetPacker(1, 100, new PrintWriter(new StringWriter()))
                .pack(source, new DatasetPacker.Source("a test dataset", dir, List.of()), out);
        assertEquals(LABELS.length, summary.images());
        try (PackedDataset packed = PackedDataset.open(out, PackedDataset.ALL)) {
            assertSameSamples(source, packed);
            assertEquals("a test dataset", packed.source());
            // SHA-256 of nothing: no source file was named.
            assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", packed.sourceHash());
        }
    }

    private DataException damage(UnaryOperator<byte[]> change) throws IOException {
        byte[] original = Files.readAllBytes(file);
        Files.write(file, change.apply(original.clone()));
        try {
            return assertThrows(DataException.class, () -> PackedDataset.open(file, PackedDataset.ALL));
        } finally {
            Files.write(file, original);
        }
    }

    private static byte[] withInt(byte[] bytes, int offset, int value) {
        ByteBuffer.wrap(bytes).putInt(offset, value);
        return bytes;
    }
}
