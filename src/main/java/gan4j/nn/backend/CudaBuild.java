package gan4j.nn.backend;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ND4J CUDA build on the class path, if any: its CUDA version and the compute capabilities it
 * holds machine code for. Without PTX a build runs on a GPU only if it holds a cubin of the GPU's
 * major version at or below its minor (NVIDIA's binary compatibility rule).
 */
public record CudaBuild(String cudaVersion, List<ComputeCapability> machineCode) {

    private static final String BACKEND_CLASS = "org/nd4j/linalg/jcublas/JCublasBackend.class";
    private static final Pattern JAR = Pattern.compile("nd4j-cuda-(\\d+\\.\\d+)");
    private static final String TABLE = "/gan4j/cuda-builds.properties";

    public CudaBuild {
        machineCode = machineCode.stream().sorted().toList();
    }

    /** Whether this build's kernels run on a GPU of {@code capability}. */
    public boolean runsOn(ComputeCapability capability) {
        return machineCode.stream().anyMatch(c -> c.major() == capability.major() && c.minor() <= capability.minor());
    }

    /** "sm_37 to sm_86". */
    public String range() {
        return machineCode.get(0).sm() + " to " + machineCode.get(machineCode.size() - 1).sm();
    }

    /**
     * The CUDA version of the ND4J CUDA backend this JVM would load, read from its jar's name
     * without loading it ("unknown" for a jar named otherwise), or empty on the CPU build.
     */
    public static Optional<String> onClassPath() {
        URL backend = CudaBuild.class.getClassLoader().getResource(BACKEND_CLASS);
        if (backend == null) {
            return Optional.empty();
        }
        Matcher m = JAR.matcher(backend.toString());
        return Optional.of(m.find() ? m.group(1) : "unknown");
    }

    /** The build of {@code cudaVersion} as the table beside this class knows it, if it does. */
    public static Optional<CudaBuild> known(String cudaVersion) {
        Properties table = new Properties();
        try (InputStream in = CudaBuild.class.getResourceAsStream(TABLE)) {
            table.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("gan4j's own " + TABLE + " is unreadable", e);
        }
        String sms = table.getProperty(cudaVersion);
        return sms == null ? Optional.empty() : Optional.of(new CudaBuild(cudaVersion,
                Arrays.stream(sms.split(",")).map(ComputeCapability::parse).toList()));
    }
}
