package gan4j.testing;

import gan4j.cli.GanCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/** Small real configurations and a way to run the CLI in-process, for tests that train for real. */
public final class TinyRuns {

    public static final Path FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist");

    private TinyRuns() {
    }

    /** A DCGAN-28 on the first 256 Fashion-MNIST images, narrow enough to train in seconds. */
    public static Path dcganConfig(Path dir, String extra) throws IOException {
        Path file = dir.resolve("tiny-dcgan.yaml");
        Files.writeString(file, """
                seed: 7
                data: {type: idx, path: %s, limit: 256, workers: 2}
                model: {architecture: dcgan, latent_size: 16, generator_width: 8, discriminator_width: 8}
                train:
                  steps: 6
                  batch_size: 32
                output: {dir: %s, sample_every: 3, checkpoint_every: 3, log_every: 1, samples: 16}
                %s
                """.formatted(FASHION_MNIST, dir.resolve("run"), extra));
        return file;
    }

    /** Runs {@code gan args...} in-process and captures its exit code, stdout and stderr. */
    public static Result gan(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = GanCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** What a CLI invocation produced. */
    public record Result(int exitCode, String out, String err) {
    }
}
