package gan4j.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gan4j.arch.Mlp;
import gan4j.testing.ToyNetworks;
import gan4j.train.Networks;
import gan4j.train.TrainingState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointStoreTest {

    private static Checkpoint checkpoint(Networks networks, long step) {
        return new Checkpoint(networks, new TrainingState(step), "seed: 1\n", List.of("a", "b"), new long[] {2},
                new Provenance(Map.of("seed", 1L)));
    }

    @Test
    void roundTripsNetworksStateAndMetadata(@TempDir Path dir) {
        CheckpointStore store = new CheckpointStore(dir, 3);
        Networks networks = ToyNetworks.of(new Mlp(2, 2, 4, 4, 1), 1e-3);
        Path file = store.write(checkpoint(networks, 12));
        assertEquals("step-000012.ckpt", file.getFileName().toString());

        Checkpoint read = CheckpointStore.read(dir);
        assertEquals(12, read.state().step());
        assertEquals(List.of("a", "b"), read.classNames());
        assertArrayEquals(new long[] {2}, read.sampleShape());
        assertEquals("seed: 1\n", read.configYaml());
        assertEquals(networks.generator().model().params(), read.networks().generator().model().params());
        assertEquals(networks.discriminator().model().params(), read.networks().discriminator().model().params());
    }

    @Test
    void keepsOnlyTheNewest(@TempDir Path dir) {
        CheckpointStore store = new CheckpointStore(dir, 2);
        Networks networks = ToyNetworks.of(new Mlp(2, 2, 4, 4, 1), 1e-3);
        for (long step : new long[] {5, 10, 15}) {
            store.write(checkpoint(networks, step));
        }
        assertEquals(List.of(dir.resolve("step-000010.ckpt"), dir.resolve("step-000015.ckpt")), store.list());
    }

    @Test
    void aCrashMidWriteLeavesThePreviousCheckpointUsable(@TempDir Path dir) throws IOException {
        CheckpointStore store = new CheckpointStore(dir, 3);
        store.write(checkpoint(ToyNetworks.of(new Mlp(2, 2, 4, 4, 1), 1e-3), 5));
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
    void unreadableInputsAreExplained(@TempDir Path dir) throws IOException {
        assertTrue(assertThrows(RunException.class, () -> CheckpointStore.read(dir)).getMessage()
                .contains("holds no checkpoint"));
        assertTrue(assertThrows(RunException.class, () -> CheckpointStore.read(dir.resolve("x")))
                .getMessage().contains("does not exist"));
        Path junk = Files.write(dir.resolve("step-000001.ckpt"), new byte[] {1, 2, 3});
        assertTrue(assertThrows(RunException.class, () -> CheckpointStore.read(junk)).getMessage()
                .contains("is not a gan4j checkpoint"));
    }
}
