package gan4j.export;

import gan4j.io.AtomicFiles;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes exported samples as one NumPy {@code .npz}: {@code x}, uint8 [N, H, W, C], and, when the
 * generator is conditional, {@code y}, int64 [N], the class of each sample. The pixels stream into
 * the zip entry batch by batch, so memory stays bounded by one batch; the labels (8 bytes per
 * sample) are held until {@code x} is complete. ND4J's npy writer and the Kotlin npy library need
 * the whole array in memory, hence this small writer over the JDK's zip.
 */
final class NpzWriter implements SampleSink {

    // A fixed entry time makes the same samples give the same bytes.
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

    private final ZipOutputStream zip;
    private final long[] labels;
    private int written;

    private NpzWriter(OutputStream out, int count, int height, int width, int channels, boolean labelled)
            throws IOException {
        this.zip = new ZipOutputStream(out);
        this.labels = labelled ? new long[count] : null;
        begin("x.npy");
        zip.write(NpyHeader.of("|u1", count, height, width, channels));
    }

    /**
     * Writes {@code file} atomically: {@code producer} fills it through the sink it is handed, and
     * the file appears only once all {@code count} samples are in.
     */
    static void write(Path file, int count, int height, int width, int channels, boolean labelled,
                      SampleSink.Producer producer) {
        AtomicFiles.write(file, out -> {
            NpzWriter writer = new NpzWriter(out, count, height, width, channels, labelled);
            producer.produce(writer);
            writer.finish(count);
        });
    }

    @Override
    public void accept(ExportedBatch batch) throws IOException {
        zip.write(batch.pixels(), 0, batch.count() * batch.imageBytes());
        if (labels != null) {
            for (int i = 0; i < batch.count(); i++) {
                labels[written + i] = batch.labels()[i];
            }
        }
        written += batch.count();
    }

    private void finish(int count) throws IOException {
        if (written != count) {
            throw new IllegalStateException("wrote " + written + " samples of " + count);
        }
        zip.closeEntry();
        if (labels != null) {
            begin("y.npy");
            zip.write(NpyHeader.of("<i8", count));
            DataOutputStream data = new DataOutputStream(zip);
            for (long label : labels) {
                data.writeLong(Long.reverseBytes(label));
            }
            data.flush();
            zip.closeEntry();
        }
        zip.finish();
    }

    private void begin(String name) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(ENTRY_TIME);
        zip.putNextEntry(entry);
    }
}
