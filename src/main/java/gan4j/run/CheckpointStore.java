package gan4j.run;

import gan4j.augment.AugmentState;
import gan4j.config.ConfigException;
import gan4j.config.ConfigLoader;
import gan4j.config.GanConfig;
import gan4j.io.AtomicFiles;
import gan4j.io.BoundedZip;
import gan4j.io.RunException;
import gan4j.io.YamlRecord;
import gan4j.model.GanModel;
import gan4j.model.ModelArchive;
import gan4j.train.TrainingState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipOutputStream;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;

/**
 * The checkpoints of one run: {@code step-000500.ckpt} zip files, each complete or absent, the
 * newest {@code keep} retained.
 */
public final class CheckpointStore {

    public static final String BEST = "best.ckpt";
    private static final Pattern NAME = Pattern.compile("step-(\\d+)\\.ckpt");
    private static final String STATE = "checkpoint.yaml";
    private static final String CONFIG = "config.yaml";
    private static final String AUGMENT_P = "augment_p";
    private static final String AUGMENT_SIGNS = "augment_sign_sum";
    private static final String AUGMENT_COUNT = "augment_sign_count";
    /** What format 1 (gan4j before the model archive) held instead of a model archive. */
    private static final List<String> FORMAT_1 = List.of("generator.zip", "discriminator.zip", "state.yaml");
    private static final int MAX_TEXT_BYTES = 1 << 20;
    private static final long MAX_STEP = Long.MAX_VALUE / 1024;
    private static final String ROLLBACKS = "rollbacks";
    private static final String LEARNING_RATE_SCALE = "learning_rate_scale";
    private static final int MAX_ROLLBACKS = 1_000_000;

    private final Path dir;
    private final int keep;

    public CheckpointStore(Path dir, int keep) {
        this.dir = dir;
        this.keep = keep;
    }

    /** Writes {@code checkpoint} atomically, then deletes all but the newest {@code keep}. */
    public Path write(Checkpoint checkpoint) {
        Path file = writeAs(checkpoint, String.format("step-%06d.ckpt", checkpoint.state().step()));
        prune();
        return file;
    }

    /**
     * Writes {@code checkpoint} atomically as {@value #BEST}, the state with the best evaluation so
     * far; it is never pruned and never resumed from unless asked for by name.
     */
    public Path writeBest(Checkpoint checkpoint) {
        return writeAs(checkpoint, BEST);
    }

    private Path writeAs(Checkpoint checkpoint, String name) {
        Path file = dir.resolve(name);
        AtomicFiles.write(file, out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry(STATE));
                zip.write(stateYaml(checkpoint).getBytes(StandardCharsets.UTF_8));
                zip.putNextEntry(new ZipEntry(CONFIG));
                zip.write(checkpoint.configYaml().getBytes(StandardCharsets.UTF_8));
                ModelArchive.write(checkpoint.model(), zip);
            }
        });
        return file;
    }

    /** Deletes the step checkpoints at {@code step} and later: a failed attempt's, once the run has gone back. */
    public void deleteFrom(long step) {
        for (Path file : list()) {
            if (stepOf(file) >= step) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    throw new RunException("cannot delete " + file + ": " + e.getMessage() + "; check the folder's"
                            + " permissions.", e);
                }
            }
        }
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
     * {@code checkpoints/} folder). Nothing in the file is trusted: every entry is bounded and
     * validated, and the networks are rebuilt from the configuration before their numbers are read.
     */
    public static Checkpoint read(Path path) {
        return read(path, written -> written, rollbacks -> rollbacks);
    }

    /**
     * Reads a checkpoint as {@link #read(Path)} does, building its networks with the configuration
     * {@code buildWith} returns for the one the checkpoint was written with (a resumed run passes its
     * own, which may differ in optimizer settings, or throws when they may not continue each other)
     * and the learning rates of the rollbacks {@code rollbacksAfter} returns for the checkpoint's (a
     * rollback adds one).
     */
    public static Checkpoint read(Path path, UnaryOperator<GanConfig> buildWith,
                                  UnaryOperator<Rollbacks> rollbacksAfter) {
        Path file = resolve(path);
        Set<String> allowed = new HashSet<>(ModelArchive.entries());
        allowed.addAll(List.of(STATE, CONFIG));
        allowed.addAll(FORMAT_1);
        try (BoundedZip zip = BoundedZip.open(file, allowed)) {
            if (FORMAT_1.stream().anyMatch(zip::has)) {
                throw new RunException(file + " was written by an earlier gan4j whose checkpoints embed Java"
                        + " serialization, which this version refuses to read; train the run again with this"
                        + " version.");
            }
            YamlRecord state = YamlRecord.parse(text(zip, STATE));
            String configYaml = text(zip, CONFIG);
            // Checkpoints from before rollbacks existed have none.
            Rollbacks rollbacks = rollbacksAfter.apply(state.has(ROLLBACKS)
                    ? new Rollbacks((int) state.integer(ROLLBACKS, 0, MAX_ROLLBACKS), state.real(LEARNING_RATE_SCALE))
                    : Rollbacks.NONE);
            GanConfig config = buildWith.apply(config(configYaml, file));
            GanModel model = ModelArchive.read(zip, config, rollbacks.learningRateScale());
            return new Checkpoint(model, new TrainingState(state.integer("step", 0, MAX_STEP), augment(state)),
                    configYaml, new Provenance(state.scalars("provenance", 1000)), rollbacks);
        } catch (BoundedZip.ZipFormatException | IllegalArgumentException e) {
            throw new RunException(file + " is refused: " + e.getMessage() + "; use an earlier checkpoint of the"
                    + " run.", e);
        } catch (ZipException | NoSuchFileException e) {
            throw new RunException(file + " is not a gan4j checkpoint (" + e.getMessage()
                    + "); pass a step-*.ckpt file written by gan train.", e);
        } catch (IOException e) {
            throw new RunException(file + " is not a readable checkpoint (" + e.getMessage()
                    + "); pass a step-*.ckpt file written by gan train.", e);
        }
    }

    /** Adaptive augmentation's state; checkpoints from before it have none, which is p = 0. */
    private static AugmentState augment(YamlRecord state) {
        if (!state.has(AUGMENT_P)) {
            return AugmentState.at(0);
        }
        double probability = state.real(AUGMENT_P);
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("its " + AUGMENT_P + " is not in [0, 1]");
        }
        return new AugmentState(probability, state.integer(AUGMENT_SIGNS, -MAX_STEP, MAX_STEP),
                state.integer(AUGMENT_COUNT, 0, MAX_STEP));
    }

    private static String text(BoundedZip zip, String entry) throws IOException {
        return new String(zip.read(entry, MAX_TEXT_BYTES), StandardCharsets.UTF_8);
    }

    private static GanConfig config(String yaml, Path file) {
        try {
            return new ConfigLoader().parse(yaml, file + " (its config.yaml)", "run", List.of());
        } catch (ConfigException e) {
            throw new RunException(file + " is refused: its config.yaml is not a valid configuration ("
                    + e.getMessage().replaceFirst("\\.$", "") + ").", e);
        }
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
        if (Files.exists(path)) {
            throw new RunException(path + " is neither a file nor a directory; pass a checkpoint file (step-*.ckpt)"
                    + " or a run directory.");
        }
        throw new RunException(path + " does not exist; pass a checkpoint file (step-*.ckpt) or a run directory.");
    }

    private static String stateYaml(Checkpoint checkpoint) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("step", checkpoint.state().step());
        state.put(ROLLBACKS, checkpoint.rollbacks().count());
        state.put(LEARNING_RATE_SCALE, checkpoint.rollbacks().learningRateScale());
        AugmentState augment = checkpoint.state().augment();
        state.put(AUGMENT_P, augment.probability());
        state.put(AUGMENT_SIGNS, augment.signSum());
        state.put(AUGMENT_COUNT, augment.signCount());
        state.put("provenance", new LinkedHashMap<>(checkpoint.provenance().values()));
        return new Dump(DumpSettings.builder().build()).dumpToString(state);
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
        if (all.size() > keep) {
            AtomicFiles.syncDirectory(dir);
        }
    }

    private static long stepOf(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        return m.matches() ? Long.parseLong(m.group(1)) : -1;
    }
}
