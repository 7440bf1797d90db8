package gan4j.data;

import gan4j.io.AtomicFiles;
import gan4j.io.Versions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * Writes a packed dataset file ({@link PackedDataset} has the format) from an image folder, an IDX
 * folder or any {@link Dataset}, decoding on several threads, with a human-readable
 * {@code FILE.manifest.yaml} beside it. Both files are written completely or not at all.
 *
 * <p>Images keep their dataset order whatever the thread count, so the same source packs to the
 * same bytes. Image-folder files that cannot be decoded are left out and listed in the summary
 * and the manifest.
 */
public final class DatasetPacker {

    /** Suffix of the manifest written beside a packed file. */
    public static final String MANIFEST_SUFFIX = ".manifest.yaml";

    /** Largest image side a folder is packed at. */
    public static final int MAX_SIZE = 4096;
    /** Most decoding threads: past this the threads only add memory (a decoder and buffers each). */
    public static final int MAX_THREADS = 64;
    // Images per decoding task: big enough to amortise scheduling, small enough to keep all threads busy.
    private static final int IMAGES_PER_TASK = 64;
    // A task's pixels stay under this, so large images make tasks of fewer images instead of huge buffers.
    private static final long TASK_BYTES = 16L << 20;
    // Tasks in flight per thread: decoded chunks wait in memory until written in order...
    private static final int TASKS_PER_THREAD = 4;
    // ...as long as they stay under this, beyond one task per thread.
    private static final long IN_FLIGHT_BYTES = 512L << 20;

    private final int threads;
    private final int progressEvery;
    private final PrintWriter progress;

    /** What is packed: a description for the header, and the files the source hash covers (under {@code root}). */
    public record Source(String description, Path root, List<Path> files) {
        public Source {
            files = List.copyOf(files);
        }
    }

    /** A source file left out because it could not be decoded, and why. */
    public record SkippedFile(Path file, String reason) {
    }

    /** What {@link DatasetPacker} wrote. */
    public record Summary(Path file, Path manifest, int images, int channels, int height, int width,
            List<String> classNames, long bytes, String sourceHash, List<SkippedFile> skipped, Duration elapsed) {
        public Summary {
            classNames = List.copyOf(classNames);
            skipped = List.copyOf(skipped);
        }
    }

    /** Reads sample {@code index} into {@code dst}, or says which file could not be decoded. */
    @FunctionalInterface
    private interface SampleReader {
        Optional<SkippedFile> read(int index, float[] dst);
    }

    /** The images of one decoding task that could be read, in packed layout, and those that could not. */
    private record Chunk(int end, byte[] pixels, int[] labels, List<SkippedFile> skipped) {
    }

    /**
     * Decodes on {@code threads} threads and prints a line to {@code progress} every
     * {@code progressEvery} images.
     */
    public DatasetPacker(int threads, int progressEvery, PrintWriter progress) {
        if (threads < 1 || threads > MAX_THREADS || progressEvery < 1) {
            throw new IllegalArgumentException("need 1 <= threads <= " + MAX_THREADS + " and progressEvery >= 1,"
                    + " got " + threads + ", " + progressEvery);
        }
        this.threads = threads;
        this.progressEvery = progressEvery;
        this.progress = progress;
    }

    /** Packs an image folder (layout as {@link ImageFolderDataset} reads it) as size × size squares. */
    public Summary packFolder(Path folder, int size, int channels, Path out) {
        ImageFolderDataset data = ImageFolderDataset.open(folder, size, channels);
        List<Path> files = IntStream.range(0, data.size()).mapToObj(data::file).toList();
        ThreadLocal<ImageDecoder> decoders = ThreadLocal.withInitial(() -> new ImageDecoder(size, channels));
        // Decoding files directly, not through data.read(), leaves bad files out instead of repeating a neighbour.
        SampleReader reader = (index, dst) -> {
            try {
                decoders.get().decode(data.file(index), dst, 0);
                return Optional.empty();
            } catch (IOException | RuntimeException e) {
                // OpenCV reports some broken files as RuntimeExceptions rather than IOExceptions.
                return Optional.of(new SkippedFile(data.file(index), e.toString()));
            }
        };
        return pack(data, new Source("image folder " + folder, folder, files), out, reader);
    }

    /** Packs the training pair of an IDX folder (see {@link IdxDataset#inDirectory}) at its own size. */
    public Summary packIdx(Path directory, Path out) {
        IdxDataset data = IdxDataset.inDirectory(directory, IdxDataset.ALL);
        List<Path> files = List.of(IdxDataset.find(directory, IdxDataset.TRAIN_IMAGES),
                IdxDataset.find(directory, IdxDataset.TRAIN_LABELS));
        return pack(data, new Source("IDX folder " + directory, directory, files), out);
    }

    /** Packs every sample of {@code data}, which must be images in [-1, 1]; every sample must be readable. */
    public Summary pack(Dataset data, Source source, Path out) {
        return pack(data, source, out, (index, dst) -> {
            data.read(index, dst, 0);
            return Optional.empty();
        });
    }

    private Summary pack(Dataset data, Source source, Path out, SampleReader reader) {
        if (data.sampleShape().length != 3) {
            throw new DataException(data.describe() + " is not a set of images: only images can be packed.");
        }
        long start = System.nanoTime();
        try (WorkerPool pool = new WorkerPool(threads, "gan4j-pack")) {
            progress.println("hashing " + source.files().size() + " source file(s) of " + source.description());
            progress.flush();
            byte[] hash = SourceHash.of(source.root(), source.files(), pool);
            PackedHeader planned = new PackedHeader(data.size(), data.channels(), data.height(), data.width(),
                    data.classNames(), hash, source.description());
            PackJob job = new PackJob(data, planned, reader, pool, start);
            writeAtomically(out, job::writeTo);
            PackedHeader written = job.written;
            Path manifest = out.resolveSibling(out.getFileName() + MANIFEST_SUFFIX);
            String yaml = manifestYaml(out, written, source, job.imagesPerClass, job.skipped);
            writeAtomically(manifest, channel -> channel.write(ByteBuffer.wrap(yaml.getBytes(StandardCharsets.UTF_8))));
            return new Summary(out, manifest, written.count(), written.channels(), written.height(), written.width(),
                    written.classNames(), written.fileBytes(), written.sourceHashHex(), job.skipped,
                    Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private static void writeAtomically(Path target, AtomicFiles.ChannelWriter writer) {
        try {
            AtomicFiles.writeChannel(target, writer);
        } catch (IOException e) {
            throw new DataException("Could not write " + target + " (" + e + "): free disk space or write it"
                    + " elsewhere.", e);
        }
    }

    private static String manifestYaml(Path file, PackedHeader header, Source source, int[] labelCounts,
            List<SkippedFile> skipped) {
        Map<String, Object> perClass = new LinkedHashMap<>();
        for (int k = 0; k < labelCounts.length; k++) {
            perClass.put(header.classNames().get(k), labelCounts[k]);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", "gan4j packed dataset");
        m.put("format_version", PackedHeader.VERSION);
        m.put("file", file.getFileName().toString());
        m.put("images", header.count());
        m.put("channels", header.channels());
        m.put("height", header.height());
        m.put("width", header.width());
        m.put("layout", "uint8 pixels [images, channels, height, width] ("
                + (header.channels() == 1 ? "grey" : "RGB planes") + ") after a " + header.encodedLength()
                + "-byte header, then one big-endian int32 label per image; x / 127.5 - 1 gives [-1, 1]");
        m.put("classes", header.classNames());
        m.put("images_per_class", perClass);
        m.put("source", source.description());
        m.put("source_files", source.files().size());
        m.put("source_hash", "sha256:" + header.sourceHashHex());
        m.put("source_hash_covers", "each source file's relative path and content SHA-256, in sorted path order");
        m.put("skipped_files", skipped.stream()
                .map(s -> Map.of("file", source.root().relativize(s.file()).toString(), "reason", s.reason()))
                .toList());
        m.put("gan4j_version", Versions.gan4j());
        DumpSettings settings = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).build();
        return "# Written by gan data pack; the same facts are in " + file.getFileName() + "'s header.\n"
                + new Dump(settings).dumpToString(m);
    }

    /** One run of decoding and writing: its results are read once the atomic write has succeeded. */
    private final class PackJob {

        private final Dataset data;
        private final PackedHeader planned;
        private final SampleReader reader;
        private final WorkerPool pool;
        private final long startNanos;
        private final List<SkippedFile> skipped = new ArrayList<>();
        private final int[] imagesPerClass;
        private PackedHeader written;

        PackJob(Dataset data, PackedHeader planned, SampleReader reader, WorkerPool pool, long startNanos) {
            this.data = data;
            this.planned = planned;
            this.reader = reader;
            this.pool = pool;
            this.startNanos = startNanos;
            this.imagesPerClass = new int[planned.classNames().size()];
        }

        void writeTo(FileChannel channel) throws IOException {
            PackedFileWriter file = new PackedFileWriter(channel, planned);
            int total = data.size();
            ArrayDeque<Future<Chunk>> inFlight = new ArrayDeque<>();
            int next = 0;
            int reported = 0;
            while (next < total || !inFlight.isEmpty()) {
                while (next < total && inFlight.size() < tasksInFlight()) {
                    int from = next;
                    int to = Math.min(total, from + imagesPerTask());
                    inFlight.addLast(pool.submit(() -> decode(from, to)));
                    next = to;
                }
                // Chunks are written in the order they were submitted, so the file follows dataset order.
                Chunk chunk = WorkerPool.await(inFlight.removeFirst());
                file.append(chunk.pixels, chunk.labels);
                for (int label : chunk.labels) {
                    imagesPerClass[label]++;
                }
                skipped.addAll(chunk.skipped);
                if (chunk.end / progressEvery > reported / progressEvery || chunk.end == total) {
                    reportProgress(chunk.end, total);
                    reported = chunk.end;
                }
            }
            if (file.count() == 0) {
                throw new DataException("None of the " + total + " images of " + planned.source()
                        + " could be decoded: replace the damaged files.");
            }
            written = file.finish();
        }

        private int tasksInFlight() {
            long taskBytes = (long) imagesPerTask() * planned.sampleBytes();
            return (int) Math.max(threads, Math.min(threads * TASKS_PER_THREAD, IN_FLIGHT_BYTES / taskBytes));
        }

        private int imagesPerTask() {
            return (int) Math.max(1, Math.min(IMAGES_PER_TASK, TASK_BYTES / planned.sampleBytes()));
        }

        private Chunk decode(int from, int to) {
            int sampleBytes = planned.sampleBytes();
            float[] sample = new float[sampleBytes];
            byte[] pixels = new byte[Math.multiplyExact(to - from, sampleBytes)];
            int[] kept = new int[to - from];
            List<SkippedFile> bad = new ArrayList<>();
            int count = 0;
            for (int index = from; index < to; index++) {
                Optional<SkippedFile> problem = reader.read(index, sample);
                if (problem.isPresent()) {
                    bad.add(problem.get());
                    continue;
                }
                int at = count * sampleBytes;
                for (int i = 0; i < sampleBytes; i++) {
                    // Inverts x / 127.5 - 1 exactly for the floats a uint8 source produces.
                    int value = Math.round((sample[i] + 1f) * 127.5f);
                    pixels[at + i] = (byte) Math.max(0, Math.min(255, value));
                }
                kept[count++] = data.label(index);
            }
            return new Chunk(to, pixels, Arrays.copyOf(kept, count), bad);
        }

        private void reportProgress(int done, int total) {
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            progress.printf("packed %d/%d images (%.0f images/s)%n", done, total, done / Math.max(seconds, 1e-9));
            progress.flush();
        }
    }
}
