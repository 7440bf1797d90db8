package gan4j.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/**
 * Writes a packed dataset file (layout in {@link PackedDataset}) front to back through a channel:
 * the header, then images as they come, then the labels and, last, the number of images kept.
 */
final class PackedFileWriter {

    private final FileChannel channel;
    private final PackedHeader planned;
    private int[] labels = new int[1024];
    private int count;

    /** Starts the file with {@code planned}'s header; its count is replaced when {@link #finish} knows it. */
    PackedFileWriter(FileChannel channel, PackedHeader planned) throws IOException {
        this.channel = channel;
        this.planned = planned;
        writeFully(planned.withCount(0).encode(), 0);
    }

    /** Appends {@code labels.length} images whose pixels are {@code pixels[0 ..]}, in packed layout. */
    void append(byte[] pixels, int[] newLabels) throws IOException {
        writeFully(ByteBuffer.wrap(pixels, 0, newLabels.length * planned.sampleBytes()), channel.position());
        if (count + newLabels.length > labels.length) {
            labels = Arrays.copyOf(labels, Math.max(2 * labels.length, count + newLabels.length));
        }
        System.arraycopy(newLabels, 0, labels, count, newLabels.length);
        count += newLabels.length;
    }

    int count() {
        return count;
    }

    /** Writes the labels and the final image count; returns the header the file now has. */
    PackedHeader finish() throws IOException {
        ByteBuffer labelBytes = ByteBuffer.allocate(count * PackedHeader.LABEL_BYTES);
        labelBytes.asIntBuffer().put(labels, 0, count);
        writeFully(labelBytes, channel.position());
        ByteBuffer countBytes = ByteBuffer.allocate(Integer.BYTES).putInt(0, count);
        writeFully(countBytes, PackedHeader.COUNT_OFFSET);
        return planned.withCount(count);
    }

    private void writeFully(ByteBuffer bytes, long position) throws IOException {
        long at = position;
        while (bytes.hasRemaining()) {
            at += channel.write(bytes, at);
        }
        // Positional writes leave the channel's position alone; appends continue from the end.
        channel.position(Math.max(channel.position(), at));
    }
}
