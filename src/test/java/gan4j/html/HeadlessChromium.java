package gan4j.html;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Debian's chromium run headless on a page: its DOM after loading, its console, a screenshot. */
final class HeadlessChromium {

    private final Path binary;

    private HeadlessChromium(Path binary) {
        this.binary = binary;
    }

    /** The browser on PATH, if installed (scripts/setup and .ci/run install Debian's chromium). */
    static Optional<HeadlessChromium> find() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            for (String name : List.of("chromium", "chromium-browser")) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(new HeadlessChromium(candidate));
                }
            }
        }
        return Optional.empty();
    }

    /** What one headless run printed: the DOM (for --dump-dom) on stdout, the log on stderr. */
    record Output(String out, String err) {

        /**
         * The page's console messages, which --enable-logging copies to stderr as ":CONSOLE" lines; a
         * page without scripts has none unless something went wrong.
         */
        List<String> consoleMessages() {
            return err.lines().filter(line -> line.contains(":CONSOLE") || line.contains("Uncaught")).toList();
        }
    }

    Output dumpDom(Path page, Path profile) throws IOException, InterruptedException {
        return run(profile, "--dump-dom", page.toUri().toString());
    }

    Output screenshot(Path page, Path png, Path profile) throws IOException, InterruptedException {
        return run(profile, "--screenshot=" + png, "--window-size=1400,2400", page.toUri().toString());
    }

    private Output run(Path profile, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--no-first-run", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(profile.getParent(), "chromium", ".out");
        Path err = Files.createTempFile(profile.getParent(), "chromium", ".err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("chromium did not finish within 120 s: " + command);
        }
        return new Output(Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
