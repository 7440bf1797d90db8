package gan4j.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Future;

/**
 * The SHA-256 that identifies a packed dataset's source by its files' relative paths and contents,
 * as {@link PackedDataset} defines it; file contents are hashed on several threads.
 */
final class SourceHash {

    // Files per task: enough to amortise scheduling, few enough to spread a small folder over the threads.
    private static final int FILES_PER_TASK = 64;

    private SourceHash() {
    }

    /** Hashes {@code files} (under {@code root}) on {@code pool}; the order they are given in does not matter. */
    static byte[] of(Path root, List<Path> files, WorkerPool pool) {
        List<Path> sorted = files.stream().sorted(Comparator.comparing(f -> relativeName(root, f))).toList();
        List<Future<byte[][]>> parts = new ArrayList<>();
        for (int from = 0; from < sorted.size(); from += FILES_PER_TASK) {
            List<Path> part = sorted.subList(from, Math.min(sorted.size(), from + FILES_PER_TASK));
            parts.add(pool.submit(() -> contentHashes(part)));
        }
        MessageDigest combined = sha256();
        int next = 0;
        for (Future<byte[][]> part : parts) {
            for (byte[] contentHash : WorkerPool.await(part)) {
                combined.update(relativeName(root, sorted.get(next++)).getBytes(StandardCharsets.UTF_8));
                combined.update((byte) 0);
                combined.update(contentHash);
            }
        }
        return combined.digest();
    }

    private static byte[][] contentHashes(List<Path> files) {
        byte[][] hashes = new byte[files.size()][];
        byte[] buffer = new byte[1 << 16];
        for (int i = 0; i < hashes.length; i++) {
            MessageDigest digest = sha256();
            try (InputStream in = Files.newInputStream(files.get(i))) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    digest.update(buffer, 0, n);
                }
            } catch (IOException e) {
                throw new DataException("Cannot read " + files.get(i) + " (" + e + "): check that it is readable.", e);
            }
            hashes[i] = digest.digest();
        }
        return hashes;
    }

    // '/' on every platform, so the same files hash the same everywhere.
    private static String relativeName(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
