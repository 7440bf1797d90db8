package gan4j.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gan4j.config.ConfigException;
import gan4j.config.ConfigValue;
import gan4j.testing.TinyRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepPlanTest {

    @Test
    void everyGridCombinationOncePerZipPositionAndSeed(@TempDir Path dir) throws Exception {
        SweepFile sweep = sweep(dir, """
                base: tiny-dcgan.yaml
                set: {train.steps: 20000, output.checkpoint_every: 1000}
                grid: {train.d_optimizer.lr: [1.0e-4, 2.0e-4], objective.type: [non_saturating, hinge]}
                zip: {train.g_optimizer.lr: [1.0e-4, 2.0e-4], train.g_optimizer.beta1: [0.5, 0.0]}
                seeds: [1, 2, 3]
                """);
        List<SweepPoint> points = SweepPlan.expand(sweep);
        assertEquals(2 * 2 * 2 * 3, points.size());
        assertEquals(List.of("train.steps", "output.checkpoint_every", "train.d_optimizer.lr", "objective.type",
                "train.g_optimizer.lr", "train.g_optimizer.beta1", "seed"), List.copyOf(points.get(0).overrides().keySet()));
        assertEquals(Map.of("train.d_optimizer.lr", "1.0e-4", "objective.type", "non_saturating",
                "train.g_optimizer.lr", "1.0e-4", "seed", "1"), texts(points.get(0), "train.d_optimizer.lr",
                "objective.type", "train.g_optimizer.lr", "seed"));
        // Seeds vary fastest, then the zip (its lists move together), then the grid's last key.
        assertEquals("2", texts(points.get(1), "seed").get("seed"));
        assertEquals(Map.of("train.g_optimizer.lr", "2.0e-4", "train.g_optimizer.beta1", "0.0", "seed", "1"),
                texts(points.get(3), "train.g_optimizer.lr", "train.g_optimizer.beta1", "seed"));
        assertEquals("hinge", texts(points.get(6), "objective.type").get("objective.type"));
        assertEquals("2.0e-4", texts(points.get(12), "train.d_optimizer.lr").get("train.d_optimizer.lr"));
        long distinct = points.stream().map(p -> texts(p, p.overrides().keySet().toArray(String[]::new)))
                .distinct().count();
        assertEquals(points.size(), distinct, "no combination twice");
        for (int i = 0; i < points.size(); i++) {
            assertEquals(i, points.get(i).index());
        }
        assertEquals("007", points.get(7).folder());
    }

    @Test
    void aSweepWithoutListsIsOneRun(@TempDir Path dir) throws Exception {
        List<SweepPoint> points = SweepPlan.expand(sweep(dir, "base: tiny-dcgan.yaml\nset: {train.steps: 5}\n"));
        assertEquals(1, points.size());
        assertEquals(Map.of("train.steps", "5"), texts(points.get(0), "train.steps"));
    }

    @Test
    void mistakesInTheSweepFileNameTheirLine(@TempDir Path dir) throws Exception {
        assertRefused(dir, "base: tiny-dcgan.yaml\nzip:\n  train.steps: [1, 2]\n  seed: [1]\n",
                "sweep.yaml:4: zip.seed has 1 values but zip.train.steps has 2");
        assertRefused(dir, "base: tiny-dcgan.yaml\nset: {train.steps: 3}\ngrid:\n  train.steps: [1, 2]\n",
                "sweep.yaml:4: train.steps is swept in both set and grid");
        assertRefused(dir, "base: tiny-dcgan.yaml\ngrid: {seed: [1, 2]}\nseeds: [3]\n",
                "sweep.yaml:2: seed is given here and by seeds");
        assertRefused(dir, "base: tiny-dcgan.yaml\ngrid: {train.steps: []}\n",
                "sweep.yaml:2: grid.train.steps must be a non-empty list");
        assertRefused(dir, "base: tiny-dcgan.yaml\ngrids: {train.steps: [1]}\n",
                "sweep.yaml:2: unknown key 'grids' in a sweep file; allowed: base, set, grid, zip, seeds");
        assertRefused(dir, "set: {train.steps: 3}\n", "sweep.yaml:1: base: the config every run starts from is missing");
        assertRefused(dir, "base: missing.yaml\n", "sweep.yaml:1: base " + dir.resolve("missing.yaml"));
        assertRefused(dir, "base: tiny-dcgan.yaml\nseeds: &s [1]\n", "sweep.yaml:2: anchors and aliases");
        String big = "base: tiny-dcgan.yaml\ngrid:\n  seed: [" + "1, ".repeat(101) + "1]\n  train.steps: ["
                + "1, ".repeat(99) + "1]\n";
        ConfigException tooMany = assertThrows(ConfigException.class, () -> SweepPlan.expand(sweep(dir, big)));
        assertTrue(tooMany.getMessage().contains("expands to 10200 runs, more than 10000"), tooMany.getMessage());
    }

    private static void assertRefused(Path dir, String text, String expected) {
        ConfigException refused = assertThrows(ConfigException.class, () -> sweep(dir, text));
        assertTrue(refused.getMessage().contains(expected), refused.getMessage());
    }

    private static SweepFile sweep(Path dir, String text) throws Exception {
        TinyRuns.dcganConfig(dir, "");
        Path file = dir.resolve("sweep.yaml");
        Files.writeString(file, text);
        return SweepFile.read(file);
    }

    private static Map<String, String> texts(SweepPoint point, String... keys) {
        return List.of(keys).stream().collect(Collectors.toMap(k -> k,
                k -> ((ConfigValue.Scalar) point.overrides().get(k)).text()));
    }
}
