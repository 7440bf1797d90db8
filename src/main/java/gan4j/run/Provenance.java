package gan4j.run;

import gan4j.io.Versions;
import gan4j.nn.backend.CpuBackend;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

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
        v.put("gan4j_version", Versions.gan4j());
        v.put("dl4j_version", Versions.deeplearning4j());
        v.put("nd4j_backend", CpuBackend.describe().replaceFirst("^backend: ", ""));
        v.put("java", System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
        v.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        v.put("config_sha256", sha256(configYaml));
        v.put("seed", seed);
        v.put("data", data);
        return new Provenance(v);
    }

    /** This provenance with one more entry. */
    public Provenance with(String key, Object value) {
        Map<String, Object> v = new LinkedHashMap<>(values);
        v.put(key, value);
        return new Provenance(v);
    }

    public static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
