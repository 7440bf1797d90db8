package gan4j.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file completely or not at all: into a temporary sibling, forced to disk, then renamed
 * over the target. A crash or a full disk leaves the previous file, never half of a new one.
 */
public final class AtomicFiles {

    /** The body of an atomic write. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /**
     * The body of an atomic write that needs random access to the file, e.g. to fill in a count
     * that is known only once everything else is written.
     */
    @FunctionalInterface
    public interface ChannelWriter {
        void write(FileChannel channel) throws IOException;
    }

    /** Suffix of files being written; readers must ignore them. */
    public static final String TEMP_SUFFIX = ".partial";

    private AtomicFiles() {
    }

    public static void write(Path target, Writer writer) {
        Path parent = target.toAbsolutePath().getParent();
        Path temp = parent.resolve(target.getFileName() + TEMP_SUFFIX);
        try {
            Files.createDirectories(parent);
            try (OutputStream out = Files.newOutputStream(temp)) {
                writer.write(out);
            }
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory(parent);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new RunException("could not write " + target + ": " + describe(e)
                    + "; free disk space or point output.dir elsewhere (--set output.dir=...).", e);
        }
    }

    /**
     * Like {@link #write}, but the body writes through the file's channel, and a failure comes
     * back as the IOException itself, for callers whose user must be told a different fix.
     */
    public static void writeChannel(Path target, ChannelWriter writer) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Path temp = parent.resolve(target.getFileName() + TEMP_SUFFIX);
        try {
            Files.createDirectories(parent);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                writer.write(channel);
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory(parent);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    /**
     * Forces a directory's entries to disk: after a rename or a deletion, so that a power loss cannot
     * bring back the old name. Linux opens directories for reading; where a platform refuses, the
     * rename itself still stands.
     */
    public static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException ignored) {
            // Not every file system lets a directory be opened; the data itself is already forced.
        }
    }

    public static void writeString(Path target, String text) {
        write(target, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // The write already failed; that failure is the one to report.
        }
    }
}
