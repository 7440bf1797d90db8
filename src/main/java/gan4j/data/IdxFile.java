package gan4j.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The header and leading items of an unsigned-byte IDX file (the MNIST format), read whole into
 * memory; gzipped files are recognised by their magic bytes, not their name.
 */
final class IdxFile {

    private static final int UNSIGNED_BYTE = 0x08;

    /** The dimensions the header declares; {@code dims[0]} counts all items in the file. */
    final int[] dims;
    /** How many leading items {@code data} holds: at most the {@code maxItems} asked for. */
    final int items;
    /** The items' bytes, row-major, to be read as uint8. */
    final byte[] data;

    private IdxFile(int[] dims, int items, byte[] data) {
        this.dims = dims;
        this.items = items;
        this.data = data;
    }

    /** Reads the header and at most {@code maxItems} items of an unsigned-byte IDX file of the given rank. */
    static IdxFile read(Path path, int rank, int maxItems, String exampleName) {
        try (DataInputStream in = new DataInputStream(open(path))) {
            int magic = in.readInt();
            int expected = UNSIGNED_BYTE << 8 | rank;
            if (magic != expected) {
                throw new DataException(String.format(
                        "%s is not an unsigned-byte IDX file of rank %d (magic 0x%08X, expected 0x%08X):"
                                + " point it at a file such as %s.",
                        path, rank, magic, expected, exampleName));
            }
            int[] dims = new int[rank];
            long itemBytes = 1;
            for (int d = 0; d < rank; d++) {
                dims[d] = in.readInt();
                if (dims[d] < 0) {
                    throw new DataException(path + " declares a negative dimension " + dims[d]
                            + " in its IDX header: the file is damaged, fetch it again.");
                }
                if (d > 0) {
                    itemBytes *= dims[d];
                }
            }
            int items = Math.min(dims[0], maxItems);
            long total = items * itemBytes;
            // Java arrays stop just short of 2^31 elements.
            if (total > Integer.MAX_VALUE - 8) {
                throw new DataException(path + " holds " + total + " bytes, more than fit in one array:"
                        + " use a smaller limit or split the file.");
            }
            byte[] data = new byte[(int) total];
            in.readFully(data);
            return new IdxFile(dims, items, data);
        } catch (NoSuchFileException e) {
            throw new DataException(path + " does not exist: check the path.", e);
        } catch (EOFException e) {
            throw new DataException(path + " ends before the data its IDX header declares:"
                    + " the file is truncated, fetch it again.", e);
        } catch (ZipException e) {
            throw new DataException(path + " is a damaged gzip file (" + e.getMessage() + "): fetch it again.", e);
        } catch (IOException e) {
            throw new DataException("Cannot read " + path + " (" + e + "): check that it is a readable file.", e);
        }
    }

    private static InputStream open(Path path) throws IOException {
        BufferedInputStream raw = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
        raw.mark(2);
        int b0 = raw.read();
        int b1 = raw.read();
        raw.reset();
        boolean gzipped = b0 == 0x1f && b1 == 0x8b;
        return gzipped ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16) : raw;
    }
}
