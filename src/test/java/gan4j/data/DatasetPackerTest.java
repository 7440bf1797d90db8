package gan4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gan4j.data.DatasetPacker.Summary;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

class DatasetPackerTest {

    private static final int SIZE = 8;
    private static final float ONE_STEP = 1 / 127.5f;

    @TempDir
    Path dir;

    private final StringWriter progress = new StringWriter();

    @Test
    void packedFolderReadsBackWhatImageFolderDatasetGives() throws IOException {
        Path images = dir.resolve("images");
        TestImages.writeNoise(images.resolve("cats/a.png"), 20, 13, 1);
        TestImages.writeNoise(images.resolve("cats/b.jpg"), 9, 9, 2);
        TestImages.writeNoise(images.resolve("dogs/c.png"), 6, 11, 3);
        TestImages.writeNoise(images.resolve("dogs/sub/d.jpeg"), 31, 30, 4);
        Path out = dir.resolve("images.gan4j");

        for (int channels : new int[] {3, 1}) {
            Summary summary = packer(2).packFolder(images, SIZE, channels, out);
            ImageFolderDataset folder = ImageFolderDataset.open(images, SIZE, channels);
            try (PackedDataset packed = PackedDataset.open(out, PackedDataset.ALL)) {
                assertEquals(4, summary.images());
                assertEquals(List.of(), summary.skipped());
                assertSameSamples(folder, packed);
                assertEquals("image folder " + images, packed.source());
            }
        }
    }

    @Test
    void packedIdxReadsBackWhatIdxDatasetGivesAndTheManifestSaysSo() throws IOException {
        Path idx = dir.resolve("fashion-like");
        byte[] labels = {9, 0, 0, 3, 9, 2, 7};
        TestImages.writeIdxPair(idx, 5, 4, labels, 42);
        Path out = dir.resolve("out/fm.gan4j");

        Summary summary = packer(3).packIdx(idx, out);
        IdxDataset source = IdxDataset.inDirectory(idx, IdxDataset.ALL);
        try (PackedDataset packed = PackedDataset.open(out, PackedDataset.ALL)) {
            assertSameSamples(source, packed);
            assertEquals(IdxDataset.FASHION_MNIST_CLASSES, packed.classNames());
            assertEquals(summary.sourceHash(), packed.sourceHash());

            assertEquals(out.resolveSibling("fm.gan4j.manifest.yaml"), summary.manifest());
            Map<?, ?> manifest = (Map<?, ?>) new Load(LoadSettings.builder().build())
                    .loadFromString(Files.readString(summary.manifest()));
            assertEquals("gan4j packed dataset", manifest.get("format"));
            assertEquals(1, manifest.get("format_version"));
            assertEquals(7, manifest.get("images"));
            assertEquals(1, manifest.get("channels"));
            assertEquals(5, manifest.get("height"));
            assertEquals(4, manifest.get("width"));
            assertEquals(IdxDataset.FASHION_MNIST_CLASSES, manifest.get("classes"));
            Map<?, ?> perClass = (Map<?, ?>) manifest.get("images_per_class");
            assertEquals(2, perClass.get("T-shirt/top"));
            assertEquals(2, perClass.get("Ankle boot"));
            assertEquals(0, perClass.get("Bag"));
            assertEquals("IDX folder " + idx, manifest.get("source"));
            assertEquals(2, manifest.get("source_files"));
            assertEquals("sha256:" + packed.sourceHash(), manifest.get("source_hash"));
            assertEquals(List.of(), manifest.get("skipped_files"));
        }
        assertEquals(Files.size(out), summary.bytes());
    }

    @Test
    void unreadableFilesAreLeftOutAndListed() throws IOException {
        Path images = dir.resolve("images");
        TestImages.writeNoise(images.resolve("a/1.png"), 10, 10, 1);
        Files.writeString(images.resolve("a/2.jpg"), "this is not a JPEG");
        TestImages.writeNoise(images.resolve("a/3.png"), 10, 10, 3);
        TestImages.writeNoise(images.resolve("b/1.png"), 10, 10, 4);
        Path out = dir.resolve("images.gan4j");

        Summary summary = packer(2).packFolder(images, SIZE, 3, out);
        assertEquals(3, summary.images());
        assertEquals(1, summary.skipped().size());
        assertEquals(images.resolve("a/2.jpg"), summary.skipped().get(0).file());

        ImageFolderDataset folder = ImageFolderDataset.open(images, SIZE, 3);
        try (PackedDataset packed = PackedDataset.open(out, PackedDataset.ALL)) {
            int[] goodFiles = {0, 2, 3};
            for (int i = 0; i < goodFiles.length; i++) {
                assertArrayEquals(sample(folder, goodFiles[i]), sample(packed, i), ONE_STEP / 2);
                assertEquals(folder.label(goodFiles[i]), packed.label(i));
            }
        }
        Map<?, ?> manifest = (Map<?, ?>) new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(summary.manifest()));
        List<?> skipped = (List<?>) manifest.get("skipped_files");
        assertEquals("a/2.jpg", ((Map<?, ?>) skipped.get(0)).get("file"));
        assertEquals(4, manifest.get("source_files"));
    }

    @Test
    void theLargestSizeThePackerAcceptsPacksWithoutOverflowingItsBuffers() throws IOException {
        // 4096 x 4096 x 3 bytes per image: 64 of them in one task would be 3.2 GB, past an int.
        Path images = dir.resolve("images");
        TestImages.writeNoise(images.resolve("a.png"), 16, 16, 1);
        TestImages.writeNoise(images.resolve("b.png"), 16, 16, 2);
        Summary summary = packer(2).packFolder(images, DatasetPacker.MAX_SIZE, 3, dir.resolve("big.gan4j"));
        assertEquals(2, summary.images());
        try (PackedDataset packed = PackedDataset.open(dir.resolve("big.gan4j"), PackedDataset.ALL)) {
            assertEquals(DatasetPacker.MAX_SIZE, packed.width());
            assertEquals(2, packed.size());
        }
    }

    @Test
    void theSameSourcePacksToTheSameBytesOnAnyThreadCount() throws IOException {
        Path images = dir.resolve("images");
        for (int i = 0; i < 150; i++) {
            TestImages.writeNoise(images.resolve("c" + i % 3 + "/" + i + ".png"), 12, 10, i);
        }
        Path one = dir.resolve("one.gan4j");
        Path three = dir.resolve("three.gan4j");
        packer(1).packFolder(images, SIZE, 3, one);
        packer(3).packFolder(images, SIZE, 3, three);
        assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(three));
    }

    @Test
    void sourceHashFollowsContentAndRelativePathsNotTimesOrLocation() throws IOException {
        Path images = dir.resolve("images");
        TestImages.writeNoise(images.resolve("a.png"), 10, 10, 1);
        TestImages.writeNoise(images.resolve("b.png"), 10, 10, 2);
        String original = packer(2).packFolder(images, SIZE, 3, dir.resolve("p.gan4j")).sourceHash();

        Files.setLastModifiedTime(images.resolve("a.png"), FileTime.fromMillis(0));
        assertEquals(original, packer(2).packFolder(images, SIZE, 3, dir.resolve("p.gan4j")).sourceHash());

        Path copy = dir.resolve("elsewhere/images");
        Files.createDirectories(copy);
        Files.copy(images.resolve("a.png"), copy.resolve("a.png"));
        Files.copy(images.resolve("b.png"), copy.resolve("b.png"));
        assertEquals(original, packer(2).packFolder(copy, SIZE, 3, dir.resolve("p.gan4j")).sourceHash());

        TestImages.writeNoise(copy.resolve("b.png"), 10, 10, 3);
        assertNotEquals(original, packer(2).packFolder(copy, SIZE, 3, dir.resolve("p.gan4j")).sourceHash());
    }

    @Test
    void progressIsReportedEveryNImages() throws IOException {
        Path idx = dir.resolve("idx");
        TestImages.writeIdxPair(idx, 2, 2, new byte[200], 1);
        new DatasetPacker(2, 64, new PrintWriter(progress)).packIdx(idx, dir.resolve("p.gan4j"));
        List<String> lines = progress.toString().lines().filter(l -> l.startsWith("packed ")).toList();
        assertEquals(4, lines.size(), progress.toString());
        assertTrue(lines.get(0).startsWith("packed 64/200 images"), lines.get(0));
        assertTrue(lines.get(3).startsWith("packed 200/200 images"), lines.get(3));
    }

    @Test
    void aFailedPackLeavesNoFileBehind() throws IOException {
        Path images = dir.resolve("images");
        Files.createDirectories(images);
        Files.writeString(images.resolve("a.png"), "not a PNG");
        Files.writeString(images.resolve("b.jpg"), "not a JPEG");
        Path out = dir.resolve("out/bad.gan4j");

        DataException e = assertThrows(DataException.class, () -> packer(2).packFolder(images, SIZE, 3, out));
        assertTrue(e.getMessage().startsWith("None of the 2 images of image folder " + images), e.getMessage());
        try (Stream<Path> left = Files.list(out.getParent())) {
            assertEquals(List.of(), left.toList());
        }
        assertFalse(Files.exists(out));
    }

    private DatasetPacker packer(int threads) {
        return new DatasetPacker(threads, 1000, new PrintWriter(progress));
    }

    static void assertSameSamples(Dataset expected, Dataset actual) {
        assertEquals(expected.size(), actual.size());
        assertArrayEquals(expected.sampleShape(), actual.sampleShape());
        assertEquals(expected.classNames(), actual.classNames());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.label(i), actual.label(i), "label " + i);
            // Both sides are uint8 / 127.5 - 1, so they agree well within one grey level.
            assertArrayEquals(sample(expected, i), sample(actual, i), ONE_STEP / 2, "sample " + i);
        }
    }

    static float[] sample(Dataset data, int index) {
        float[] dst = new float[data.channels() * data.height() * data.width()];
        data.read(index, dst, 0);
        return dst;
    }
}
