package gan4j.html;

import gan4j.event.MetricsLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * What a report shows of one run, read from its directory: metrics rows, sample grids, config,
 * provenance, the health monitor's events as {@code step,event,detail} lines, and the evaluations.
 */
record RunSummary(RunFiles files, String name, List<double[]> rows, List<Path> grids, String config, String provenance,
                  List<String> healthEvents, EvalTable eval) {

    /** Metrics columns, as {@link MetricsLog#HEADER} orders them. */
    static final int D_LOSS = 1;
    static final int G_LOSS = 2;
    static final int D_REAL = 4;
    static final int D_FAKE = 5;
    static final int SAMPLES_PER_S = 7;

    private static final Pattern GRID = Pattern.compile("step-(\\d+)\\.png");

    static RunSummary read(RunFiles files) {
        Path root = files.root().toAbsolutePath().normalize();
        String name = root.getFileName() == null ? root.toString() : root.getFileName().toString();
        List<double[]> rows = Files.isRegularFile(files.metrics()) ? MetricsLog.read(files.metrics()) : List.of();
        return new RunSummary(files, name, rows, grids(files.samples()), text(files.config()),
                text(files.provenance()), text(files.health()).lines().skip(1).toList(), EvalTable.read(files.eval()));
    }

    /** The sample grids in step order. */
    private static List<Path> grids(Path samples) {
        if (!Files.isDirectory(samples)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(samples)) {
            return files.filter(p -> GRID.matcher(p.getFileName().toString()).matches())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long step(Path grid) {
        Matcher m = GRID.matcher(grid.getFileName().toString());
        return m.matches() ? Long.parseLong(m.group(1)) : -1;
    }

    /** The provenance's value for {@code key} (a top-level scalar gan4j wrote on one line), if present. */
    Optional<String> provenanceValue(String key) {
        return provenance.lines().filter(line -> line.startsWith(key + ": "))
                .map(line -> line.substring(key.length() + 2).strip()).findFirst();
    }

    /** Generator steps done: a metrics row's step counts from 0, the way the sample grids' names count from 1. */
    long stepsDone() {
        return rows.isEmpty() ? 0 : (long) rows.get(rows.size() - 1)[0] + 1;
    }

    /** The median of the last (up to) 100 rows of {@code column}: a figure that ignores warm-up and single slow steps. */
    double recentMedian(int column) {
        if (rows.isEmpty()) {
            return Double.NaN;
        }
        double[] values = rows.subList(Math.max(0, rows.size() - 100), rows.size()).stream()
                .mapToDouble(r -> r[column]).sorted().toArray();
        int mid = values.length / 2;
        return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    Optional<Path> finalGrid() {
        return grids.isEmpty() ? Optional.empty() : Optional.of(grids.get(grids.size() - 1));
    }

    /** Width and height of a PNG from its header, without decoding it. */
    static int[] size(Path png) {
        try (ImageInputStream in = ImageIO.createImageInputStream(png.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            try {
                reader.setInput(in);
                return new int[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return new int[] {0, 0};
        }
    }
}
