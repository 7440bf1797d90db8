package gan4j.report;

import gan4j.io.AtomicFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Writes PNG files atomically. */
public final class PngFiles {

    private PngFiles() {
    }

    /**
     * Encodes through an in-memory cache: ImageIO's default disk cache registers its temporary file
     * for deletion at exit, which fails while the JVM shuts down, exactly when a SIGTERM'd run
     * writes its last sample grid.
     */
    public static void write(BufferedImage image, Path file) {
        AtomicFiles.write(file, out -> {
            try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
                if (!ImageIO.write(image, "png", stream)) {
                    throw new IOException("no PNG writer available");
                }
            }
        });
    }
}
