package gan4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderDatasetTest {

    private static final int SIZE = 8;

    @TempDir
    Path root;

    @Test
    void subFoldersAreSortedClassesAndColourComesOutRgb() throws IOException {
        Path dogs = Files.createDirectory(root.resolve("dogs"));
        Path cats = Files.createDirectory(root.resolve("cats"));
        write(solid(20, 30, Color.RED), cats.resolve("red.png"));
        write(solid(30, 20, Color.BLUE), dogs.resolve("blue.jpg"));
        write(solid(16, 16, Color.GREEN), dogs.resolve("a-green.jpeg"));

        ImageFolderDataset data = ImageFolderDataset.open(root, SIZE, 3);
        assertEquals(List.of("cats", "dogs"), data.classNames());
        assertEquals(3, data.size());
        assertArrayEquals(new long[] {3, SIZE, SIZE}, data.sampleShape());
        assertArrayEquals(new int[] {0, 1, 1}, new int[] {data.label(0), data.label(1), data.label(2)});

        // Files sort by name within a class: a-green.jpeg before blue.jpg.
        assertColour(sample(data, 0), 1, -1, -1, 0.01f);
        assertColour(sample(data, 1), -1, 1, -1, 0.05f);
        assertColour(sample(data, 2), -1, -1, 1, 0.05f);
    }

    @Test
    void greyAndColourConvertBothWays() throws IOException {
        BufferedImage grey = new BufferedImage(12, 12, BufferedImage.TYPE_BYTE_GRAY);
        fill(grey, new Color(51, 51, 51), 0, 0, 12, 12);
        write(grey, root.resolve("grey.png"));
        write(solid(12, 12, Color.RED), root.resolve("red.png"));

        ImageFolderDataset colour = ImageFolderDataset.open(root, SIZE, 3);
        float g = 51 / 127.5f - 1;
        assertColour(sample(colour, 0), g, g, g, 1e-6f);

        ImageFolderDataset mono = ImageFolderDataset.open(root, SIZE, 1);
        assertArrayEquals(new long[] {1, SIZE, SIZE}, mono.sampleShape());
        assertAll(sample(mono, 0), g, 1e-6f);
        // OpenCV's BGR2GRAY: 0.299 R + 0.587 G + 0.114 B, so pure red is 76.
        assertAll(sample(mono, 1), 76 / 127.5f - 1, 1e-6f);
    }

    @Test
    void sixteenBitImagesAreScaledLikeEightBit() throws IOException {
        BufferedImage deep = new BufferedImage(10, 10, BufferedImage.TYPE_USHORT_GRAY);
        for (int y = 0; y < 10; y++) {
            for (int x = 0; x < 10; x++) {
                deep.getRaster().setSample(x, y, 0, 200 * 257);
            }
        }
        write(deep, root.resolve("deep.png"));
        assertAll(sample(ImageFolderDataset.open(root, SIZE, 1), 0), 200 / 127.5f - 1, 1e-6f);
    }

    @Test
    void centreCropKeepsTheCentredSquare() throws IOException {
        // 100x60 and 60x100: black margins of 20 around a 60x60 white square whose top-left
        // quarter is red. An 8x8 crop of exactly that square is red in its top-left 4x4, white elsewhere.
        write(marked(100, 60, 20, 0), root.resolve("wide.png"));
        write(marked(60, 100, 0, 20), root.resolve("tall.png"));

        ImageFolderDataset data = ImageFolderDataset.open(root, SIZE, 3);
        for (int index = 0; index < 2; index++) {
            float[] s = sample(data, index);
            for (int y = 0; y < SIZE; y++) {
                for (int x = 0; x < SIZE; x++) {
                    boolean red = x < SIZE / 2 && y < SIZE / 2;
                    float[] rgb = {s[y * SIZE + x], s[SIZE * SIZE + y * SIZE + x], s[2 * SIZE * SIZE + y * SIZE + x]};
                    float[] expected = red ? new float[] {1, -1, -1} : new float[] {1, 1, 1};
                    assertArrayEquals(expected, rgb, 1e-6f, data.file(index) + " at " + x + "," + y);
                }
            }
        }
    }

    @Test
    void corruptFileIsReplacedByTheNextImageOfItsClassAndCounted() throws IOException {
        Path a = Files.createDirectory(root.resolve("a"));
        Path b = Files.createDirectory(root.resolve("b"));
        write(solid(10, 10, Color.RED), a.resolve("1.png"));
        Files.write(a.resolve("2.jpg"), "this is not a JPEG".getBytes());
        write(solid(10, 10, Color.WHITE), a.resolve("3.png"));
        write(solid(10, 10, Color.BLUE), b.resolve("1.png"));

        ImageFolderDataset data = ImageFolderDataset.open(root, SIZE, 3);
        assertEquals(4, data.size());
        assertEquals(0, data.skippedFiles());
        assertArrayEquals(sample(data, 2), sample(data, 1));
        assertEquals(0, data.label(1));
        assertEquals(1, data.skippedFiles());
        sample(data, 1);
        assertEquals(1, data.skippedFiles(), "a known bad file is skipped without counting it again");

        // The last file of a class wraps to the first of the same class, never into the next class.
        Files.write(a.resolve("3.png"), new byte[0]);
        ImageFolderDataset again = ImageFolderDataset.open(root, SIZE, 3);
        assertArrayEquals(sample(again, 0), sample(again, 2));
        assertEquals(1, again.skippedFiles());
    }

    @Test
    void imageOverThePixelLimitIsSkippedFromItsHeaderWithoutDecoding() throws IOException {
        // 20000 x 20000 grey: 400 megapixels, which decoding would turn into 1.2 GB of BGR pixels.
        TestImages.writeBlackPng(root.resolve("1-huge.png"), 20_000, 20_000);
        write(solid(10, 10, Color.RED), root.resolve("2.png"));
        ImageDecoder decoder = new ImageDecoder(SIZE, 3);
        IOException refused = assertThrows(IOException.class,
                () -> decoder.decode(root.resolve("1-huge.png"), new float[3 * SIZE * SIZE], 0));
        assertTrue(refused.getMessage().contains("20000x20000"), refused.getMessage());
        assertTrue(refused.getMessage().contains("megapixel"), refused.getMessage());

        ImageFolderDataset data = ImageFolderDataset.open(root, SIZE, 3);
        assertArrayEquals(sample(data, 1), sample(data, 0), "the huge file is replaced by the next image");
        assertEquals(1, data.skippedFiles());
    }

    @Test
    void fileOverTheSizeLimitIsSkippedUnread() throws IOException {
        try (java.io.RandomAccessFile sparse = new java.io.RandomAccessFile(root.resolve("big.jpg").toFile(), "rw")) {
            sparse.setLength(ImageHeader.MAX_FILE_BYTES + 1);
        }
        IOException refused = assertThrows(IOException.class,
                () -> new ImageDecoder(SIZE, 1).decode(root.resolve("big.jpg"), new float[SIZE * SIZE], 0));
        assertTrue(refused.getMessage().contains("MB limit"), refused.getMessage());
    }

    @Test
    void classWithNoReadableImageIsADataException() throws IOException {
        Files.write(root.resolve("bad.png"), new byte[] {1, 2, 3});
        ImageFolderDataset data = ImageFolderDataset.open(root, SIZE, 1);
        DataException e = assertThrows(DataException.class, () -> sample(data, 0));
        assertTrue(e.getMessage().contains("could be decoded"), e.getMessage());
    }

    @Test
    void imagesDirectlyInTheFolderAreOneClassNamedAfterIt() throws IOException {
        Path faces = Files.createDirectory(root.resolve("faces"));
        write(solid(10, 10, Color.RED), faces.resolve("b.jpg"));
        write(solid(10, 10, Color.RED), faces.resolve("a.png"));
        Files.write(faces.resolve("notes.txt"), "not an image".getBytes());
        Files.write(faces.resolve("._a.png"), new byte[] {0});

        ImageFolderDataset data = ImageFolderDataset.open(faces, SIZE, 3);
        assertEquals(List.of("faces"), data.classNames());
        assertEquals(2, data.size());
        assertEquals(faces.resolve("a.png"), data.file(0));
    }

    @Test
    void missingEmptyOrMixedFolderSaysWhereToPutImages() throws IOException {
        Path missing = root.resolve("missing");
        DataException e = assertThrows(DataException.class, () -> ImageFolderDataset.open(missing, SIZE, 3));
        assertTrue(e.getMessage().startsWith("Image folder " + missing + " does not exist"), e.getMessage());
        assertTrue(e.getMessage().contains("one sub-folder per class"), e.getMessage());

        Files.createDirectory(root.resolve("empty-class"));
        e = assertThrows(DataException.class, () -> ImageFolderDataset.open(root, SIZE, 3));
        assertTrue(e.getMessage().startsWith("Image folder " + root + " has no images"), e.getMessage());

        write(solid(10, 10, Color.RED), root.resolve("loose.png"));
        write(solid(10, 10, Color.RED), root.resolve("empty-class").resolve("x.png"));
        e = assertThrows(DataException.class, () -> ImageFolderDataset.open(root, SIZE, 3));
        assertTrue(e.getMessage().contains("both directly inside and in sub-folders"), e.getMessage());
    }

    @Test
    void concurrentReadsMatchSequentialOnes() throws Exception {
        for (int i = 0; i < 12; i++) {
            write(solid(20 + i, 24, new Color(i * 20, 255 - i * 20, i * 7)), root.resolve(i + ".jpg"));
        }
        ImageFolderDataset data = ImageFolderDataset.open(root, SIZE, 3);
        List<float[]> sequential = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            sequential.add(sample(data, i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<float[]>> parallel = new ArrayList<>();
            for (int round = 0; round < 4; round++) {
                for (int i = 0; i < data.size(); i++) {
                    int index = i;
                    parallel.add(pool.submit(() -> sample(data, index)));
                }
            }
            for (int k = 0; k < parallel.size(); k++) {
                assertArrayEquals(sequential.get(k % data.size()), parallel.get(k).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static float[] sample(Dataset data, int index) {
        float[] dst = new float[(int) (data.channels() * data.height() * data.width())];
        data.read(index, dst, 0);
        return dst;
    }

    private static void assertColour(float[] s, float r, float g, float b, float tolerance) {
        int plane = s.length / 3;
        float[] expected = {r, g, b};
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < plane; i++) {
                assertEquals(expected[c], s[c * plane + i], tolerance, "channel " + c + " pixel " + i);
            }
        }
    }

    private static void assertAll(float[] s, float value, float tolerance) {
        for (int i = 0; i < s.length; i++) {
            assertEquals(value, s[i], tolerance, "pixel " + i);
        }
    }

    private static BufferedImage solid(int width, int height, Color colour) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        fill(image, colour, 0, 0, width, height);
        return image;
    }

    private static BufferedImage marked(int width, int height, int left, int top) {
        BufferedImage image = solid(width, height, Color.BLACK);
        fill(image, Color.WHITE, left, top, 60, 60);
        fill(image, Color.RED, left, top, 30, 30);
        return image;
    }

    private static void fill(BufferedImage image, Color colour, int x, int y, int width, int height) {
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(x, y, width, height);
        g.dispose();
    }

    private static void write(BufferedImage image, Path file) throws IOException {
        String name = file.getFileName().toString();
        String format = name.endsWith(".png") ? "png" : "jpg";
        assertTrue(ImageIO.write(image, format, file.toFile()), "no ImageIO writer for " + format);
    }
}
