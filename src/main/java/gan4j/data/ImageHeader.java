package gan4j.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads an image file's declared size from its header, so a file that would decode into gigabytes
 * (a 40,000 × 25,000 scan among photos, or a crafted header) is refused before OpenCV allocates it.
 */
final class ImageHeader {

    /**
     * Pixels a file may declare: 64 megapixels holds every camera photo in common use, and decodes
     * into at most 192 MB of BGR bytes per loader thread.
     */
    static final long MAX_PIXELS = 64L << 20;

    /** Bytes a file may hold: DataVec reads the whole file into memory before decoding it. */
    static final long MAX_FILE_BYTES = 256L << 20;

    private ImageHeader() {
    }

    /**
     * Throws when the file is over {@link #MAX_FILE_BYTES} or its header declares more than
     * {@link #MAX_PIXELS}; a file whose format the JDK's
     * readers do not know is left for OpenCV to judge, which fails on it or decodes it.
     */
    static void checkSize(Path file) throws IOException {
        long bytes = Files.size(file);
        if (bytes > MAX_FILE_BYTES) {
            throw new IOException(file + " holds " + (bytes >> 20) + " MB, over the " + (MAX_FILE_BYTES >> 20)
                    + " MB limit of image files gan4j decodes; downscale or recompress it first");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new IOException("cannot open " + file);
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width * height > MAX_PIXELS) {
                    throw new IOException(file + " is " + width + "x" + height + " pixels, over the "
                            + (MAX_PIXELS >> 20) + "-megapixel limit of images gan4j decodes; downscale it first");
                }
            } finally {
                reader.dispose();
            }
        }
    }
}
