package gan4j.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A zip file read defensively: only the entry names the caller expects, each at most once, and no
 * entry read past a limit the caller sets, whatever sizes the file declares (a zip bomb stops at the
 * limit instead of filling memory).
 */
public final class BoundedZip implements AutoCloseable {

    private final Path file;
    private final ZipFile zip;

    private BoundedZip(Path file, ZipFile zip) {
        this.file = file;
        this.zip = zip;
    }

    /**
     * Opens {@code file} and checks its entry names against {@code allowed}; throws
     * {@link ZipFormatException} naming the first unexpected or repeated entry.
     */
    public static BoundedZip open(Path file, Set<String> allowed) throws IOException {
        ZipFile zip = new ZipFile(file.toFile());
        try {
            Set<String> seen = new HashSet<>();
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                String name = entries.nextElement().getName();
                if (!allowed.contains(name)) {
                    throw new ZipFormatException("it holds an entry '" + printable(name) + "' that gan4j never writes");
                }
                if (!seen.add(name)) {
                    throw new ZipFormatException("it holds the entry '" + name + "' twice");
                }
            }
            return new BoundedZip(file, zip);
        } catch (IOException | RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    public Path file() {
        return file;
    }

    public boolean has(String name) {
        return zip.getEntry(name) != null;
    }

    /** The whole entry, refused if it holds more than {@code maxBytes}. */
    public byte[] read(String name, int maxBytes) throws IOException {
        try (InputStream in = stream(name)) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new ZipFormatException("its entry '" + name + "' is larger than the " + maxBytes
                        + " bytes gan4j allows there");
            }
            return bytes;
        }
    }

    /** The entry as a stream; the caller bounds what it reads. */
    public InputStream stream(String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new ZipFormatException("it has no entry '" + name + "'");
        }
        return zip.getInputStream(entry);
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    private static String printable(String name) {
        String clean = name.replaceAll("[^\\x20-\\x7e]", "?");
        return clean.length() > 80 ? clean.substring(0, 80) + "..." : clean;
    }

    /** The zip is well formed but not what the caller allows; the message completes "FILE is refused: ". */
    public static final class ZipFormatException extends IOException {

        public ZipFormatException(String message) {
            super(message);
        }
    }
}
