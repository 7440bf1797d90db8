package gan4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile YAML: every shape ends in one ConfigException naming where, never a hang or a JVM error. */
class YamlTreeTest {

    private static final int MIB = 1 << 20;

    private final ConfigLoader loader = new ConfigLoader();

    private String error(String yaml, String... overrides) {
        return assertThrows(ConfigException.class,
                () -> loader.parse(yaml, "exp.yaml", "exp", List.of(overrides))).getMessage();
    }

    private String loadError(Path file) {
        return assertThrows(ConfigException.class, () -> loader.load(file, List.of())).getMessage();
    }

    @Test
    void anchorsAndAliasesAreRejectedWithTheirLine() {
        String message = assertThrows(ConfigException.class,
                () -> YamlTree.parse("seed: 1\nname: &n x\nother: *n\n", "exp.yaml")).getMessage();
        assertTrue(message.startsWith("exp.yaml:2: "), message);
        assertTrue(message.contains("&n"), message);
    }

    @Test
    void aSelfReferentialAliasEndsInASentence() {
        String message = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> error("x: &a [*a]\n"));
        assertTrue(message.startsWith("exp.yaml:1: "), message);
    }

    @Test
    void deepNestingIsBounded() {
        String deep = "x: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n";
        String message = error(deep);
        assertTrue(message.startsWith("exp.yaml:1: ") && message.contains("32 levels"), message);
        assertTrue(error("a: " + "{b: ".repeat(40) + "1" + "}".repeat(40) + "\n").contains("32 levels"));
    }

    @Test
    void duplicateKeysNameBothLines() {
        assertEquals("exp.yaml:3: seed is already set at line 1; keep one of them.",
                error("seed: 1\nname: a\nseed: 2\n"));
        String nested = error("train:\n  steps: 1\n  batch_size: 2\n  steps: 3\n");
        assertTrue(nested.startsWith("exp.yaml:4: train.steps is already set at line 2"), nested);
    }

    @Test
    void textOverTheSizeLimitIsRejected() {
        String message = error("seed: 1\n# " + "x".repeat(MIB) + "\n");
        assertTrue(message.startsWith("exp.yaml: ") && message.contains("1 MiB"), message);
    }

    @Test
    void overrideValuesFollowTheSameRules() {
        String alias = error("seed: 1\n", "name=&a x");
        assertTrue(alias.startsWith("--set name=&a x: ") && alias.contains("&a"), alias);
        assertTrue(error("seed: 1\n", "train=[1").startsWith("--set train=[1: not valid YAML"));
        assertEquals("--set train={steps: 1, steps: 2}: train.steps is set twice; keep one of them.",
                error("seed: 1\n", "train={steps: 1, steps: 2}"));
        assertTrue(error("seed: 1\n", "name=" + "[".repeat(50) + "]".repeat(50)).contains("32 levels"));
        String twoKeys = error("seed: 1\n", "seed=1\nname: x");
        assertTrue(twoKeys.startsWith("--set seed=") && twoKeys.lines().count() == 1, twoKeys);
    }

    @Test
    void overrideKeysNeedNamedParts() {
        for (String bad : List.of(".=1", "a..b=1", ".seed=1", "train.=1", " =1")) {
            String message = error("seed: 1\n", bad);
            assertTrue(message.startsWith("--set " + bad + ": "), message);
        }
        String empty = error("seed: 1\n", "train.steps=");
        assertTrue(empty.startsWith("--set train.steps=: ") && empty.contains("null"), empty);
    }

    @Test
    void aDirectoryIsNotAConfig(@TempDir Path dir) {
        String message = loadError(dir);
        assertTrue(message.startsWith(dir + ": ") && message.contains("directory"), message);
    }

    @Test
    void anEndlessDeviceIsReadOnlyUpToTheLimit() {
        Path zero = Path.of("/dev/zero");
        if (Files.exists(zero)) {
            String message = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> loadError(zero));
            assertTrue(message.startsWith("/dev/zero: ") && message.contains("1 MiB"), message);
        }
    }

    @Test
    void aLargeFileIsRejectedBeforeReading(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.yaml");
        Files.writeString(big, "seed: 1\n# " + "x".repeat(MIB) + "\n");
        assertTrue(loadError(big).contains("1 MiB"));
    }

    @Test
    void binaryIsNotUtf8Text(@TempDir Path dir) throws IOException {
        Path png = dir.resolve("image.yaml");
        Files.write(png, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', (byte) 0xff});
        String message = loadError(png);
        assertTrue(message.startsWith(png + ": ") && message.contains("UTF-8"), message);
    }

    @Test
    void aPlainConfigStillLoads(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("ok.yaml");
        Files.writeString(file, "seed: 5\ntrain: {steps: 3, g_optimizer: {lr: 0.001}}\n", StandardCharsets.UTF_8);
        GanConfig config = loader.load(file, List.of("train.batch_size=8"));
        assertEquals(5, config.seed());
        assertEquals(8, config.train().batchSize());
    }
}
