package gan4j.nn.features;

import gan4j.config.ConfigException;
import gan4j.metrics.FeatureExtractor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.imports.graphmapper.tf.TFGraphMapper;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.image.ResizeBilinear;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Features from a user-supplied TensorFlow frozen graph imported into SameDiff (Inception-v3's
 * pool_3 for standard FID): images are repeated to 3 channels if grey, resized bilinearly to the
 * graph's input size and mapped to the value range it expects.
 */
public final class FrozenGraphFeatures implements FeatureExtractor {

    private static final int BATCH = 100;
    private static final List<String> IMPORT_LEFTOVERS = List.of("variables-added-old.txt", "ops-imported-old.txt",
            "ops-added-old.txt", "ops-removed-old.txt");

    private final FrozenGraphFile file;
    private final SameDiff graph;
    private final PixelRange range;

    private FrozenGraphFeatures(FrozenGraphFile file, SameDiff graph, PixelRange range) {
        this.file = file;
        this.graph = graph;
        this.range = range;
    }

    /** Imports {@code path}; {@code input} and {@code output} may be null to discover them. */
    public static FrozenGraphFeatures load(Path path, String input, String output, PixelRange range) {
        FrozenGraphFile file = FrozenGraphFile.read(path, input, output);
        // M2.1's importer writes four debugging lists into the working directory; only ours are removed.
        List<Path> leftovers = IMPORT_LEFTOVERS.stream().map(Path::of).filter(p -> !Files.exists(p)).toList();
        SameDiff graph;
        try {
            graph = TFGraphMapper.importGraph(file.graph());
            ConvolutionPadding.restore(graph, file.graph());
        } catch (RuntimeException e) {
            throw new ConfigException("--features " + path + " is a GraphDef that SameDiff 1.0.0-M2.1 cannot import ("
                    + e.getMessage() + "); export the network with only standard inference ops, frozen (the"
                    + " importer also needs a writable working directory).");
        } finally {
            leftovers.forEach(FrozenGraphFeatures::deleteQuietly);
        }
        return new FrozenGraphFeatures(file, graph, range);
    }

    private static void deleteQuietly(Path leftover) {
        try {
            Files.deleteIfExists(leftover);
        } catch (IOException e) {
            // A list the importer left behind is clutter, not a failure of the evaluation.
        }
    }

    /** {@inheritDoc} Rows are the output node's values flattened, [N, d]. */
    @Override
    public INDArray features(INDArray images) {
        if (images.size(1) != file.channels() && !(images.size(1) == 1 && file.channels() == 3)) {
            throw new ConfigException("--features " + file.path() + " takes " + file.channels() + "-channel images,"
                    + " but the samples have " + images.size(1) + " channels.");
        }
        List<INDArray> rows = new ArrayList<>();
        for (long from = 0; from < images.size(0); from += BATCH) {
            INDArray chunk = images.get(NDArrayIndex.interval(from, Math.min(images.size(0), from + BATCH)));
            INDArray out = run(prepare(chunk));
            rows.add(out.reshape(out.size(0), out.length() / out.size(0)).castTo(DataType.FLOAT));
        }
        return rows.size() == 1 ? rows.get(0) : Nd4j.concat(0, rows.toArray(INDArray[]::new));
    }

    private INDArray run(INDArray input) {
        try {
            return graph.output(Map.of(file.input(), input), file.output()).get(file.output());
        } catch (RuntimeException e) {
            throw new ConfigException("--features " + file.path() + " imported but fails on " + input.size(0)
                    + " images of " + file.height() + "x" + file.width() + "x" + file.channels() + " ("
                    + e.getMessage() + "); check --features-output and that the graph runs on its own input shape.");
        }
    }

    /** NCHW in [-1, 1] to the graph's NHWC input: channels, then size, then value range. */
    private INDArray prepare(INDArray images) {
        INDArray colour = images.size(1) == file.channels() ? images : Nd4j.concat(1, images, images, images);
        INDArray nhwc = colour.permute(0, 2, 3, 1).dup('c').castTo(DataType.FLOAT);
        INDArray sized = nhwc.size(1) == file.height() && nhwc.size(2) == file.width() ? nhwc
                : Nd4j.exec(new ResizeBilinear(nhwc, Nd4j.create(DataType.FLOAT, nhwc.size(0), file.height(),
                        file.width(), nhwc.size(3)), file.height(), file.width(), false, true))[0];
        return sized.mul(range.scale()).addi(range.offset());
    }

    /** The file's name and SHA-256 prefix, its input and output nodes, the resize and the range. */
    @Override
    public String describe() {
        return String.format(Locale.ROOT, "network %s (sha256 %s), input '%s' %dx%dx%d, output '%s'; resize:"
                        + " bilinear (half-pixel centres, as PyTorch's align_corners=False) to %dx%d, only if the"
                        + " size differs; pixels mapped to %s%s",
                file.path().getFileName(), file.sha256().substring(0, 12), file.input(), file.height(),
                file.width(), file.channels(), file.output(), file.height(), file.width(), range,
                file.channels() == 3 ? "; grey samples repeated to 3 channels" : "");
    }
}
