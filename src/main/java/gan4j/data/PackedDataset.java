package gan4j.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;

/**
 * Images decoded, cropped and resized once by {@code gan data pack} ({@link DatasetPacker}) into one
 * uint8 file, memory-mapped and scaled to [-1, 1] as x / 127.5 - 1 on each read.
 *
 * <h2>File format, version 1</h2>
 * All integers are big-endian int32, as in IDX files; text is an int32 byte count followed by
 * that many UTF-8 bytes.
 * <pre>
 * offset  size   field
 *      0     8   magic "GAN4JPAK" (ASCII)
 *      8     4   format version, 1
 *     12     4   header length L in bytes: the offset of the first pixel
 *     16     4   image count N (at least 1)
 *     20     4   channels C: 1 grey or 3 RGB
 *     24     4   height H
 *     28     4   width W
 *     32    32   source hash, SHA-256 (see below)
 *     64     4   class count K (at least 1)
 *     68         K class names, text, in label order
 *                source description, text (e.g. "image folder data/celeba")
 *      L  N·C·H·W  pixels, uint8, image after image; each image is C planes (R, G, B or grey) of
 *                H rows of W pixels, top row first: the [C, H, W] layout the networks read
 *      L + N·C·H·W  N labels, int32, each an index into the class names
 * </pre>
 * The file ends right after the last label: any other length means it is damaged or truncated.
 *
 * <p>The source hash identifies what was packed, not where: SHA-256 over each source file in
 * sorted order of its relative path ('/'-separated), hashing the path's UTF-8 bytes, a 0 byte and
 * the SHA-256 of the file's content. It covers content, not modification times, so a copied
 * dataset keeps its hash; it covers all listed source files, including any that could not be
 * decoded and were left out. {@code FILE.manifest.yaml} beside the file repeats the header for
 * people to read.
 *
 * <p>Files over 2 GiB are mapped as several regions, each holding whole images. Mappings are
 * released when the dataset is garbage-collected: Java has no supported way to unmap earlier.
 */
public final class PackedDataset implements Dataset {

    /** Pass as {@code limit} to use every image in the file. */
    public static final int ALL = Integer.MAX_VALUE;

    // One MappedByteBuffer addresses at most this many bytes.
    private static final long MAX_REGION_BYTES = Integer.MAX_VALUE;

    private final Path file;
    private final PackedHeader header;
    private final int size;
    private final int sampleBytes;
    private final int imagesPerRegion;
    private final MappedByteBuffer[] regions;
    private final int[] labels;
    // x / 127.5 - 1 for every byte value, so a read is a table look-up per pixel.
    private final float[] scaled = new float[256];
    private final ThreadLocal<byte[]> pixels;

    private PackedDataset(Path file, PackedHeader header, int size, int imagesPerRegion, MappedByteBuffer[] regions,
            int[] labels) {
        this.file = file;
        this.header = header;
        this.size = size;
        this.sampleBytes = header.sampleBytes();
        this.imagesPerRegion = imagesPerRegion;
        this.regions = regions;
        this.labels = labels;
        for (int b = 0; b < scaled.length; b++) {
            scaled[b] = b / 127.5f - 1f;
        }
        this.pixels = ThreadLocal.withInitial(() -> new byte[sampleBytes]);
    }

    /** Maps the first {@code limit} images (or {@link #ALL}) of the packed file {@code file}. */
    public static PackedDataset open(Path file, int limit) {
        return open(file, limit, MAX_REGION_BYTES);
    }

    // Tests pass a small maxRegionBytes to exercise the multi-region path without a 2 GiB file.
    static PackedDataset open(Path file, int limit, long maxRegionBytes) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, got " + limit);
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            PackedHeader header = PackedHeader.read(file, channel);
            int size = Math.min(limit, header.count());
            long sampleBytes = header.sampleBytes();
            long pixelStart = header.encodedLength();
            int perRegion = (int) Math.max(1, Math.min(size, maxRegionBytes / sampleBytes));
            MappedByteBuffer[] regions = new MappedByteBuffer[(size + perRegion - 1) / perRegion];
            for (int r = 0; r < regions.length; r++) {
                long first = (long) r * perRegion;
                long images = Math.min(perRegion, size - first);
                regions[r] = channel.map(FileChannel.MapMode.READ_ONLY, pixelStart + first * sampleBytes,
                        images * sampleBytes);
            }
            long labelStart = pixelStart + header.count() * sampleBytes;
            int[] labels = readLabels(file, channel, labelStart, size, header.classNames().size());
            return new PackedDataset(file, header, size, perRegion, regions, labels);
        } catch (NoSuchFileException e) {
            throw new DataException(file + " does not exist: create it with gan data pack --input FOLDER --size 64"
                    + " --out " + file + ".", e);
        } catch (IOException e) {
            throw new DataException("Cannot read " + file + " (" + e + "): check that it is a readable file.", e);
        }
    }

    private static int[] readLabels(Path file, FileChannel channel, long start, int count, int classCount)
            throws IOException {
        ByteBuffer bytes = PackedHeader.readFully(channel, start, Math.multiplyExact(count, PackedHeader.LABEL_BYTES));
        int[] labels = new int[count];
        bytes.asIntBuffer().get(labels);
        for (int i = 0; i < count; i++) {
            if (labels[i] < 0 || labels[i] >= classCount) {
                throw PackedHeader.damaged(file, "gives image " + i + " label " + labels[i] + " of only "
                        + classCount + " classes");
            }
        }
        return labels;
    }

    /** The file this dataset maps. */
    public Path file() {
        return file;
    }

    /** SHA-256 of the packed source, in hex; see the class comment for what it covers. */
    public String sourceHash() {
        return header.sourceHashHex();
    }

    /** What the file was packed from, as the packer described it. */
    public String source() {
        return header.source();
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int channels() {
        return header.channels();
    }

    @Override
    public int height() {
        return header.height();
    }

    @Override
    public int width() {
        return header.width();
    }

    @Override
    public List<String> classNames() {
        return header.classNames();
    }

    @Override
    public int label(int index) {
        return labels[Objects.checkIndex(index, size)];
    }

    @Override
    public void read(int index, float[] dst, int offset) {
        Objects.checkIndex(index, size);
        byte[] bytes = pixels.get();
        // Absolute bulk get: it leaves the shared buffer's position alone, so threads do not interfere.
        regions[index / imagesPerRegion].get((index % imagesPerRegion) * sampleBytes, bytes, 0, sampleBytes);
        for (int i = 0; i < sampleBytes; i++) {
            dst[offset + i] = scaled[bytes[i] & 0xFF];
        }
    }

    @Override
    public String describe() {
        return "packed " + file + " (" + size + " images " + height() + "x" + width()
                + (channels() == 1 ? " grey" : " RGB") + ", " + classNames().size() + " classes, from "
                + header.source() + ")";
    }
}
