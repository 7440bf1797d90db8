package gan4j.bench;

import gan4j.data.Batch;
import gan4j.data.BatchStream;
import gan4j.data.Dataset;
import gan4j.data.DatasetPacker;
import gan4j.data.IdxDataset;
import gan4j.data.ImageFolderDataset;
import gan4j.data.PackedDataset;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * Measures how many images per second {@link BatchStream} delivers, as training draws them, from a
 * JPEG folder, Fashion-MNIST's IDX files and a packed file; run by {@code scripts/bench-data}.
 */
@Command(name = "read-speed", mixinStandardHelpOptions = true,
        description = "Images/s of BatchStream from a JPEG folder, IDX files and a packed file.")
public final class ReadSpeed implements Callable<Integer> {

    private static final int SYNTHETIC_JPEGS = 1000;
    private static final int CELEBA_WIDTH = 178;
    private static final int CELEBA_HEIGHT = 218;
    private static final int ROUNDS = 3;

    @Option(names = "--jpeg", paramLabel = "DIR",
            description = "JPEG folder to read (default: " + SYNTHETIC_JPEGS + " synthetic 178x218 JPEGs in --work).")
    Path jpeg;

    @Option(names = "--idx", paramLabel = "DIR", defaultValue = "/usr/share/datasets/fashion-mnist",
            description = "IDX folder (default ${DEFAULT-VALUE}).")
    Path idx;

    @Option(names = "--work", paramLabel = "DIR", defaultValue = "${java.io.tmpdir}/gan4j-bench-data",
            description = "Where synthetic JPEGs and packed files go (default ${DEFAULT-VALUE}).")
    Path work;

    @Option(names = "--size", defaultValue = "64", description = "Side images are resized to (default ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--batch", defaultValue = "64", description = "Batch size (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--workers", defaultValue = "2", description = "BatchStream loader threads (default ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--packed-images", defaultValue = "50000",
            description = "Images in the packed file: the JPEG folder's, repeated, so the file outgrows CPU caches"
                    + " as a real dataset does (default ${DEFAULT-VALUE}).")
    int packedImages;

    @Option(names = "--memory", defaultValue = "REUSED",
            description = "BatchStream memory, FRESH or REUSED as training uses (default ${DEFAULT-VALUE}).")
    BatchStream.Memory memory;

    @Option(names = "--seconds", defaultValue = "3", description = "Length of each timed round (default ${DEFAULT-VALUE}).")
    double seconds;

    private final PrintWriter out = new PrintWriter(System.out, true);

    public static void main(String[] args) {
        System.exit(new CommandLine(new ReadSpeed()).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        out.printf(Locale.ROOT, "batch %d, %d loader thread(s), %s memory, %d cores; median of %d rounds of %.0f s"
                + " each%n", batch, workers, memory, Runtime.getRuntime().availableProcessors(), ROUNDS, seconds);
        Map<String, String> results = new LinkedHashMap<>();
        Path folder = jpeg != null ? jpeg : syntheticJpegs(work.resolve("jpeg"));
        try (ImageFolderDataset images = ImageFolderDataset.open(folder, size, 3)) {
            results.put("jpeg-folder", measure(images));

            if (IdxDataset.isIdxDirectory(idx)) {
                results.put("idx", measure(IdxDataset.inDirectory(idx, IdxDataset.ALL)));
            } else {
                results.put("idx", "skipped (no IDX files in " + idx + ")");
            }

            DatasetPacker packer = new DatasetPacker(workers, Integer.MAX_VALUE, out);
            Path folderPack = work.resolve("jpeg.gan4j");
            DatasetPacker.Summary packed = packer.packFolder(folder, size, 3, folderPack);
            out.printf(Locale.ROOT, "gan data pack of %s: %.0f images/s%n", folder,
                    packed.images() / (packed.elapsed().toNanos() / 1e9));
            Path bigPack = work.resolve("packed-" + packedImages + ".gan4j");
            try (PackedDataset once = PackedDataset.open(folderPack, PackedDataset.ALL)) {
                packer.pack(new Repeated(once, packedImages),
                        new DatasetPacker.Source(folderPack + " repeated", work, List.of()), bigPack);
            }
            try (PackedDataset big = PackedDataset.open(bigPack, PackedDataset.ALL)) {
                results.put("packed", measure(big));
            }
        }
        out.println();
        results.forEach((source, speed) -> out.println(source + ": " + speed));
        return 0;
    }

    /** Median images/s over {@link #ROUNDS} timed rounds, after one untimed round that warms up JIT and caches. */
    private String measure(Dataset data) {
        out.println("reading " + data.describe());
        streamFor(data, seconds);
        double[] rates = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            rates[r] = streamFor(data, seconds);
        }
        out.printf(Locale.ROOT, "  rounds: %s images/s%n", Arrays.toString(Arrays.stream(rates)
                .mapToLong(Math::round).toArray()));
        Arrays.sort(rates);
        return String.format(Locale.ROOT, "%.0f images/s", rates[ROUNDS / 2]);
    }

    private double streamFor(Dataset data, double duration) {
        long start = System.nanoTime();
        long deadline = start + (long) (duration * 1e9);
        long images = 0;
        try (BatchStream stream = new BatchStream(data, batch, 1, 0, BatchStream.DEFAULT_PREFETCH, workers, memory)) {
            while (System.nanoTime() < deadline) {
                images += stream.next().images().size(0);
            }
        }
        return images / ((System.nanoTime() - start) / 1e9);
    }

    /** Writes CelebA-sized JPEGs of smooth colour and noise, unless an earlier run left them there. */
    private Path syntheticJpegs(Path folder) throws IOException {
        Files.createDirectories(folder);
        List<Path> missing = new ArrayList<>();
        for (int n = 0; n < SYNTHETIC_JPEGS; n++) {
            Path file = folder.resolve(String.format(Locale.ROOT, "%06d.jpg", n));
            if (!Files.exists(file)) {
                missing.add(file);
            }
        }
        if (!missing.isEmpty()) {
            out.println("writing " + missing.size() + " synthetic " + CELEBA_WIDTH + "x" + CELEBA_HEIGHT
                    + " JPEGs to " + folder);
        }
        for (Path file : missing) {
            Random random = new Random(file.getFileName().toString().hashCode());
            BufferedImage image = new BufferedImage(CELEBA_WIDTH, CELEBA_HEIGHT, BufferedImage.TYPE_INT_RGB);
            int r0 = random.nextInt(256);
            int g0 = random.nextInt(256);
            int b0 = random.nextInt(256);
            for (int y = 0; y < CELEBA_HEIGHT; y++) {
                for (int x = 0; x < CELEBA_WIDTH; x++) {
                    int noise = random.nextInt(24);
                    int r = (r0 + x + noise) % 256;
                    int g = (g0 + y + noise) % 256;
                    int b = (b0 + (x + y) / 2 + noise) % 256;
                    image.setRGB(x, y, r << 16 | g << 8 | b);
                }
            }
            ImageIO.write(image, "jpg", file.toFile());
        }
        return folder;
    }

    /** A dataset's samples repeated in order up to {@code size}, to make a large packed file from a small folder. */
    private record Repeated(Dataset base, int size) implements Dataset {

        @Override
        public int channels() {
            return base.channels();
        }

        @Override
        public int height() {
            return base.height();
        }

        @Override
        public int width() {
            return base.width();
        }

        @Override
        public List<String> classNames() {
            return base.classNames();
        }

        @Override
        public int label(int index) {
            return base.label(index % base.size());
        }

        @Override
        public void read(int index, float[] dst, int offset) {
            base.read(index % base.size(), dst, offset);
        }

        @Override
        public String describe() {
            return base.describe() + " repeated to " + size + " images";
        }
    }
}
