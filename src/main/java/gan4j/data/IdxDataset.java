package gan4j.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Grey images and their labels from a pair of IDX files (MNIST, Fashion-MNIST), gzipped or not,
 * held in memory as the file's bytes and scaled to [-1, 1] as x / 127.5 - 1 on each read.
 */
public final class IdxDataset implements Dataset {

    /** Fashion-MNIST's class names in label order. */
    public static final List<String> FASHION_MNIST_CLASSES = List.of(
            "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    /** Pass as {@code limit} to use every image in the file. */
    public static final int ALL = Integer.MAX_VALUE;

    static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    static final String TRAIN_LABELS = "train-labels-idx1-ubyte";

    private static final int DEFAULT_CLASS_COUNT = 10;

    private final Path imagesPath;
    private final int size;
    private final int height;
    private final int width;
    private final byte[] pixels;
    private final byte[] labels;
    private final List<String> classNames;
    // x / 127.5 - 1 for every byte value, so a read is a table look-up per pixel.
    private final float[] scaled = new float[256];

    private IdxDataset(Path imagesPath, IdxFile images, IdxFile labels, List<String> classNames) {
        this.imagesPath = imagesPath;
        this.size = images.items;
        this.height = images.dims[1];
        this.width = images.dims[2];
        this.pixels = images.data;
        this.labels = labels.data;
        this.classNames = classNames;
        for (int b = 0; b < scaled.length; b++) {
            scaled[b] = b / 127.5f - 1f;
        }
    }

    /**
     * Reads the first {@code limit} images (or {@link #ALL}) and labels of an IDX pair. Empty
     * {@code classNames} name the classes by their numbers, "0".."9" (further if labels go higher).
     */
    public static IdxDataset open(Path images, Path labels, List<String> classNames, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, got " + limit);
        }
        IdxFile imageFile = IdxFile.read(images, 3, limit, TRAIN_IMAGES + ".gz");
        IdxFile labelFile = IdxFile.read(labels, 1, limit, TRAIN_LABELS + ".gz");
        if (imageFile.dims[0] != labelFile.dims[0]) {
            throw new DataException(images + " holds " + imageFile.dims[0] + " images but " + labels
                    + " holds " + labelFile.dims[0] + " labels: pass the labels file that belongs to these images.");
        }
        if (imageFile.items == 0) {
            throw new DataException(images + " holds no images: pass a non-empty IDX images file.");
        }
        return new IdxDataset(images, imageFile, labelFile, namesFor(labels, labelFile.data, classNames));
    }

    /**
     * Finds {@code train-images-idx3-ubyte[.gz]} and {@code train-labels-idx1-ubyte[.gz]} in
     * {@code directory} and opens them (see {@link #open}).
     */
    public static IdxDataset inDirectory(Path directory, List<String> classNames, int limit) {
        if (!Files.isDirectory(directory)) {
            throw new DataException("Folder " + directory + " does not exist: " + whereToGetFiles());
        }
        return open(find(directory, TRAIN_IMAGES), find(directory, TRAIN_LABELS), classNames, limit);
    }

    /**
     * Opens the IDX pair in {@code directory} (see {@link #open}), naming the classes after
     * Fashion-MNIST's if the path mentions "fashion", else "0".."9".
     */
    public static IdxDataset inDirectory(Path directory, int limit) {
        boolean fashion = directory.toString().toLowerCase(Locale.ROOT).contains("fashion");
        return inDirectory(directory, fashion ? FASHION_MNIST_CLASSES : List.of(), limit);
    }

    /** Whether {@code directory} holds an IDX training pair that {@link #inDirectory} would open. */
    public static boolean isIdxDirectory(Path directory) {
        return List.of(TRAIN_IMAGES, TRAIN_IMAGES + ".gz").stream()
                .anyMatch(name -> Files.isRegularFile(directory.resolve(name)));
    }

    static Path find(Path directory, String baseName) {
        // The uncompressed file, where both exist, reads faster.
        for (String name : List.of(baseName, baseName + ".gz")) {
            Path candidate = directory.resolve(name);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new DataException("Found neither " + baseName + " nor " + baseName + ".gz in " + directory
                + ": " + whereToGetFiles());
    }

    private static String whereToGetFiles() {
        return "put the IDX files there (for Fashion-MNIST, `apt-get install dataset-fashion-mnist`"
                + " installs them in /usr/share/datasets/fashion-mnist).";
    }

    private static List<String> namesFor(Path labelsPath, byte[] labels, List<String> given) {
        int highest = 0;
        for (byte b : labels) {
            highest = Math.max(highest, b & 0xFF);
        }
        if (given.isEmpty()) {
            return IntStream.range(0, Math.max(DEFAULT_CLASS_COUNT, highest + 1))
                    .mapToObj(Integer::toString).toList();
        }
        if (highest >= given.size()) {
            throw new DataException(labelsPath + " has label " + highest + " but only " + given.size()
                    + " class names were given: list a name for every label.");
        }
        return List.copyOf(given);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int channels() {
        return 1;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public List<String> classNames() {
        return classNames;
    }

    @Override
    public int label(int index) {
        return labels[Objects.checkIndex(index, size)] & 0xFF;
    }

    @Override
    public void read(int index, float[] dst, int offset) {
        int pixelCount = height * width;
        int from = Objects.checkIndex(index, size) * pixelCount;
        for (int i = 0; i < pixelCount; i++) {
            dst[offset + i] = scaled[pixels[from + i] & 0xFF];
        }
    }

    @Override
    public String describe() {
        return "IDX " + imagesPath + " (" + size + " grey images " + height + "x" + width + ", "
                + classNames.size() + " classes)";
    }
}
