package gan4j.export;

import gan4j.io.AtomicFiles;
import gan4j.io.RunException;
import java.awt.image.BufferedImage;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Writes exported samples as a folder of PNGs, {@code 000000.png} onwards (grey or RGB, native
 * size), the layout torch-fidelity, clean-fid and pytorch-fid read; a conditional generator's
 * classes go to {@code labels.csv} beside them, which those tools ignore. The folder is filled under
 * a temporary name and renamed when complete, so a killed export leaves no folder that looks whole.
 */
final class PngFolderWriter implements SampleSink {

    /** The file that maps each PNG to its class, for conditional generators. */
    static final String LABELS = "labels.csv";

    private final Path folder;
    private final String nameFormat;
    private final List<String> classNames;
    private final BufferedWriter labels;
    private int written;

    private PngFolderWriter(Path folder, int count, List<String> classNames) throws IOException {
        this.folder = folder;
        this.nameFormat = "%0" + Math.max(6, Integer.toString(count - 1).length()) + "d.png";
        this.classNames = classNames;
        this.labels = classNames.isEmpty() ? null : Files.newBufferedWriter(folder.resolve(LABELS),
                StandardCharsets.UTF_8);
        if (labels != null) {
            labels.write("file,label,class");
            labels.newLine();
        }
    }

    /**
     * Creates {@code target} with the samples {@code producer} hands the sink; {@code classNames}
     * is empty for an unconditional generator.
     */
    static void write(Path target, int count, List<String> classNames, SampleSink.Producer producer) {
        Path temp = target.toAbsolutePath().resolveSibling(target.getFileName() + AtomicFiles.TEMP_SUFFIX);
        try {
            deleteTree(temp);
            Files.createDirectories(temp);
            PngFolderWriter writer = new PngFolderWriter(temp, count, classNames);
            producer.produce(writer);
            writer.finish(count);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            AtomicFiles.syncDirectory(target.toAbsolutePath().getParent());
        } catch (IOException | UncheckedIOException e) {
            deleteTree(temp);
            throw new RunException("could not write " + target + ": " + e.getMessage()
                    + "; free disk space or give --out a folder elsewhere.", e);
        }
    }

    @Override
    public void accept(ExportedBatch batch) throws IOException {
        for (int i = 0; i < batch.count(); i++) {
            String name = String.format(Locale.ROOT, nameFormat, written);
            try (OutputStream file = Files.newOutputStream(folder.resolve(name));
                 ImageOutputStream stream = new MemoryCacheImageOutputStream(file)) {
                if (!ImageIO.write(image(batch, i), "png", stream)) {
                    throw new IOException("no PNG writer available");
                }
            }
            if (labels != null) {
                int label = batch.labels()[i];
                labels.write(name + "," + label + "," + classNames.get(label));
                labels.newLine();
            }
            written++;
        }
    }

    private void finish(int count) throws IOException {
        if (written != count) {
            throw new IllegalStateException("wrote " + written + " samples of " + count);
        }
        if (labels != null) {
            labels.close();
        }
    }

    private static BufferedImage image(ExportedBatch batch, int index) {
        int h = batch.height();
        int w = batch.width();
        int c = batch.channels();
        BufferedImage image = new BufferedImage(w, h, c == 1 ? BufferedImage.TYPE_BYTE_GRAY
                : BufferedImage.TYPE_3BYTE_BGR);
        int[] samples = new int[batch.imageBytes()];
        int base = index * batch.imageBytes();
        for (int k = 0; k < samples.length; k++) {
            samples[k] = batch.pixels()[base + k] & 0xFF;
        }
        // The raster's bands are R, G, B whatever the byte order in memory, matching the HWC samples.
        image.getRaster().setPixels(0, 0, w, h, samples);
        return image;
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException ignored) {
            // A leftover temporary folder is ignored by name and replaced by the next export.
        }
    }
}
