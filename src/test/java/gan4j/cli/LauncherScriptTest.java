package gan4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scripts/gan, run against a stand-in {@code java} that prints the arguments it was given. */
class LauncherScriptTest {

    @Test
    void forbidsJavaDeserializationWhateverTheUserPasses(@TempDir Path dir) throws IOException, InterruptedException {
        Path copy = dir.resolve("gan4j");
        Files.createDirectories(copy.resolve("scripts/lib"));
        Files.createDirectories(copy.resolve("target"));
        Files.copy(Path.of("scripts/gan"), copy.resolve("scripts/gan"));
        Files.copy(Path.of("scripts/lib/allocator.sh"), copy.resolve("scripts/lib/allocator.sh"));
        Files.createFile(copy.resolve("target/gan4j.jar"));
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; done\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));

        ProcessBuilder launcher = new ProcessBuilder("bash", copy.resolve("scripts/gan").toString(), "--help")
                .redirectErrorStream(true);
        launcher.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        launcher.environment().put("GAN4J_JAVA_OPTS", "-Xmx1g -Djdk.serialFilter=*");
        launcher.environment().put("GAN4J_JEMALLOC", "0");
        Process process = launcher.start();
        process.getOutputStream().close();
        List<String> args = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .lines().toList();
        assertEquals(0, process.waitFor(), String.join("\n", args));
        // For a repeated -D the JVM keeps the last, so the launcher's filter must come after the user's options.
        assertTrue(args.lastIndexOf("-Djdk.serialFilter=!*") > args.indexOf("-Djdk.serialFilter=*"), args.toString());
        assertTrue(args.contains("-Xmx1g") && args.get(args.size() - 1).equals("--help"), args.toString());
    }
}
