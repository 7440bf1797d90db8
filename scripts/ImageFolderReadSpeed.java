/*
 * Measures how fast ImageFolderDataset decodes JPEGs, through BatchStream as training does.
 *
 *   mvn -q -B compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 *   java -cp "target/classes:$(cat target/cp.txt)" scripts/ImageFolderReadSpeed.java [folder] [size] [threads...]
 *
 * With no folder, 500 CelebA-sized (178x218) JPEGs of smooth colour and noise are written to
 * /tmp/gan4j-read-speed first.
 */

import gan4j.data.BatchStream;
import gan4j.data.ImageFolderDataset;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.ImageIO;

public class ImageFolderReadSpeed {

    private static final int BATCH = 50;

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "/tmp/gan4j-read-speed");
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        int[] threads = args.length > 2
                ? Arrays.stream(args, 2, args.length).mapToInt(Integer::parseInt).toArray()
                : new int[] {1, 2};
        if (args.length == 0 && !Files.isDirectory(folder)) {
            writeImages(folder, 500);
        }
        try (ImageFolderDataset data = ImageFolderDataset.open(folder, size, 3)) {
            System.out.println(data.describe());
            int steps = data.size() / BATCH;
            for (int workers : threads) {
                // One untimed pass warms up the JIT, OpenCV and the page cache.
                readAll(data, steps, workers);
                double best = 0;
                for (int round = 0; round < 3; round++) {
                    long start = System.nanoTime();
                    readAll(data, steps, workers);
                    double seconds = (System.nanoTime() - start) / 1e9;
                    best = Math.max(best, steps * BATCH / seconds);
                }
                System.out.printf("%d loader thread(s): %.0f images/s (best of 3 passes over %d images)%n",
                        workers, best, steps * BATCH);
            }
        }
    }

    private static void readAll(ImageFolderDataset data, int steps, int workers) {
        try (BatchStream stream = new BatchStream(data, BATCH, 1, 0, 2, workers)) {
            for (int t = 0; t < steps; t++) {
                stream.next();
            }
        }
    }

    private static void writeImages(Path folder, int count) throws IOException {
        Files.createDirectories(folder);
        Random random = new Random(1);
        for (int n = 0; n < count; n++) {
            BufferedImage image = new BufferedImage(178, 218, BufferedImage.TYPE_INT_RGB);
            int r0 = random.nextInt(256), g0 = random.nextInt(256), b0 = random.nextInt(256);
            for (int y = 0; y < 218; y++) {
                for (int x = 0; x < 178; x++) {
                    int noise = random.nextInt(24);
                    int r = Math.min(255, (r0 + x + noise) % 256);
                    int g = Math.min(255, (g0 + y + noise) % 256);
                    int b = Math.min(255, (b0 + (x + y) / 2 + noise) % 256);
                    image.setRGB(x, y, r << 16 | g << 8 | b);
                }
            }
            ImageIO.write(image, "jpg", folder.resolve(String.format("%06d.jpg", n)).toFile());
        }
    }
}
