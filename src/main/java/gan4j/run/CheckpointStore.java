package gan4j.run;

import gan4j.train.Network;
import gan4j.train.Networks;
import gan4j.train.TrainingState;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The checkpoints of one run: {@code step-000500.ckpt} zip files, each complete or absent, the
 * newest {@code keep} retained.
 */
public final class CheckpointStore {

    private static final Pattern NAME = Pattern.compile("step-(\\d+)\\.ckpt");
    private static final String GENERATOR = "generator.zip";
    private static final String DISCRIMINATOR = "discriminator.zip";
    private static final String STATE = "state.yaml";
    private static final String CONFIG = "config.yaml";

    private final Path dir;
    private final int keep;

    public CheckpointStore(Path dir, int keep) {
        this.dir = dir;
        this.keep = keep;
    }

    public Path directory() {
        return dir;
    }

    /** Writes {@code checkpoint} atomically, then deletes all but the newest {@code keep}. */
    public Path write(Checkpoint checkpoint) {
        Path file = dir.resolve(String.format("step-%06d.ckpt", checkpoint.state().step()));
        AtomicFiles.write(file, out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry(STATE));
                zip.write(stateYaml(checkpoint).getBytes(StandardCharsets.UTF_8));
                zip.putNextEntry(new ZipEntry(CONFIG));
                zip.write(checkpoint.configYaml().getBytes(StandardCharsets.UTF_8));
                zip.putNextEntry(new ZipEntry(GENERATOR));
                ModelSerializer.writeModel(checkpoint.networks().generator().model(), zip, true);
                zip.putNextEntry(new ZipEntry(DISCRIMINATOR));
                ModelSerializer.writeModel(checkpoint.networks().discriminator().model(), zip, true);
            }
        });
        prune();
        return file;
    }

    /** The newest complete checkpoint, if any; files still being written are never chosen. */
    public Optional<Path> latest() {
        List<Path> all = list();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** Complete checkpoints, oldest first. */
    public List<Path> list() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> NAME.matcher(p.getFileName().toString()).matches())
                    .sorted((a, b) -> Long.compare(stepOf(a), stepOf(b)))
                    .toList();
        } catch (IOException e) {
            throw new RunException("cannot list checkpoints in " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a checkpoint file, or the newest checkpoint of a run directory (or of its
     * {@code checkpoints/} folder).
     */
    public static Checkpoint read(Path path) {
        Path file = resolve(path);
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        } catch (IOException e) {
            throw new RunException(file + " is not a readable checkpoint (" + e.getMessage()
                    + "); pass a step-*.ckpt file written by gan train.", e);
        }
        for (String required : List.of(STATE, CONFIG, GENERATOR, DISCRIMINATOR)) {
            if (!entries.containsKey(required)) {
                throw new RunException(file + " is not a gan4j checkpoint (it has no " + required
                        + "); pass a step-*.ckpt file written by gan train.");
            }
        }
        Map<String, Object> state = parseState(new String(entries.get(STATE), StandardCharsets.UTF_8), file);
        Networks networks = new Networks(restore(entries.get(GENERATOR), file), restore(entries.get(DISCRIMINATOR), file));
        @SuppressWarnings("unchecked")
        List<String> classNames = (List<String>) state.get("class_names");
        @SuppressWarnings("unchecked")
        Map<String, Object> provenance = (Map<String, Object>) state.get("provenance");
        @SuppressWarnings("unchecked")
        long[] sampleShape = ((List<Number>) state.get("sample_shape")).stream().mapToLong(Number::longValue).toArray();
        return new Checkpoint(networks, new TrainingState(((Number) state.get("step")).longValue()),
                new String(entries.get(CONFIG), StandardCharsets.UTF_8), classNames, sampleShape,
                new Provenance(provenance));
    }

    private static Path resolve(Path path) {
        if (Files.isRegularFile(path)) {
            return path;
        }
        if (Files.isDirectory(path)) {
            Path folder = Files.isDirectory(path.resolve(RunDirectory.CHECKPOINTS))
                    ? path.resolve(RunDirectory.CHECKPOINTS) : path;
            return new CheckpointStore(folder, Integer.MAX_VALUE).latest().orElseThrow(() -> new RunException(
                    path + " holds no checkpoint (step-*.ckpt); train first or pass a checkpoint file."));
        }
        throw new RunException(path + " does not exist; pass a checkpoint file (step-*.ckpt) or a run directory.");
    }

    private static Network restore(byte[] bytes, Path file) {
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            MultiLayerNetwork net = ModelSerializer.restoreMultiLayerNetwork(in, true);
            return new Network(net);
        } catch (IOException | RuntimeException e) {
            throw new RunException(file + " holds a network that cannot be restored (" + e.getMessage() + ").", e);
        }
    }

    private static String stateYaml(Checkpoint checkpoint) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("step", checkpoint.state().step());
        state.put("class_names", new ArrayList<>(checkpoint.classNames()));
        state.put("sample_shape", java.util.Arrays.stream(checkpoint.sampleShape()).boxed().toList());
        state.put("provenance", new LinkedHashMap<>(checkpoint.provenance().values()));
        return new Dump(DumpSettings.builder().build()).dumpToString(state);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parseState(String yaml, Path file) {
        Object parsed = new Load(LoadSettings.builder().build()).loadFromString(yaml);
        if (!(parsed instanceof Map<?, ?> map) || !(map.get("step") instanceof Number)) {
            throw new RunException(file + " has a damaged state entry; use an earlier checkpoint.");
        }
        return (Map<String, Object>) map;
    }

    private void prune() {
        List<Path> all = list();
        for (int i = 0; i < all.size() - keep; i++) {
            try {
                Files.deleteIfExists(all.get(i));
            } catch (NoSuchFileException ignored) {
                // Already gone: nothing to prune.
            } catch (IOException e) {
                throw new RunException("cannot delete old checkpoint " + all.get(i) + ": " + e.getMessage(), e);
            }
        }
    }

    private static long stepOf(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        return m.matches() ? Long.parseLong(m.group(1)) : -1;
    }
}
