package gan4j.run;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import gan4j.io.RunException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLockTest {

    @Test
    void aSecondWriterIsToldWhoHoldsTheDirectory(@TempDir Path dir) {
        try (RunLock first = RunLock.acquire(dir)) {
            RunException busy = assertThrows(RunException.class, () -> RunLock.acquire(dir));
            assertTrue(busy.getMessage().startsWith(dir + " is in use by another gan train (pid "
                    + ProcessHandle.current().pid() + ")"), busy.getMessage());
        }
        RunLock.acquire(dir).close();
    }
}
