package gan4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scripts/lib/allocator.sh, which the gan and bench-step launchers source under set -euo pipefail. */
class AllocatorScriptTest {

    /**
     * An ldconfig that lists jemalloc first and then far more than a pipe holds: a reader that
     * stops at the match kills it with SIGPIPE, which pipefail turned into a silent exit 141 of
     * the launcher (6 of 200 launches here before the fix).
     */
    @Test
    void findsJemallocWithoutKillingTheLauncher(@TempDir Path dir) throws IOException, InterruptedException {
        Path ldconfig = dir.resolve("ldconfig");
        Files.writeString(ldconfig, """
                #!/bin/sh
                echo '\tlibjemalloc.so.2 (libc6,x86-64) => /opt/fake/libjemalloc.so.2'
                i=0
                while [ $i -lt 20000 ]; do echo "\tlibfiller$i.so (libc6,x86-64) => /usr/lib/libfiller$i.so"; i=$((i+1)); done
                """);
        Files.setPosixFilePermissions(ldconfig, PosixFilePermissions.fromString("rwxr-xr-x"));
        ProcessBuilder launcher = new ProcessBuilder("bash", "-c",
                "set -euo pipefail; unset LD_PRELOAD GAN4J_JEMALLOC; source scripts/lib/allocator.sh; echo \"$LD_PRELOAD\"")
                .redirectErrorStream(true);
        launcher.environment().put("PATH", dir + ":" + System.getenv("PATH"));
        Process process = launcher.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, process.waitFor(), output);
        assertEquals("/opt/fake/libjemalloc.so.2", output);
    }
}
