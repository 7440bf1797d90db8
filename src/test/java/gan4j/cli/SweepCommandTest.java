package gan4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import gan4j.config.ConfigLoader;
import gan4j.config.GanConfig;
import gan4j.sweep.SweepDirectory;
import gan4j.testing.TinyRuns;
import gan4j.testing.TinyRuns.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepCommandTest {

    @Test
    void expandsOneValidatedConfigPerIndexAndAManifest(@TempDir Path dir) throws Exception {
        Path sweep = sweepFile(dir, "grid: {train.d_optimizer.lr: [1.0e-4, 2.0e-4]}\nseeds: [1, 2, 3]\n");
        Path out = dir.resolve("out");
        Result result = TinyRuns.gan("sweep", "--config", sweep.toString(), "--out", out.toString());
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().startsWith("expanded 6 runs into " + out.toAbsolutePath()), result.out());

        SweepDirectory sweepDir = new SweepDirectory(out);
        GanConfig fifth = new ConfigLoader().load(sweepDir.config(4), List.of());
        assertEquals(2.0e-4, fifth.train().discriminatorOptimizer().learningRate());
        assertEquals(2, fifth.seed());
        assertEquals(sweepDir.run(4).root(), fifth.output().dir());
        assertEquals("sweep-004", fifth.name());
        assertEquals(6, fifth.train().steps(), "the base config's values stay");
        String manifest = Files.readString(sweepDir.manifest());
        assertTrue(manifest.contains("""
                - index: 4
                  dir: runs/004
                  overrides:
                    train.d_optimizer.lr: 2.0E-4
                    seed: 2
                """), manifest);

        Result again = TinyRuns.gan("sweep", "--config", sweep.toString(), "--out", out.toString());
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().startsWith("unchanged: 6 runs"), again.out());

        Path other = sweepFile(dir, "seeds: [9]\n");
        Result clash = TinyRuns.gan("sweep", "--config", other.toString(), "--out", out.toString());
        assertEquals(ExitCodes.USAGE, clash.exitCode());
        assertTrue(clash.err().contains("already holds a different sweep"), clash.err());
        assertEquals(manifest, Files.readString(sweepDir.manifest()));
    }

    @Test
    void aValueTheConfigRefusesIsNamedAtItsSweepFileLineAndNothingIsWritten(@TempDir Path dir) throws Exception {
        Path sweep = sweepFile(dir, "grid:\n  train.d_optimizer.lr: [1.0e-4, -1]\n  model.widht: [8]\n");
        Path out = dir.resolve("out");
        Result result = TinyRuns.gan("sweep", "--config", sweep.toString(), "--out", out.toString());
        assertEquals(ExitCodes.USAGE, result.exitCode());
        assertEquals("error: " + sweep + ":4: unknown key 'model.widht'", result.err().strip().split(";")[0]);
        assertEquals(1, result.err().lines().count(), result.err());
        assertFalse(Files.exists(out), "a sweep with one bad index writes nothing");

        Path lr = sweepFile(dir, "grid:\n  train.d_optimizer.lr: [1.0e-4, -1]\n");
        Result bad = TinyRuns.gan("sweep", "--config", lr.toString(), "--out", out.toString());
        assertEquals(ExitCodes.USAGE, bad.exitCode());
        assertTrue(bad.err().startsWith("error: " + lr + ":3: train.d_optimizer.lr must be between"), bad.err());
        assertFalse(Files.exists(out));

        Result noOut = TinyRuns.gan("sweep", "--config", lr.toString());
        assertEquals(ExitCodes.USAGE, noOut.exitCode());
        Result badEmit = TinyRuns.gan("sweep", "--config", lr.toString(), "--out", out.toString(), "--emit", "pbs");
        assertEquals(ExitCodes.USAGE, badEmit.exitCode());
        Result badMem = TinyRuns.gan("sweep", "--config", sweepFile(dir, "seeds: [1]\n").toString(), "--out",
                out.toString(), "--emit", "slurm", "--mem", "lots");
        assertEquals(ExitCodes.USAGE, badMem.exitCode());
        assertTrue(badMem.err().contains("--mem lots"), badMem.err());
    }

    @Test
    void theSlurmScriptIsAJobArrayThatRequeuesAndSignalsBeforeTheLimit(@TempDir Path dir) throws Exception {
        Path sweep = sweepFile(dir, "seeds: [1, 2, 3, 4, 5, 6]\n");
        Path out = dir.resolve("out");
        Result result = TinyRuns.gan("sweep", "--config", sweep.toString(), "--out", out.toString(), "--emit", "slurm",
                "--max-parallel", "2", "--gpus-per-task", "1", "--cpus-per-task", "4", "--mem", "16G", "--time",
                "04:00:00", "--partition", "gpu", "--launcher", "/opt/gan4j/scripts/gan");
        assertEquals(0, result.exitCode(), result.err());
        SweepDirectory sweepDir = new SweepDirectory(out);
        String script = Files.readString(sweepDir.slurmScript());
        for (String option : List.of("--array=0-5%2", "--requeue", "--signal=B:USR1@120", "--gpus-per-task=1",
                "--cpus-per-task=4", "--mem=16G", "--time=04:00:00", "--partition=gpu", "--open-mode=append",
                "--output=" + sweepDir.logs().resolve("%a.log"))) {
            assertTrue(script.contains("#SBATCH " + option + "\n"), option + " in\n" + script);
        }
        assertTrue(script.contains("'/opt/gan4j/scripts/gan' train --config \"$run/config.yaml\" --resume=auto"), script);
        assertTrue(script.contains("scontrol requeue"), script);
        assertTrue(Files.isDirectory(sweepDir.logs()), "Slurm does not create the log folder itself");
        Process check = new ProcessBuilder("bash", "-n", sweepDir.slurmScript().toString()).start();
        assertEquals(0, check.waitFor(), new String(check.getErrorStream().readAllBytes()));
    }

    @Test
    void statusAndReportReadEachIndexFromItsFiles(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isDirectory(TinyRuns.FASHION_MNIST), "needs dataset-fashion-mnist");
        Path sweep = sweepFile(dir, "set: {train.steps: 4}\nseeds: [1, 2, 3, 4, 5]\n");
        Path out = dir.resolve("out");
        assertEquals(0, TinyRuns.gan("sweep", "--config", sweep.toString(), "--out", out.toString()).exitCode());
        SweepDirectory sweepDir = new SweepDirectory(out);
        // As the emitted task runs each index: gan train --resume=auto, with the start and exit logged.
        Result done = TinyRuns.gan("train", "--config", sweepDir.config(0).toString(), "--resume=auto");
        assertEquals(0, done.exitCode(), done.err());
        Files.writeString(sweepDir.taskLog(0), "start 2026-01-01T00:00:00Z host=a\nexit 0 2026-01-01T00:01:00Z\n");
        Result stopped = TinyRuns.gan("train", "--config", sweepDir.config(1).toString(), "--resume=auto", "--set",
                "train.steps=2");
        assertEquals(0, stopped.exitCode(), stopped.err());
        Files.writeString(sweepDir.taskLog(1), "start 2026-01-01T00:00:00Z host=a\n"
                + "exit 143 2026-01-01T00:01:00Z requeued\n");
        Files.writeString(sweepDir.taskLog(3), "start 2026-01-01T00:00:00Z host=b\n");
        Files.writeString(sweepDir.taskLog(4), "start 2026-01-01T00:00:00Z host=b\nexit 1 2026-01-01T00:00:09Z\n");

        Result status = TinyRuns.gan("sweep", "status", out.toString());
        assertEquals(0, status.exitCode(), status.err());
        List<String> lines = status.out().lines().toList();
        assertTrue(lines.get(1).matches("000\\s+done\\s+4/4\\s+1\\s+0\\s+\\d.*seed=1"), status.out());
        assertTrue(lines.get(2).matches("001\\s+preempted\\s+2/4\\s+1\\s+143\\s+\\d.*seed=2"), status.out());
        assertTrue(lines.get(3).matches("002\\s+pending\\s+0/4\\s+0\\s+-\\s+-\\s+-\\s+.*seed=3"), status.out());
        assertTrue(lines.get(4).matches("003\\s+running\\s+0/4\\s+1\\s+-.*seed=4"), status.out());
        assertTrue(lines.get(5).matches("004\\s+failed\\s+0/4\\s+1\\s+1\\s.*seed=5"), status.out());
        assertEquals("5 runs: 1 pending, 1 running, 1 preempted, 1 done, 1 failed", lines.get(6));

        Result report = TinyRuns.gan("sweep", "report", out.toString(), "--sort", "g_loss");
        assertEquals(0, report.exitCode(), report.err());
        List<String> rows = report.out().lines().toList();
        assertTrue(rows.get(0).matches("index\\s+state\\s+train.steps\\s+seed\\s+step\\s+d_loss\\s+g_loss.*"),
                report.out());
        List<String> header = List.of(rows.get(0).split("\\s+"));
        int gLoss = header.indexOf("g_loss");
        double first = Double.parseDouble(rows.get(1).split("\\s+")[gLoss]);
        double second = Double.parseDouble(rows.get(2).split("\\s+")[gLoss]);
        assertTrue(first <= second, report.out());
        assertEquals(List.of("002", "003", "004"), rows.subList(3, 6).stream().map(r -> r.split("\\s+")[0]).toList(),
                "rows without metrics last, in index order:\n" + report.out());

        Result badSort = TinyRuns.gan("sweep", "report", out.toString(), "--sort", "fid");
        assertEquals(ExitCodes.USAGE, badSort.exitCode());
        assertTrue(badSort.err().contains("use one of index, train.steps, seed, step, d_loss"), badSort.err());
        Result notASweep = TinyRuns.gan("sweep", "status", Files.createDirectory(dir.resolve("empty")).toString());
        assertEquals(ExitCodes.FAILED, notASweep.exitCode());
        assertTrue(notASweep.err().contains("is not a sweep directory"), notASweep.err());
    }

    @Test
    void theShippedSweepsExpand(@TempDir Path dir) throws Exception {
        try (var files = Files.list(Path.of("sweeps"))) {
            for (Path sweep : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                Result result = TinyRuns.gan("sweep", "--config", sweep.toString(), "--out",
                        dir.resolve(sweep.getFileName().toString()).toString(), "--emit", "slurm", "--emit", "k8s");
                assertEquals(0, result.exitCode(), sweep + ": " + result.err());
            }
        }
    }

    private static Path sweepFile(Path dir, String body) throws Exception {
        TinyRuns.dcganConfig(dir, "");
        Path file = dir.resolve("sweep.yaml");
        Files.writeString(file, "base: tiny-dcgan.yaml\n" + body);
        return file;
    }
}
