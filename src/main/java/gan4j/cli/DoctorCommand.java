package gan4j.cli;

import gan4j.io.Versions;
import gan4j.nn.backend.CpuBackend;
import gan4j.nn.backend.CudaBuild;
import gan4j.nn.backend.GpuPreflight;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code gan doctor}: what this machine gives gan4j, one fact per line: the first thing to run on a
 * new server and to paste into a bug report. It never fails on what it finds; it says it.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Print the backend, native build, threads, allocator, GPUs and their verdict, Java and"
            + " memory limits, and the datasets found: paste it into a bug report."})
public final class DoctorCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.println("gan4j " + Versions.gan4j() + ", Deeplearning4j " + Versions.deeplearning4j());
        Runtime runtime = Runtime.getRuntime();
        out.println("java: " + System.getProperty("java.vendor") + " " + System.getProperty("java.version")
                + ", max heap " + (runtime.maxMemory() >> 20) + " MiB (GAN4J_JAVA_OPTS=-Xmx... sets it)");
        out.println("cpus: " + runtime.availableProcessors() + " available to the JVM; " + System.getProperty("os.name")
                + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        out.println("memory limit: " + memoryLimit());
        out.println("threads: OMP_NUM_THREADS=" + env("OMP_NUM_THREADS") + ", OMP_WAIT_POLICY="
                + env("OMP_WAIT_POLICY"));
        String preload = System.getenv("LD_PRELOAD");
        out.println("allocator: " + (preload != null && preload.contains("jemalloc") ? "jemalloc (" + preload + ")"
                : "glibc malloc (install libjemalloc2 for flat memory; scripts/setup does)"));
        Optional<String> cuda = CudaBuild.onClassPath();
        out.println("build: " + cuda.map(v -> "CUDA " + v + " (nd4j-cuda)").orElse("CPU (nd4j-native)"));
        // GPUs before the backend: loading the CUDA backend on a GPU it cannot run fails.
        GpuPreflight.Verdict gpus = GpuPreflight.judge(cuda, GpuPreflight.detect());
        gpus.lines().forEach(out::println);
        gpus.refusal().ifPresent(sentence -> out.println("verdict: " + sentence));
        if (gpus.refusal().isEmpty()) {
            out.println(backend());
        }
        datasets().forEach((name, path) -> out.println("data " + name + ": " + path
                + (Files.exists(path) ? " (found)" : " (missing: see data/README.md)")));
        return ExitCodes.OK;
    }

    private static String backend() {
        try {
            CpuBackend.configure();
            return CpuBackend.describe();
        } catch (RuntimeException | LinkageError e) {
            return "backend: failed to load (" + e + ")";
        }
    }

    /** The cgroup's memory limit, which a container or a Slurm job sets below the machine's memory. */
    private static String memoryLimit() {
        for (Path file : new Path[] {Path.of("/sys/fs/cgroup/memory.max"),
            Path.of("/sys/fs/cgroup/memory/memory.limit_in_bytes")}) {
            try {
                String value = Files.readString(file).strip();
                return value.equals("max") || value.length() > 18 ? "none (" + file + ")"
                        : (Long.parseLong(value) >> 20) + " MiB (" + file + ")";
            } catch (IOException | NumberFormatException e) {
                // Not this cgroup version; try the other.
            }
        }
        return "unknown (no cgroup memory file)";
    }

    private static String env(String name) {
        String value = System.getenv(name);
        return value == null ? "unset" : value;
    }

    /** Where the presets look for their data, by dataset. */
    private static Map<String, Path> datasets() {
        Map<String, Path> found = new LinkedHashMap<>();
        found.put("fashion-mnist", Path.of("/usr/share/datasets/fashion-mnist"));
        found.put("mnist", Path.of("data/mnist"));
        found.put("celeba", Path.of("data/celeba/img_align_celeba"));
        return found;
    }
}
