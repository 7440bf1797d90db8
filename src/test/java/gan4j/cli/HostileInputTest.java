package gan4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gan4j.testing.TinyRuns.Result;
import gan4j.testing.TinyRuns;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** Whatever the command line or the JVM throws, {@code gan} ends with one sentence on stderr and an exit code. */
class HostileInputTest {

    /** A subcommand that fails with a given throwable, standing in for a bug or an exhausted JVM. */
    @Command(name = "fail")
    static final class Failing implements Callable<Integer> {

        private final Throwable failure;

        Failing(Throwable failure) {
            this.failure = failure;
        }

        @Override
        public Integer call() throws Exception {
            if (failure instanceof Error error) {
                throw error;
            }
            throw (Exception) failure;
        }
    }

    private static Result failWith(Throwable failure) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = GanCommand.commandLine().addSubcommand(new Failing(failure));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new Result(cli.execute("fail"), out.toString(), err.toString());
    }

    private static void assertOneSentence(Result result, int exitCode) {
        assertEquals(exitCode, result.exitCode(), result.err());
        assertTrue(result.err().startsWith("error: "), result.err());
        assertEquals(1, result.err().lines().count(), result.err());
        assertFalse(result.err().contains("\tat "), result.err());
    }

    @Test
    void jvmErrorsAreOneSentenceAndExitOne() {
        Result stack = failWith(new StackOverflowError());
        assertOneSentence(stack, ExitCodes.FAILED);
        assertTrue(stack.err().contains("StackOverflowError") && stack.err().contains("GAN4J_DEBUG"), stack.err());
        Result heap = failWith(new OutOfMemoryError("Java heap space"));
        assertOneSentence(heap, ExitCodes.FAILED);
        assertTrue(heap.err().contains("Java heap space") && heap.err().contains("GAN4J_JAVA_OPTS"), heap.err());
        assertOneSentence(failWith(new UnsatisfiedLinkError("no jnind4jcpu in java.library.path")), ExitCodes.FAILED);
    }

    @Test
    void bugsAreOneSentenceNamingTheCommandAndTheDebugSwitch() {
        Result bug = failWith(new IllegalStateException("first line\nsecond line"));
        assertOneSentence(bug, ExitCodes.FAILED);
        assertTrue(bug.err().contains("gan fail") && bug.err().contains("IllegalStateException: first line")
                && bug.err().contains("GAN4J_DEBUG=1"), bug.err());
    }

    @Test
    void theDebugSwitchAddsTheStackTrace() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new Failing(new IllegalStateException("boom")));
        cli.setErr(new PrintWriter(err, true));
        int code = new UserErrorHandler(true).handleExecutionException(new IllegalStateException("boom"), cli, null);
        assertEquals(ExitCodes.FAILED, code);
        assertTrue(err.toString().startsWith("error: "), err.toString());
        assertTrue(err.toString().contains("\tat "), err.toString());
    }

    @Test
    void malformedOverridesAreUsageErrors(@TempDir Path dir) throws Exception {
        String config = TinyRuns.dcganConfig(dir, "").toString();
        for (String set : new String[] {".=1", "=1", "a", "train.steps=", "a..b=1", "train.steps=&x 1"}) {
            Result result = TinyRuns.gan("train", "-c", config, "--set", set);
            assertOneSentence(result, ExitCodes.USAGE);
            assertTrue(result.err().contains("--set"), result.err());
        }
    }

    @Test
    void hostileConfigFilesAreUsageErrors(@TempDir Path dir) throws Exception {
        Path recursive = dir.resolve("recursive.yaml");
        Files.writeString(recursive, "x: &a [*a]\n");
        Path duplicate = dir.resolve("duplicate.yaml");
        Files.writeString(duplicate, "seed: 1\nseed: 2\n");
        for (Path config : new Path[] {recursive, duplicate, dir, Path.of("/dev/zero")}) {
            Result result = assertTimeoutPreemptively(Duration.ofSeconds(20),
                    () -> TinyRuns.gan("train", "-c", config.toString()));
            assertOneSentence(result, ExitCodes.USAGE);
            assertTrue(result.err().startsWith("error: " + config), result.err());
        }
    }

    @Test
    void sampleOutputMustBeAFileName(@TempDir Path dir) throws Exception {
        String checkpoint = dir.resolve("no-run").toString();
        Path file = Files.writeString(dir.resolve("file.txt"), "x");
        for (String out : new String[] {"/", dir.toString(), "", file.resolve("x.png").toString()}) {
            Result result = TinyRuns.gan("sample", "--checkpoint", checkpoint, "-o", out);
            assertOneSentence(result, ExitCodes.USAGE);
            assertTrue(result.err().contains("-o"), result.err());
        }
    }

    @Test
    void packOutputMustBeAFileName(@TempDir Path dir) {
        for (String out : new String[] {"/", dir.toString()}) {
            Result result = TinyRuns.gan("data", "pack", "--input", dir.toString(), "--size", "8", "--out", out);
            assertOneSentence(result, ExitCodes.USAGE);
            assertTrue(result.err().contains("--out"), result.err());
        }
    }

    @Test
    void checkpointsThatAreNotThereAreOneSentence(@TempDir Path dir) {
        String out = dir.resolve("x.png").toString();
        for (String checkpoint : new String[] {dir.toString(), "/dev/null", dir.resolve("none").toString()}) {
            assertOneSentence(TinyRuns.gan("sample", "--checkpoint", checkpoint, "-o", out), ExitCodes.FAILED);
        }
    }
}
