package gan4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import gan4j.event.MetricsLog;
import gan4j.testing.TinyRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small DCGAN really trains on real Fashion-MNIST images: D learns to tell them from G's. */
class DcganTrainingTest {

    @Test
    void discriminatorSeparatesRealFromFakeEarly(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isDirectory(TinyRuns.FASHION_MNIST), "needs dataset-fashion-mnist");
        Path config = TinyRuns.dcganConfig(dir, "");
        TinyRuns.Result result = TinyRuns.gan("train", "-c", config.toString(), "--set", "train.steps=40",
                "--set", "output.sample_every=20", "--set", "output.checkpoint_every=20");
        assertEquals(0, result.exitCode(), result.err());

        List<double[]> rows = MetricsLog.read(dir.resolve("run/metrics.csv"));
        assertEquals(40, rows.size());
        double[] first = rows.get(0);
        // At initialisation D cannot tell real from fake: its loss is near 2·log 2 and both readouts near 1/2.
        assertEquals(2 * Math.log(2), first[1], 0.3);
        double realLate = rows.subList(30, 40).stream().mapToDouble(r -> r[4]).average().orElseThrow();
        double fakeLate = rows.subList(30, 40).stream().mapToDouble(r -> r[5]).average().orElseThrow();
        double dLossLate = rows.subList(30, 40).stream().mapToDouble(r -> r[1]).average().orElseThrow();
        assertTrue(realLate > fakeLate + 0.3, "D(x)=" + realLate + " should exceed D(G(z))=" + fakeLate);
        assertTrue(dLossLate < first[1], "D's loss should fall from " + first[1] + ", was " + dLossLate);
        assertTrue(Files.exists(dir.resolve("run/samples/step-000020.png")));
        assertTrue(Files.exists(dir.resolve("run/samples/step-000040.png")));
        assertTrue(Files.exists(dir.resolve("run/plots/training.png")));
        assertTrue(Files.exists(dir.resolve("run/checkpoints/step-000040.ckpt")));
    }
}
