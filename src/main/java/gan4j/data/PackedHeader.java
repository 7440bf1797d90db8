package gan4j.data;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The header of a packed dataset file, encoded and validated; {@link PackedDataset} documents the
 * layout byte by byte.
 */
record PackedHeader(int count, int channels, int height, int width, List<String> classNames, byte[] sourceHash,
        String source) {

    static final String MAGIC = "GAN4JPAK";
    static final int VERSION = 1;
    /** Where the image count sits, so a writer can fill it in once it knows how many images it kept. */
    static final int COUNT_OFFSET = 16;
    static final int HASH_BYTES = 32;
    static final int LABEL_BYTES = Integer.BYTES;

    // Bounds that no real dataset reaches; beyond them the header is damaged, not big.
    private static final int FIXED_BYTES = 68;
    private static final int MAX_HEADER_BYTES = 1 << 24;
    // 3 × 16384² bytes still fit an int, so one image fits one mapped region and one Java array.
    private static final int MAX_SIDE = 1 << 14;
    private static final int MAX_CLASSES = 1 << 16;

    PackedHeader {
        classNames = List.copyOf(classNames);
        sourceHash = sourceHash.clone();
        if (sourceHash.length != HASH_BYTES) {
            throw new IllegalArgumentException("source hash must be " + HASH_BYTES + " bytes, got " + sourceHash.length);
        }
    }

    @Override
    public byte[] sourceHash() {
        return sourceHash.clone();
    }

    String sourceHashHex() {
        return HexFormat.of().formatHex(sourceHash);
    }

    /** Bytes of one image: channels × height × width. */
    int sampleBytes() {
        return channels * height * width;
    }

    /** The header with another image count, for filling it in after the images are written. */
    PackedHeader withCount(int newCount) {
        return new PackedHeader(newCount, channels, height, width, classNames, sourceHash, source);
    }

    /** The exact length of a complete file with this header. */
    long fileBytes() {
        return encodedLength() + (long) count * (sampleBytes() + LABEL_BYTES);
    }

    int encodedLength() {
        int length = FIXED_BYTES;
        for (String name : classNames) {
            length += Integer.BYTES + utf8(name).length;
        }
        return length + Integer.BYTES + utf8(source).length;
    }

    ByteBuffer encode() {
        ByteBuffer out = ByteBuffer.allocate(encodedLength());
        out.put(MAGIC.getBytes(StandardCharsets.US_ASCII)).putInt(VERSION).putInt(encodedLength());
        out.putInt(count).putInt(channels).putInt(height).putInt(width);
        out.put(sourceHash);
        out.putInt(classNames.size());
        for (String name : classNames) {
            putString(out, name);
        }
        putString(out, source);
        return out.flip();
    }

    /** Reads and checks the header of {@code file}, including that the file has exactly the length it declares. */
    static PackedHeader read(Path file, FileChannel channel) throws IOException {
        long actualBytes = channel.size();
        ByteBuffer start = readFully(channel, 0, (int) Math.min(actualBytes, COUNT_OFFSET));
        byte[] magic = new byte[Math.min(MAGIC.length(), start.remaining())];
        start.get(magic);
        if (!Arrays.equals(magic, MAGIC.getBytes(StandardCharsets.US_ASCII))) {
            throw damaged(file, "is not a gan4j packed dataset (it does not start with " + MAGIC + ")");
        }
        if (start.remaining() < 2 * Integer.BYTES) {
            throw truncated(file);
        }
        int version = start.getInt();
        if (version != VERSION) {
            throw new DataException(file + " is packed format version " + version + ", but this gan4j reads version "
                    + VERSION + ": re-create it with gan data pack.");
        }
        int headerBytes = start.getInt();
        if (headerBytes < FIXED_BYTES || headerBytes > MAX_HEADER_BYTES) {
            throw damaged(file, "declares a header of " + headerBytes + " bytes");
        }
        if (headerBytes > actualBytes) {
            throw truncated(file);
        }
        ByteBuffer in = readFully(channel, COUNT_OFFSET, headerBytes - COUNT_OFFSET);
        try {
            int count = in.getInt();
            int channels = in.getInt();
            int height = in.getInt();
            int width = in.getInt();
            if (count < 1 || (channels != 1 && channels != 3) || height < 1 || height > MAX_SIDE || width < 1
                    || width > MAX_SIDE) {
                throw damaged(file, "declares " + count + " images of " + channels + "x" + height + "x" + width);
            }
            byte[] hash = new byte[HASH_BYTES];
            in.get(hash);
            int classCount = in.getInt();
            if (classCount < 1 || classCount > MAX_CLASSES) {
                throw damaged(file, "declares " + classCount + " classes");
            }
            List<String> names = new ArrayList<>(classCount);
            for (int k = 0; k < classCount; k++) {
                names.add(getString(file, in));
            }
            PackedHeader header = new PackedHeader(count, channels, height, width, names, hash, getString(file, in));
            if (header.encodedLength() != headerBytes) {
                throw damaged(file, "has a header of " + headerBytes + " bytes whose fields take "
                        + header.encodedLength());
            }
            if (header.fileBytes() != actualBytes) {
                throw actualBytes < header.fileBytes() ? truncated(file)
                        : damaged(file, "is " + actualBytes + " bytes long where its header makes it "
                                + header.fileBytes());
            }
            return header;
        } catch (BufferUnderflowException e) {
            throw damaged(file, "has a header that ends in the middle of a field");
        }
    }

    static ByteBuffer readFully(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                break;
            }
        }
        return buffer.flip();
    }

    static DataException damaged(Path file, String what) {
        return new DataException(file + " " + what + ": point data.path at a file written by gan data pack,"
                + " or re-create it with gan data pack.");
    }

    static DataException truncated(Path file) {
        return new DataException(file + " is truncated (shorter than its header declares): re-create it with"
                + " gan data pack.");
    }

    private static void putString(ByteBuffer out, String text) {
        byte[] bytes = utf8(text);
        out.putInt(bytes.length).put(bytes);
    }

    private static String getString(Path file, ByteBuffer in) {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw damaged(file, "has a text field of " + length + " bytes in its header");
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
