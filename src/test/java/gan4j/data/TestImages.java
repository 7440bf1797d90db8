package gan4j.data;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import javax.imageio.ImageIO;

/** Small image folders and IDX pairs written for tests, with content that differs pixel to pixel. */
public final class TestImages {

    private TestImages() {
    }

    /** Writes a width × height image of seeded noise over a gradient as PNG or JPEG (by the file's extension). */
    public static void writeNoise(Path file, int width, int height, long seed) throws IOException {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = (x * 9 + random.nextInt(40)) % 256;
                int g = (y * 7 + random.nextInt(40)) % 256;
                int b = random.nextInt(256);
                image.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        String format = file.getFileName().toString().endsWith(".png") ? "png" : "jpg";
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (!ImageIO.write(image, format, file.toFile())) {
            throw new IOException("no ImageIO writer for " + format);
        }
    }

    /** Writes a gzipped IDX training pair of {@code labels.length} seeded-noise images of rows × cols. */
    public static void writeIdxPair(Path directory, int rows, int cols, byte[] labels, long seed) throws IOException {
        byte[] pixels = new byte[labels.length * rows * cols];
        new Random(seed).nextBytes(pixels);
        Files.createDirectories(directory);
        Files.write(directory.resolve("train-images-idx3-ubyte.gz"), gzippedIdx(0x803, pixels, labels.length, rows,
                cols));
        Files.write(directory.resolve("train-labels-idx1-ubyte.gz"), gzippedIdx(0x801, labels, labels.length));
    }

    private static byte[] gzippedIdx(int magic, byte[] data, int... dims) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(bytes); DataOutputStream out = new DataOutputStream(gz)) {
            out.writeInt(magic);
            for (int d : dims) {
                out.writeInt(d);
            }
            out.write(data);
        }
        return bytes.toByteArray();
    }

    /**
     * Writes a valid all-black 8-bit grey PNG of width × height, streamed row by row, so a test can
     * hold a gigapixel file (about 1 MB on disk) without ever holding its pixels.
     */
    public static void writeBlackPng(Path file, int width, int height) throws IOException {
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        byte[] row = new byte[width + 1];
        try (OutputStream z = new DeflaterOutputStream(idat, new Deflater(Deflater.BEST_SPEED), 1 << 16)) {
            for (int y = 0; y < height; y++) {
                z.write(row);
            }
        }
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        DataOutputStream h = new DataOutputStream(header);
        h.writeInt(width);
        h.writeInt(height);
        h.write(new byte[] {8, 0, 0, 0, 0});
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
            out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
            chunk(out, "IHDR", header.toByteArray());
            chunk(out, "IDAT", idat.toByteArray());
            chunk(out, "IEND", new byte[0]);
        }
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        byte[] name = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeInt(data.length);
        out.write(name);
        out.write(data);
        out.writeInt((int) crc.getValue());
    }
}
