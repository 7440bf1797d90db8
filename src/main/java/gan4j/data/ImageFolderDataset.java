package gan4j.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.datavec.image.loader.NativeImageLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A folder of images, one sub-folder per class (or all images directly inside for one class),
 * decoded with DataVec on each read to a centred square of size × size, grey or RGB, in [-1, 1].
 *
 * <p>The files are listed once, sorted, so index i names the same file in every run. A file that
 * cannot be decoded is logged once, counted in {@link #skippedFiles()} and replaced by the next
 * readable file of its class, so a batch is always full and keeps its labels.
 */
public final class ImageFolderDataset implements Dataset {

    private static final Logger LOG = LoggerFactory.getLogger(ImageFolderDataset.class);
    private static final Set<String> EXTENSIONS = Arrays.stream(NativeImageLoader.ALLOWED_FORMATS)
            .map(f -> f.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    private static final String LAYOUT = "one sub-folder per class, or all images directly inside";

    private final Path root;
    private final int imageSize;
    private final int channels;
    private final List<String> classNames;
    private final Path[] files;
    private final int[] labels;
    // Files of class k are files[classStart[k] .. classStart[k + 1]).
    private final int[] classStart;
    private final Set<Integer> unreadable = ConcurrentHashMap.newKeySet();
    private final ThreadLocal<ImageDecoder> decoders;

    private ImageFolderDataset(Path root, int imageSize, int channels, List<String> classNames,
            List<List<Path>> filesByClass) {
        this.root = root;
        this.imageSize = imageSize;
        this.channels = channels;
        this.classNames = classNames;
        int total = filesByClass.stream().mapToInt(List::size).sum();
        this.files = new Path[total];
        this.labels = new int[total];
        this.classStart = new int[classNames.size() + 1];
        int next = 0;
        for (int k = 0; k < classNames.size(); k++) {
            classStart[k] = next;
            for (Path file : filesByClass.get(k)) {
                files[next] = file;
                labels[next] = k;
                next++;
            }
        }
        classStart[classNames.size()] = next;
        this.decoders = ThreadLocal.withInitial(() -> new ImageDecoder(imageSize, channels));
    }

    /**
     * Lists the images under {@code root} (sub-folder name = class, sorted; images directly in
     * {@code root} = one class named after it) to be read as {@code imageSize}² squares with 1
     * (grey) or 3 (RGB) channels.
     */
    public static ImageFolderDataset open(Path root, int imageSize, int channels) {
        if (imageSize < 1) {
            throw new IllegalArgumentException("imageSize must be positive, got " + imageSize);
        }
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 (grey) or 3 (RGB), got " + channels);
        }
        if (!Files.isDirectory(root)) {
            throw new DataException("Image folder " + root + " does not exist: create it and put the images in it, "
                    + LAYOUT + ".");
        }
        List<Path> rootImages = images(root, false);
        List<String> names = new ArrayList<>();
        List<List<Path>> filesByClass = new ArrayList<>();
        for (Path dir : subFolders(root)) {
            List<Path> classImages = images(dir, true);
            if (!classImages.isEmpty()) {
                names.add(dir.getFileName().toString());
                filesByClass.add(classImages);
            }
        }
        if (!rootImages.isEmpty() && !names.isEmpty()) {
            throw new DataException("Image folder " + root + " has images both directly inside and in sub-folders: "
                    + "put them " + LAYOUT + ".");
        }
        if (!rootImages.isEmpty()) {
            names.add(root.getFileName() == null ? root.toString() : root.getFileName().toString());
            filesByClass.add(rootImages);
        }
        if (names.isEmpty()) {
            throw new DataException("Image folder " + root + " has no images (" + String.join(", ", sorted(EXTENSIONS))
                    + "): put the images in it, " + LAYOUT + ".");
        }
        return new ImageFolderDataset(root, imageSize, channels, List.copyOf(names), filesByClass);
    }

    /** How many distinct files so far could not be decoded and were replaced. */
    public int skippedFiles() {
        return unreadable.size();
    }

    /** The file that index {@code index} names (a replacement is read if it cannot be decoded). */
    public Path file(int index) {
        return files[Objects.checkIndex(index, files.length)];
    }

    @Override
    public int size() {
        return files.length;
    }

    @Override
    public int channels() {
        return channels;
    }

    @Override
    public int height() {
        return imageSize;
    }

    @Override
    public int width() {
        return imageSize;
    }

    @Override
    public List<String> classNames() {
        return classNames;
    }

    @Override
    public int label(int index) {
        return labels[Objects.checkIndex(index, labels.length)];
    }

    @Override
    public void read(int index, float[] dst, int offset) {
        int label = label(index);
        int start = classStart[label];
        int count = classStart[label + 1] - start;
        ImageDecoder decoder = decoders.get();
        // The replacement depends only on which files are unreadable, so it is the same in every run.
        for (int step = 0; step < count; step++) {
            int candidate = start + (index - start + step) % count;
            if (unreadable.contains(candidate)) {
                continue;
            }
            try {
                decoder.decode(files[candidate], dst, offset);
                return;
            } catch (IOException | RuntimeException e) {
                // OpenCV reports some broken files as RuntimeExceptions rather than IOExceptions.
                if (unreadable.add(candidate)) {
                    LOG.warn("Skipping unreadable image {} ({}); using the next image of its class instead",
                            files[candidate], e.toString());
                }
            }
        }
        throw new DataException("No image of class '" + classNames.get(label) + "' under " + root
                + " could be decoded: replace the damaged files or remove that class.");
    }

    @Override
    public String describe() {
        return "image folder " + root + " (" + files.length + " images, " + classNames.size() + " classes, "
                + imageSize + "x" + imageSize + (channels == 1 ? " grey" : " RGB") + ")";
    }

    private static List<Path> subFolders(Path root) {
        try (Stream<Path> entries = Files.list(root)) {
            return entries.filter(p -> !hidden(p) && Files.isDirectory(p)).sorted(byName(root)).toList();
        } catch (IOException e) {
            throw unreadableFolder(root, e);
        }
    }

    private static List<Path> images(Path dir, boolean recursive) {
        try (Stream<Path> entries = recursive
                ? Files.walk(dir, FileVisitOption.FOLLOW_LINKS)
                : Files.list(dir)) {
            return entries.filter(p -> isImage(p) && Files.isRegularFile(p)).sorted(byName(dir)).toList();
        } catch (IOException | UncheckedIOException e) {
            throw unreadableFolder(dir, e);
        }
    }

    private static boolean isImage(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return !hidden(file) && dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    // Dot-files include the "._name.jpg" resource forks macOS leaves beside copied images.
    private static boolean hidden(Path file) {
        return file.getFileName().toString().startsWith(".");
    }

    // Relative paths with '/' compare the same way on every platform.
    private static Comparator<Path> byName(Path base) {
        return Comparator.comparing(p -> base.relativize(p).toString().replace('\\', '/'));
    }

    private static List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }

    private static DataException unreadableFolder(Path dir, Exception e) {
        return new DataException("Cannot list " + dir + " (" + e + "): check that the folder is readable.", e);
    }
}
