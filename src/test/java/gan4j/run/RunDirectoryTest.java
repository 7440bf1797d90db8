package gan4j.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDirectoryTest {

    @TempDir
    Path dir;

    @Test
    void aCheckpointItsFolderAndItsRunAllBelongToTheRun() throws IOException {
        Path run = dir.resolve("runs/toy");
        Path file = Files.createFile(Files.createDirectories(run.resolve("checkpoints")).resolve("step-000010.ckpt"));

        assertEquals(run, RunDirectory.containing(run).root());
        assertEquals(run, RunDirectory.containing(run.resolve("checkpoints")).root());
        assertEquals(run, RunDirectory.containing(file).root());
        assertEquals(run.resolve("eval"), RunDirectory.containing(file).eval());
    }

    @Test
    void aLooseCheckpointFileCountsItsFolderAsTheRun() throws IOException {
        Path file = Files.createFile(dir.resolve("copied.ckpt"));

        assertEquals(dir, RunDirectory.containing(file).root());
    }
}
