package gan4j.nn.backend;

import gan4j.io.RunException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Says, before ND4J loads and any kernel runs, whether the CUDA build can use the GPUs in front of
 * it. nvidia-smi reports them (name, compute capability, memory, driver), since asking the CUDA
 * backend would load it first; the build's compute capabilities come from {@link CudaBuild}. On the
 * CPU build nothing is checked. With no usable GPU the CUDA build stops: it has no CPU fallback,
 * and a GPU job silently running on CPUs would take days instead of hours.
 */
public final class GpuPreflight {

    private static final long NVIDIA_SMI_SECONDS = 15;

    /** What nvidia-smi found: the visible devices, or why there are none. */
    public record Detection(List<GpuDevice> devices, String problem) {
    }

    /** The lines to log, and the sentence that stops the command when the build cannot run here. */
    public record Verdict(List<String> lines, Optional<String> refusal) {
    }

    private GpuPreflight() {
    }

    /** Logs the GPUs and stops with one sentence when the CUDA build on the class path cannot use them. */
    public static void check(PrintWriter out) {
        Optional<String> cuda = CudaBuild.onClassPath();
        if (cuda.isEmpty()) {
            return;
        }
        Verdict verdict = judge(cuda, detect());
        verdict.lines().forEach(out::println);
        out.flush();
        verdict.refusal().ifPresent(sentence -> {
            throw new RunException(sentence);
        });
    }

    /** The verdict for the CUDA build of {@code cudaVersion} (empty: the CPU build) on {@code found}. */
    public static Verdict judge(Optional<String> cudaVersion, Detection found) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < found.devices().size(); i++) {
            lines.add("GPU " + i + ": " + found.devices().get(i));
        }
        if (cudaVersion.isEmpty()) {
            lines.add(found.devices().isEmpty() ? "GPUs: none visible (" + found.problem() + "); the CPU build needs none"
                    : "GPUs: not used by this CPU build (build with -Pcuda to use them)");
            return new Verdict(lines, Optional.empty());
        }
        String version = cudaVersion.get();
        if (found.devices().isEmpty()) {
            return new Verdict(lines, Optional.of("this is gan4j's CUDA " + version + " build, but no NVIDIA GPU is"
                    + " visible (" + found.problem() + "); run it where nvidia-smi lists a GPU, or build the CPU"
                    + " variant (mvn package, without -Pcuda)."));
        }
        Optional<CudaBuild> build = CudaBuild.known(version);
        if (build.isEmpty()) {
            lines.add("GPUs: not checked: gan4j has no table of the machine code in a CUDA " + version + " build");
            return new Verdict(lines, Optional.empty());
        }
        for (int i = 0; i < found.devices().size(); i++) {
            GpuDevice device = found.devices().get(i);
            if (!build.get().runsOn(device.capability())) {
                return new Verdict(lines, Optional.of("GPU " + i + ", " + device.name() + ", has compute capability "
                        + device.capability() + ", which ND4J's CUDA " + version + " build cannot run (it holds"
                        + " machine code for " + build.get().range() + " and no PTX); use a GPU from Kepler K80 to"
                        + " Ampere/Ada (CUDA_VISIBLE_DEVICES picks one), or build gan4j against a CUDA 12 ND4J"
                        + " snapshot: mvn -Pcuda -Dcuda.version=12.1 -Dnd4j.backend.version=VERSION."));
            }
        }
        lines.add("GPUs: all " + found.devices().size() + " can run the CUDA " + version + " build ("
                + build.get().range() + ")");
        return new Verdict(lines, Optional.empty());
    }

    /** The GPUs nvidia-smi lists, only those CUDA_VISIBLE_DEVICES leaves visible when it is set. */
    public static Detection detect() {
        List<String> command = new ArrayList<>(List.of("nvidia-smi", "--query-gpu=" + GpuDevice.QUERY,
                "--format=csv,noheader,nounits"));
        String visible = System.getenv("CUDA_VISIBLE_DEVICES");
        if (visible != null) {
            if (visible.isBlank() || visible.strip().startsWith("-")) {
                return new Detection(List.of(), "CUDA_VISIBLE_DEVICES='" + visible + "' hides every GPU");
            }
            command.addAll(List.of("-i", visible.strip()));
        }
        try {
            Process smi = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(smi.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!smi.waitFor(NVIDIA_SMI_SECONDS, TimeUnit.SECONDS)) {
                smi.destroyForcibly();
                return new Detection(List.of(), "nvidia-smi did not answer in " + NVIDIA_SMI_SECONDS + " s");
            }
            if (smi.exitValue() != 0) {
                return new Detection(List.of(), "nvidia-smi failed: " + output.strip().lines().findFirst().orElse(""));
            }
            return new Detection(GpuDevice.parse(output), "");
        } catch (IOException e) {
            return new Detection(List.of(), "no nvidia-smi on the PATH");
        } catch (IllegalArgumentException e) {
            return new Detection(List.of(), e.getMessage() + " (a driver too old to report compute_cap?)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Detection(List.of(), "interrupted while asking nvidia-smi");
        }
    }
}
