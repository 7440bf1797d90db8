package gan4j.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gan4j.config.GanConfig;
import gan4j.io.AtomicFiles;
import gan4j.io.RunException;
import gan4j.model.GanModel;
import gan4j.nn.Network;
import gan4j.testing.ToyModels;
import gan4j.train.TrainingState;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;

class CheckpointStoreTest {

    @TempDir
    Path dir;
    private GanConfig config;
    private GanModel model;

    @BeforeEach
    void trainedToyModel() {
        config = ToyModels.config();
        model = ToyModels.model(config);
        // Optimizer state and iteration counts that differ from a fresh model's, as after training.
        Network g = model.generator();
        g.updaterState().assign(Nd4j.rand(g.updaterState().shape()));
        g.setCounts(7, 0);
        model.critic().setCounts(7, 0);
    }

    private Checkpoint checkpoint(long step) {
        return new Checkpoint(model, new TrainingState(step), config.resolvedYaml(),
                new Provenance(Map.of("config_sha256", "abc", "data", "ring")), new Rollbacks(1, 0.5));
    }

    @Test
    void roundTripsNetworksOptimizerStateAndMetadata() {
        CheckpointStore store = new CheckpointStore(dir, 3);
        Path file = store.write(checkpoint(12));
        assertEquals("step-000012.ckpt", file.getFileName().toString());

        Checkpoint read = CheckpointStore.read(dir);
        assertEquals(12, read.state().step());
        assertEquals(model.spec(), read.model().spec());
        assertEquals(config.resolvedYaml(), read.configYaml());
        assertEquals(Map.of("config_sha256", "abc", "data", "ring"), read.provenance().values());
        assertEquals(new Rollbacks(1, 0.5), read.rollbacks());
        for (boolean generator : new boolean[] {true, false}) {
            Network expected = generator ? model.generator() : model.critic();
            Network actual = generator ? read.model().generator() : read.model().critic();
            assertArrayEquals(expected.params().toFloatVector(), actual.params().toFloatVector());
            assertArrayEquals(expected.updaterState().toFloatVector(), actual.updaterState().toFloatVector());
            assertEquals(7, actual.iterationCount());
        }
    }

    @Test
    void keepsOnlyTheNewest() {
        CheckpointStore store = new CheckpointStore(dir, 2);
        for (long step : new long[] {5, 10, 15}) {
            store.write(checkpoint(step));
        }
        assertEquals(List.of(dir.resolve("step-000010.ckpt"), dir.resolve("step-000015.ckpt")), store.list());
    }

    @Test
    void aCrashMidWriteLeavesThePreviousCheckpointUsable() throws IOException {
        CheckpointStore store = new CheckpointStore(dir, 3);
        store.write(checkpoint(5));
        Path target = dir.resolve("step-000010.ckpt");

        RunException failure = assertThrows(RunException.class, () -> AtomicFiles.write(target, out -> {
            out.write(new byte[1000]);
            throw new IOException("No space left on device");
        }));
        assertTrue(failure.getMessage().contains("No space left on device"), failure.getMessage());
        assertTrue(failure.getMessage().contains("free disk space"), failure.getMessage());
        assertFalse(Files.exists(target));
        assertEquals(5, CheckpointStore.read(dir).state().step());

        // A process killed mid-write leaves its temporary file behind: it must never be picked.
        Files.write(dir.resolve("step-000020.ckpt" + AtomicFiles.TEMP_SUFFIX), new byte[] {1, 2, 3});
        assertEquals(dir.resolve("step-000005.ckpt"), store.latest().orElseThrow());
        assertEquals(5, CheckpointStore.read(dir).state().step());
    }

    @Test
    void unreadableInputsAreExplained() throws IOException {
        assertTrue(assertThrows(RunException.class, () -> CheckpointStore.read(dir)).getMessage()
                .contains("holds no checkpoint"));
        assertTrue(assertThrows(RunException.class, () -> CheckpointStore.read(dir.resolve("x")))
                .getMessage().contains("does not exist"));
        assertTrue(assertThrows(RunException.class, () -> CheckpointStore.read(Path.of("/dev/null")))
                .getMessage().contains("is neither a file nor a directory"));
        Path junk = Files.write(dir.resolve("step-000001.ckpt"), new byte[] {1, 2, 3});
        assertTrue(assertThrows(RunException.class, () -> CheckpointStore.read(junk)).getMessage()
                .contains("is not a gan4j checkpoint"));
    }

    @Test
    void aCheckpointFromBeforeTheModelArchiveIsRefusedWithoutReadingIt() throws IOException {
        // gan4j's format 1 held ModelSerializer zips, whose preprocessor.bin DL4J deserializes.
        Path old = rewrite(new CheckpointStore(dir, 3).write(checkpoint(3)), entries -> {
            Map<String, byte[]> out = new LinkedHashMap<>();
            out.put("state.yaml", "step: 3\n".getBytes(StandardCharsets.UTF_8));
            out.put("generator.zip", serialized(new HashSet<>(List.of("payload"))));
            return out;
        });
        String message = assertThrows(RunException.class, () -> CheckpointStore.read(old)).getMessage();
        assertTrue(message.contains("earlier gan4j") && message.contains("train the run again"), message);
    }

    @Test
    void anEntryGan4jNeverWritesIsRefusedByName() throws IOException {
        Path planted = rewrite(new CheckpointStore(dir, 3).write(checkpoint(3)), entries -> {
            entries.put("preprocessor.bin", serialized(List.of("payload")));
            return entries;
        });
        String message = assertThrows(RunException.class, () -> CheckpointStore.read(planted)).getMessage();
        assertTrue(message.contains("is refused") && message.contains("'preprocessor.bin'"), message);
    }

    @Test
    void damagedEntriesAreOneSentenceNamingThePart() throws IOException {
        Path good = new CheckpointStore(dir, 3).write(checkpoint(3));
        List<Map.Entry<String, String>> damage = List.of(
                Map.entry("checkpoint.yaml", "step: many\nprovenance: {}\n"),
                Map.entry("checkpoint.yaml", "step: 3\nrollbacks: 1\nlearning_rate_scale: 7\nprovenance: {}\n"),
                Map.entry("model.yaml", "format: 2\nsample_shape: [2]\nclass_names: points\ndata_scale: 1.0\n"),
                Map.entry("config.yaml", "model: {architecture: resnet50}\n"),
                Map.entry("critic.json", "{}"),
                // Deep enough to overflow a recursive JSON reader's stack.
                Map.entry("generator.json", "[".repeat(1 << 20)));
        for (Map.Entry<String, String> d : damage) {
            Path file = rewrite(good, entries -> {
                entries.put(d.getKey(), d.getValue().getBytes(StandardCharsets.UTF_8));
                return entries;
            });
            String message = assertThrows(RunException.class, () -> CheckpointStore.read(file), d.getKey())
                    .getMessage();
            assertTrue(message.startsWith(file + " is refused: "), message);
            assertEquals(1, message.lines().count(), message);
        }
        Path cut = rewrite(good, entries -> {
            byte[] bin = entries.get("generator.bin");
            entries.put("generator.bin", java.util.Arrays.copyOf(bin, bin.length - 1));
            return entries;
        });
        assertTrue(assertThrows(RunException.class, () -> CheckpointStore.read(cut)).getMessage()
                .contains("'generator.bin' is cut short"));
    }

    @Test
    void aParameterCountThatDoesNotFitTheConfigurationIsRefused() throws IOException {
        Path good = new CheckpointStore(dir, 3).write(checkpoint(3));
        Path wider = rewrite(good, entries -> {
            entries.put("config.yaml", config.resolvedYaml().replace("generator_width: 8", "generator_width: 9")
                    .getBytes(StandardCharsets.UTF_8));
            return entries;
        });
        String message = assertThrows(RunException.class, () -> CheckpointStore.read(wider)).getMessage();
        assertTrue(message.contains("parameters") && message.contains("its configuration builds"), message);
    }

    private Path rewrite(Path checkpoint, UnaryOperator<Map<String, byte[]>> change) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(checkpoint.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                entries.put(e.getName(), zip.getInputStream(e).readAllBytes());
            }
        }
        Path out = Files.createTempFile(dir, "step-", ".ckpt");
        try (OutputStream file = Files.newOutputStream(out); ZipOutputStream zip = new ZipOutputStream(file)) {
            for (Map.Entry<String, byte[]> e : change.apply(entries).entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
            }
        }
        return out;
    }

    private static byte[] serialized(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }
}
