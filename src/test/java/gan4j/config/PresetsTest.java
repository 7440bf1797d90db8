package gan4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import gan4j.testing.TinyRuns;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every shipped preset loads and trains for a couple of steps (on a slice of its data). */
class PresetsTest {

    static Stream<Path> presets() throws IOException {
        return Files.list(Path.of("configs")).filter(p -> p.toString().endsWith(".yaml")).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void presetTrainsTwoSteps(Path preset, @TempDir Path dir) throws IOException {
        GanConfig config = new ConfigLoader().load(preset, List.of());
        List<String> args = new ArrayList<>(List.of("train", "-c", preset.toString(),
                "--set", "train.steps=2", "--set", "train.batch_size=8", "--set", "output.samples=4",
                // Evaluation has its own tests; here its classifier would cost a minute per preset.
                "--set", "eval=null",
                "--set", "output.dir=" + dir.resolve("run")));
        if (config.data() instanceof DataConfig.Idx) {
            assumeTrue(Files.isDirectory(TinyRuns.FASHION_MNIST), "needs dataset-fashion-mnist");
            args.addAll(List.of("--set", "data.limit=64"));
        } else if (config.data() instanceof DataConfig.Folder folder) {
            args.addAll(List.of("--set", "data.path=" + faces(dir.resolve("faces"), 12)));
        } else if (config.data() instanceof DataConfig.Packed) {
            Path packed = dir.resolve("faces.gan4j");
            assertEquals(0, TinyRuns.gan("data", "pack", "--input", faces(dir.resolve("faces"), 12).toString(),
                    "--size", "64", "--out", packed.toString()).exitCode());
            args.addAll(List.of("--set", "data.path=" + packed));
        } else if (config.data() instanceof DataConfig.Toy) {
            args.addAll(List.of("--set", "data.points=500"));
        }
        TinyRuns.Result result = TinyRuns.gan(args.toArray(String[]::new));
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(Files.exists(dir.resolve("run/checkpoints/step-000002.ckpt")));
        assertTrue(Files.exists(dir.resolve("run/samples/step-000002.png")));
    }

    /** Everyone samples from an EMA generator today: the ResNet presets keep one. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void resnetPresetsKeepAMovingAverageOfG(Path preset) throws IOException {
        GanConfig config = new ConfigLoader().load(preset, java.util.List.of());
        boolean resnet = config.model().architecture() == ModelConfig.Family.RESNET;
        assertEquals(resnet, config.train().ema().isPresent(), preset.toString());
    }

    /** A folder of non-square colour JPEGs standing in for CelebA. */
    private static Path faces(Path folder, int count) throws IOException {
        Files.createDirectories(folder);
        for (int i = 0; i < count; i++) {
            BufferedImage image = new BufferedImage(89, 109, BufferedImage.TYPE_INT_RGB);
            var g = image.createGraphics();
            g.setColor(new Color(20 * i, 120, 255 - 20 * i));
            g.fillOval(10, 20, 60, 70);
            g.dispose();
            ImageIO.write(image, "jpg", folder.resolve("face" + i + ".jpg").toFile());
        }
        return folder;
    }
}
