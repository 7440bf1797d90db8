package gan4j.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gan4j.testing.TinyRuns;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML run report written by a real (tiny) training run, and gan report's comparison of two
 * runs, checked as files and as headless Chromium renders them.
 */
class RunReportTest {

    @TempDir
    static Path shared;
    static Path first;
    static Path second;

    @TempDir
    Path dir;

    @BeforeAll
    static void trainTwoTinyRuns() throws IOException {
        first = train("first", "seed: 7");
        second = train("second", "seed: 8");
    }

    private static Path train(String name, String seed) throws IOException {
        Path folder = Files.createDirectory(shared.resolve(name));
        Path config = TinyRuns.dcganConfig(folder, "");
        Files.writeString(config, Files.readString(config).replace("seed: 7", seed));
        TinyRuns.Result train = TinyRuns.gan("train", "-c", config.toString());
        assertEquals(0, train.exitCode(), train.err());
        return folder.resolve("run");
    }

    @Test
    void trainingWritesAReportWithCurvesTheTimelineAndTheFinalGridEnlarged() throws IOException {
        String html = Files.readString(first.resolve("report.html"));

        assertEquals(2, count(html, "<svg class=\"chart\""), "losses and D readout");
        assertEquals(4, count(html, "<polyline"), "two series per chart");
        assertTrue(html.contains("src=\"samples/step-000003.png\""), "the timeline links the grids");
        assertTrue(html.contains("<figcaption>step 6</figcaption>"));
        assertTrue(html.contains("backend <b>nd4j-native"), "backend from the provenance");
        assertTrue(html.contains("throughput <b>"));
        assertTrue(html.contains("objective:"), "the configuration is shown");
        Matcher finalGrid = Pattern.compile("<img class=\"pixelated final\" src=\"samples/step-000006.png\""
                + " width=\"(\\d+)\"").matcher(html);
        assertTrue(finalGrid.find(), "the final grid is the last one");
        // 16 samples of 28 px in 4 columns with 2-px borders: 122 px native.
        int shown = Integer.parseInt(finalGrid.group(1));
        assertTrue(shown >= 3 * 122, "shown " + shown + " px wide");
        assertTrue(html.contains("image-rendering: pixelated"));
        assertTrue(!html.contains("<script") && !html.replace("http://www.w3.org/2000/svg", "").contains("://"),
                "no scripts, nothing fetched from the network");
    }

    @Test
    void headlessChromiumRendersTheReportWithItsImagesAndNoConsoleMessages() throws Exception {
        HeadlessChromium chromium = browser();
        Path report = first.resolve("report.html");

        HeadlessChromium.Output dom = chromium.dumpDom(report, dir.resolve("profile"));
        HeadlessChromium.Output probe = chromium.dumpDom(imageProbe(report, Files.readString(report)),
                dir.resolve("profile2"));
        Path png = dir.resolve("report.png");
        HeadlessChromium.Output shot = chromium.screenshot(report, png, dir.resolve("profile3"));

        assertEquals(2, count(dom.out(), "<svg class=\"chart\""), dom.err());
        assertEquals(4, count(dom.out(), "<polyline"));
        assertEquals(List.of(), dom.consoleMessages(), dom.err());
        assertEquals(List.of(), shot.consoleMessages(), shot.err());
        // The final grid and the two timeline grids (steps 3 and 6) all decoded.
        assertTrue(probe.out().contains("data-loaded=\"3/3\""), probe.out());
        BufferedImage screenshot = ImageIO.read(png.toFile());
        assertTrue(inkShare(screenshot) > 0.05, "the page shows curves and samples, not a blank page");
    }

    @Test
    void theImageProbeCatchesAMissingImage() throws Exception {
        HeadlessChromium chromium = browser();
        Path report = first.resolve("report.html");
        String broken = Files.readString(report).replaceFirst("src=\"samples/step-000006.png\"",
                "src=\"samples/missing.png\"");

        HeadlessChromium.Output probe = chromium.dumpDom(imageProbe(report, broken), dir.resolve("profile"));

        assertTrue(probe.out().contains("data-loaded=\"2/3\""), probe.out());
    }

    /**
     * A copy of {@code html} beside {@code report} (so its relative paths resolve) with a script that,
     * once the page has loaded, counts the images that decoded into the body's data-loaded attribute;
     * lazy loading is turned off so that off-screen images count too.
     */
    private static Path imageProbe(Path report, String html) throws IOException {
        Path probe = report.resolveSibling("probe-" + System.nanoTime() + ".html");
        Files.writeString(probe, html.replace(" loading=\"lazy\"", "").replace("</body>", """
                <script>
                window.addEventListener('load', () => {
                  const images = [...document.images];
                  const loaded = images.filter(i => i.complete && i.naturalWidth > 0).length;
                  document.body.setAttribute('data-loaded', loaded + '/' + images.length);
                });
                </script>
                </body>"""));
        probe.toFile().deleteOnExit();
        return probe;
    }

    @Test
    void aRunScoredWhileTrainingShowsEachFigureOverTheStepsAndMarksTheBestRow() throws Exception {
        Path config = dir.resolve("toy.yaml");
        Files.writeString(config, """
                seed: 2
                data: {type: toy, mixture: ring, points: 1000, workers: 1}
                model: {architecture: mlp, generator_width: 16, discriminator_width: 16, hidden_layers: 2}
                train: {steps: 9, batch_size: 32}
                output: {dir: %s, sample_every: 3, checkpoint_every: 3, log_every: 3}
                eval: {every: 3, samples: 200}
                """.formatted(dir.resolve("run")));
        TinyRuns.Result train = TinyRuns.gan("train", "-c", config.toString());
        assertEquals(0, train.exitCode(), train.err());
        Path page = dir.resolve("run/report.html");
        String html = Files.readString(page);
        // Losses and D readout, then the MMD that picks best.ckpt and one chart per other figure.
        assertEquals(2 + 5, count(html, "<svg class=\"chart\""), html);
        assertTrue(html.contains("MMD^2 (picks best.ckpt)"));
        String primary = html.substring(html.indexOf("MMD^2 (picks best.ckpt)"));
        assertEquals(3, count(primary.substring(0, primary.indexOf("</svg>")), "<circle "),
                "the primary chart marks its three evaluations");
        assertEquals(1, count(html, "<tr class=\"best\">"));
        assertTrue(html.contains("that state is checkpoints/best.ckpt"));
        HeadlessChromium.find().ifPresent(chromium -> {
            try {
                HeadlessChromium.Output dom = chromium.dumpDom(page, dir.resolve("profile"));
                assertEquals(List.of(), dom.consoleMessages(), dom.err());
                assertTrue(dom.out().contains("reverse kl"), "the eval table rendered");
            } catch (IOException | InterruptedException e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void ganReportComparesTwoRunsOnOneSelfContainedPage() throws Exception {
        Path page = dir.resolve("compare.html");

        TinyRuns.Result result = TinyRuns.gan("report", first.toString(), second.toString(), "--out", page.toString());

        assertEquals(0, result.exitCode(), result.err());
        assertEquals("wrote " + page + " (2 runs)", result.out().strip());
        String html = Files.readString(page);
        assertEquals(4, count(html, "<svg class=\"chart\""), "D loss, G loss, D(x), D(G(z))");
        assertEquals(8, count(html, "<polyline"), "each run in each chart");
        assertEquals(2, count(html, "src=\"data:image/png;base64,"), "both final grids embedded");
        assertEquals(3, count(html, "<tr>"), "header and one row per run");
        HeadlessChromium.find().ifPresent(chromium -> {
            try {
                HeadlessChromium.Output dom = chromium.dumpDom(page, dir.resolve("profile"));
                assertEquals(List.of(), dom.consoleMessages(), dom.err());
                assertEquals(8, count(dom.out(), "<polyline"));
            } catch (IOException | InterruptedException e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void ganReportOfOneRunRewritesItsReportAndRefusesAFolderThatIsNoRun() throws IOException {
        Files.delete(second.resolve("report.html"));

        TinyRuns.Result again = TinyRuns.gan("report", second.toString());
        TinyRuns.Result notRun = TinyRuns.gan("report", dir.toString());

        assertEquals(0, again.exitCode(), again.err());
        assertTrue(Files.isRegularFile(second.resolve("report.html")));
        assertEquals(2, notRun.exitCode());
        assertEquals("error: " + dir + " is not a run directory (it has no metrics.csv); give the output.dir of a"
                + " gan train run.", notRun.err().strip());
    }

    private static HeadlessChromium browser() {
        var chromium = HeadlessChromium.find();
        Assumptions.assumeTrue(chromium.isPresent(), "chromium is not installed, so the report is not checked in a"
                + " browser; scripts/setup installs Debian's chromium");
        return chromium.get();
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    private static double inkShare(BufferedImage image) {
        long ink = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                if (rgb != 0xFFFFFF) {
                    ink++;
                }
            }
        }
        return ink / ((image.getHeight() / 2.0) * (image.getWidth() / 2.0));
    }
}
