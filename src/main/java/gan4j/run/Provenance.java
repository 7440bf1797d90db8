package gan4j.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import gan4j.nn.backend.CpuBackend;

/**
 * What produced an artifact: configuration hash, seed, data, and the software and platform, since
 * numeric results can differ across library versions, native builds and CPUs.
 */
public record Provenance(Map<String, Object> values) {

    public Provenance {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static Provenance of(String configYaml, long seed, String data) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("created", Instant.now().toString());
        v.put("gan4j_version", version());
        v.put("dl4j_version", libraryVersion("org.deeplearning4j", "deeplearning4j-nn"));
        v.put("nd4j_backend", CpuBackend.describe().replaceFirst("^backend: ", ""));
        v.put("java", System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
        v.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        v.put("config_sha256", sha256(configYaml));
        v.put("seed", seed);
        v.put("data", data);
        return new Provenance(v);
    }

    /** gan4j's own version, from the jar manifest ("dev" when run from classes). */
    public static String version() {
        String version = Provenance.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    public static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static String libraryVersion(String group, String artifact) {
        String resource = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = Provenance.class.getResourceAsStream(resource)) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
