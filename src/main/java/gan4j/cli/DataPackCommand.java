package gan4j.cli;

import gan4j.config.ConfigException;
import gan4j.data.DatasetPacker.SkippedFile;
import gan4j.data.DatasetPacker.Summary;
import gan4j.data.DatasetPacker;
import gan4j.data.IdxDataset;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gan data pack}: decodes a dataset once into a packed uint8 file that training streams quickly. */
@Command(name = "pack", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Decode, crop and resize a dataset once into a packed uint8 file that training streams fast.",
            "Writes FILE and, for people, FILE.manifest.yaml. Unreadable images are left out and listed.",
            "Train on it with data: {type: packed, path: FILE}."})
public final class DataPackCommand implements Callable<Integer> {

    private static final int PROGRESS_EVERY = 5000;
    private static final int LISTED_SKIPS = 20;

    @Spec
    CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "FOLDER|IDX-DIR",
            description = "An image folder (one sub-folder per class, or images directly inside), or a folder"
                    + " holding train-images-idx3-ubyte[.gz] and train-labels-idx1-ubyte[.gz].")
    Path input;

    @Option(names = "--size", paramLabel = "N",
            description = "Side of the square images (centre crop, then resize); needed for image folders."
                    + " IDX images keep their own size.")
    Integer size;

    @Option(names = "--channels", paramLabel = "1|3",
            description = "1 for grey, 3 for RGB (default 3; IDX images stay grey).")
    Integer channels;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE", description = "The packed file to write.")
    Path out;

    @Option(names = "--threads", paramLabel = "T", description = "Decoding threads, 1 to " + DatasetPacker.MAX_THREADS
            + " (default: one per core, ${DEFAULT-VALUE}).")
    int threads = Math.min(Runtime.getRuntime().availableProcessors(), DatasetPacker.MAX_THREADS);

    @Override
    public Integer call() {
        OutputFile.check(out, "--out", "data.gan4j");
        if (threads < 1 || threads > DatasetPacker.MAX_THREADS) {
            throw new ConfigException("--threads must be between 1 and " + DatasetPacker.MAX_THREADS + ", got "
                    + threads + ".");
        }
        if (channels != null && channels != 1 && channels != 3) {
            throw new ConfigException("--channels must be 1 (grey) or 3 (RGB), got " + channels + ".");
        }
        PrintWriter console = spec.commandLine().getOut();
        DatasetPacker packer = new DatasetPacker(threads, PROGRESS_EVERY, console);
        Summary summary = IdxDataset.isIdxDirectory(input) ? packIdx(packer) : packFolder(packer);
        report(summary, console);
        return ExitCodes.OK;
    }

    private Summary packIdx(DatasetPacker packer) {
        if (size != null) {
            throw new ConfigException(input + " holds IDX images, which are packed at their own size: drop --size.");
        }
        if (channels != null && channels != 1) {
            throw new ConfigException(input + " holds grey IDX images, which are packed with 1 channel: drop"
                    + " --channels " + channels + ".");
        }
        return packer.packIdx(input, out);
    }

    private Summary packFolder(DatasetPacker packer) {
        if (size == null) {
            throw new ConfigException("--size is needed to pack the image folder " + input + ", e.g. --size 64.");
        }
        if (size < 1 || size > DatasetPacker.MAX_SIZE) {
            throw new ConfigException("--size must be between 1 and " + DatasetPacker.MAX_SIZE + ", got " + size + ".");
        }
        return packer.packFolder(input, size, channels == null ? 3 : channels, out);
    }

    private static void report(Summary s, PrintWriter console) {
        double seconds = s.elapsed().toNanos() / 1e9;
        console.printf(Locale.ROOT, "wrote %s: %d images %dx%d %s, %d class(es), %.1f MiB%n",
                s.file(), s.images(), s.height(), s.width(), s.channels() == 1 ? "grey" : "RGB",
                s.classNames().size(), s.bytes() / (1024.0 * 1024.0));
        console.printf(Locale.ROOT, "took %.1f s (%.0f images/s); source sha256:%s; manifest %s%n", seconds,
                s.images() / Math.max(seconds, 1e-9), s.sourceHash(), s.manifest());
        if (!s.skipped().isEmpty()) {
            console.println("skipped " + s.skipped().size() + " unreadable file(s):");
            s.skipped().stream().limit(LISTED_SKIPS)
                    .forEach((SkippedFile f) -> console.println("  " + f.file() + ": " + f.reason()));
            if (s.skipped().size() > LISTED_SKIPS) {
                console.println("  ... and " + (s.skipped().size() - LISTED_SKIPS) + " more, listed in "
                        + s.manifest());
            }
        }
        console.flush();
    }
}
