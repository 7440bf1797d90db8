package gan4j.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gan4j.train.RunEvent;
import gan4j.train.TrainingState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsLogTest {

    private static String row(int step) {
        return step + ",1.2,0.7,0,0.6,0.4,0.45,2300.0,0.25";
    }

    @Test
    void aResumeDropsRowsPastTheCheckpointAndARowAKillCutShort(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("metrics.csv");
        // Killed while writing row 12: only its first character reached the disk.
        Files.writeString(file, String.join("\n", MetricsLog.HEADER, row(1), row(2), row(3), row(11), "1"));

        new MetricsLog(file).on(new RunEvent.RunStarted(new TrainingState(3), null, 20));

        assertEquals(List.of(MetricsLog.HEADER, row(1), row(2)), Files.readAllLines(file));
        assertEquals(2, MetricsLog.read(file).size());
        assertEquals(9, MetricsLog.read(file).get(1).length);
    }

    @Test
    void readingSkipsATornLastRow(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("metrics.csv"),
                String.join("\n", MetricsLog.HEADER, row(1), row(2), "3,0.5,0.") + "\n");

        List<double[]> rows = MetricsLog.read(file);

        assertEquals(2, rows.size());
        assertEquals(2.0, rows.get(1)[0]);
    }
}
