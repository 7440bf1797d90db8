package gan4j.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gan4j.data.IdxFixtures;
import gan4j.testing.TinyRuns;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gan export through the CLI: files read back with ImageIO and java.util.zip with NumPy's header format. */
class ExportCommandTest {

    @TempDir
    static Path shared;
    static Path plain;
    static Path conditional;

    @TempDir
    Path dir;

    @BeforeAll
    static void trainTinyModels() throws IOException {
        Path data = shared.resolve("idx");
        IdxFixtures.write(data, "train", 40, 10, 1);
        plain = train(data, false);
        conditional = train(data, true);
    }

    private static Path train(Path data, boolean conditional) throws IOException {
        Path config = shared.resolve("dcgan-" + conditional + ".yaml");
        Files.writeString(config, """
                data: {type: idx, path: %s, workers: 1}
                model: {architecture: dcgan, latent_size: 8, generator_width: 4, discriminator_width: 4,
                        conditional: %s}
                train: {steps: 2, batch_size: 8}
                output: {sample_every: 2, checkpoint_every: 2, samples: 10}
                """.formatted(data, conditional));
        Path run = shared.resolve("run-" + conditional);
        TinyRuns.Result train = TinyRuns.gan("train", "-c", config.toString(), "--set", "output.dir=" + run);
        assertEquals(0, train.exitCode(), train.err());
        return run;
    }

    @Test
    void anNpzHoldsUint8ImagesInHeightWidthChannelOrderAndMatchesThePngFolder() throws IOException {
        Path npz = dir.resolve("x.npz");
        Path folder = dir.resolve("pngs");

        TinyRuns.Result toNpz = TinyRuns.gan("export", "--checkpoint", plain.toString(), "-n", "263", "--seed", "3",
                "--out", npz.toString());
        TinyRuns.Result toPngs = TinyRuns.gan("export", "--checkpoint", plain.toString(), "-n", "263", "--seed", "3",
                "--out", folder.toString());

        assertEquals(0, toNpz.exitCode(), toNpz.err());
        assertEquals(0, toPngs.exitCode(), toPngs.err());
        assertEquals("wrote " + npz + " (263 samples from step 2, trained weights, seed 3)", toNpz.out().strip());
        Npy x = entries(npz).get("x.npy");
        assertEquals("|u1", x.dtype());
        assertArrayEquals(new long[] {263, 28, 28, 1}, x.shape());
        assertEquals(List.of("x.npy"), List.copyOf(entries(npz).keySet()));
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(263, files.count());
        }
        for (int i : new int[] {0, 249, 250, 262}) {
            Raster png = ImageIO.read(folder.resolve(String.format("%06d.png", i)).toFile()).getRaster();
            assertEquals(1, png.getNumBands());
            int[] pixels = png.getPixels(0, 0, 28, 28, (int[]) null);
            for (int p = 0; p < pixels.length; p++) {
                assertEquals(pixels[p], x.data()[i * 784 + p] & 0xFF, "image " + i + " pixel " + p);
            }
        }
        assertTrue(distinctValues(x.data()) > 1, "the images are not blank");
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAPrefixOfALargerExport() throws IOException {
        Path a = dir.resolve("a.npz");
        Path b = dir.resolve("b.npz");
        Path larger = dir.resolve("larger.npz");
        Path other = dir.resolve("other.npz");
        TinyRuns.gan("export", "--checkpoint", plain.toString(), "-n", "300", "--out", a.toString());
        TinyRuns.gan("export", "--checkpoint", plain.toString(), "-n", "300", "--out", b.toString());
        TinyRuns.gan("export", "--checkpoint", plain.toString(), "-n", "520", "--out", larger.toString());
        TinyRuns.gan("export", "--checkpoint", plain.toString(), "-n", "300", "--seed", "1", "--out",
                other.toString());

        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        byte[] first = entries(a).get("x.npy").data();
        assertArrayEquals(first, Arrays.copyOf(entries(larger).get("x.npy").data(), first.length));
        assertFalse(Arrays.equals(first, entries(other).get("x.npy").data()));
    }

    @Test
    void aConditionalExportDrawsTheClassesInTurn() throws IOException {
        Path npz = dir.resolve("c.npz");
        TinyRuns.gan("export", "--checkpoint", conditional.toString(), "-n", "30", "--out", npz.toString());

        Map<String, Npy> arrays = entries(npz);

        assertEquals(List.of("x.npy", "y.npy"), List.copyOf(arrays.keySet()));
        assertArrayEquals(new long[] {30, 28, 28, 1}, arrays.get("x.npy").shape());
        ByteBuffer labels = ByteBuffer.wrap(arrays.get("y.npy").data()).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 30; i++) {
            assertEquals(i % 10, labels.getLong(), "classes in turn");
        }
    }

    @Test
    void aConditionalExportOfOneClassLabelsEverySampleWithIt() throws IOException {
        Path npz = dir.resolve("bags.npz");
        Path folder = dir.resolve("bags");

        TinyRuns.Result byName = TinyRuns.gan("export", "--checkpoint", conditional.toString(), "-n", "12",
                "--class", "8", "--out", npz.toString());
        TinyRuns.gan("export", "--checkpoint", conditional.toString(), "-n", "3", "--class", "8", "--out",
                folder.toString());

        assertEquals(0, byName.exitCode(), byName.err());
        Npy y = entries(npz).get("y.npy");
        assertEquals("<i8", y.dtype());
        assertArrayEquals(new long[] {12}, y.shape());
        ByteBuffer labels = ByteBuffer.wrap(y.data()).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 12; i++) {
            assertEquals(8, labels.getLong());
        }
        String className = Files.readAllLines(folder.resolve("labels.csv")).get(1).split(",")[2];
        assertEquals(List.of("file,label,class", "000000.png,8," + className, "000001.png,8," + className,
                "000002.png,8," + className), Files.readAllLines(folder.resolve("labels.csv")));
    }

    @Test
    void badRequestsAreOneSentenceWithExitTwoAndWriteNothing() throws IOException {
        Path existing = Files.createDirectory(dir.resolve("taken"));
        TinyRuns.Result taken = TinyRuns.gan("export", "--checkpoint", plain.toString(), "-n", "5", "--out",
                existing.toString());
        TinyRuns.Result noClasses = TinyRuns.gan("export", "--checkpoint", plain.toString(), "-n", "5", "--class",
                "1", "--out", dir.resolve("c.npz").toString());
        TinyRuns.Result ema = TinyRuns.gan("export", "--checkpoint", plain.toString(), "-n", "5", "--weights", "ema",
                "--out", dir.resolve("e.npz").toString());
        TinyRuns.Result zero = TinyRuns.gan("export", "--checkpoint", plain.toString(), "-n", "0", "--out",
                dir.resolve("z.npz").toString());

        assertEquals("error: --out " + existing + " already exists; give a new folder (it is created), or a file"
                + " name ending in .npz.", taken.err().strip());
        assertEquals("error: --class needs a conditional model; " + plain + " was trained with model.conditional:"
                + " false.", noClasses.err().strip());
        assertTrue(ema.err().startsWith("error: --weights ema: " + plain + " "), ema.err());
        assertTrue(ema.err().strip().endsWith("; use --weights raw."), ema.err());
        assertEquals("error: --count must be between 1 and 1000000, got 0.", zero.err().strip());
        for (TinyRuns.Result result : List.of(taken, noClasses, ema, zero)) {
            assertEquals(2, result.exitCode());
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(existing), files.toList());
        }
    }

    /** One array of an npz: what NumPy's header says and the raw bytes after it. */
    record Npy(String dtype, long[] shape, byte[] data) {
    }

    private static final Pattern HEADER = Pattern.compile(
            "\\{'descr': '([^']+)', 'fortran_order': False, 'shape': \\(([0-9, ]+)\\), }\\s*\n");

    private static Map<String, Npy> entries(Path npz) throws IOException {
        Map<String, Npy> arrays = new java.util.LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(npz.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                byte[] bytes = zip.getInputStream(entry).readAllBytes();
                assertEquals((byte) 0x93, bytes[0]);
                assertEquals("NUMPY", new String(bytes, 1, 5, StandardCharsets.US_ASCII));
                int headerLength = (bytes[8] & 0xFF) | (bytes[9] & 0xFF) << 8;
                assertEquals(0, (10 + headerLength) % 64, "data starts 64-byte aligned");
                Matcher m = HEADER.matcher(new String(bytes, 10, headerLength, StandardCharsets.US_ASCII));
                assertTrue(m.matches(), new String(bytes, 10, headerLength, StandardCharsets.US_ASCII));
                long[] shape = Arrays.stream(m.group(2).split(",")).map(String::strip).filter(s -> !s.isEmpty())
                        .mapToLong(Long::parseLong).toArray();
                byte[] data = Arrays.copyOfRange(bytes, 10 + headerLength, bytes.length);
                long elements = Arrays.stream(shape).reduce(1, (p, q) -> p * q);
                assertEquals(elements * (m.group(1).equals("<i8") ? 8 : 1), data.length);
                arrays.put(entry.getName(), new Npy(m.group(1), shape, data));
            }
        }
        return arrays;
    }

    private static long distinctValues(byte[] data) {
        boolean[] seen = new boolean[256];
        for (byte b : data) {
            seen[b & 0xFF] = true;
        }
        long n = 0;
        for (boolean s : seen) {
            n += s ? 1 : 0;
        }
        return n;
    }
}
