package gan4j.nn.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import gan4j.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.tensorflow.framework.GraphDef;
import org.tensorflow.framework.NodeDef;

/** Features of an imported frozen graph match PyTorch's for the same seeded network and batches. */
class FrozenGraphFeaturesTest {

    /** Debian's python3-torch installs here; a pyenv or virtualenv python3 on PATH usually lacks torch. */
    private static final String[] PYTHONS = {"/usr/bin/python3", "python3"};

    @TempDir
    Path dir;

    @Test
    void featuresMatchPytorchToOneInTenThousand() throws Exception {
        assumeTrue(reference(dir), "no python3 with PyTorch (Debian: apt-get install python3-torch), so there is"
                + " no reference to compare the imported graph with");
        Path graph = dir.resolve("net.pb");
        TinyFrozenGraph.write(graph, name -> TinyFrozenGraph.floats(dir.resolve(name + ".bin")));
        FrozenGraphFeatures features = FrozenGraphFeatures.load(graph, null, null, PixelRange.MINUS_ONE_ONE);

        assertMatches(features, "colour", 5, 3, 28);
        assertMatches(features, "grey", 4, 1, 24);
        assertTrue(features.describe().contains("input 'images' 28x28x3, output 'features'"), features.describe());
        assertFalse(Files.exists(Path.of("ops-imported-old.txt")), "the importer's debugging lists are removed");
    }

    @Test
    void theRangeOptionMapsMinusOneOneOntoTheNetworksRange() throws IOException {
        Path graph = dir.resolve("net.pb");
        TinyFrozenGraph.write(graph, TinyFrozenGraphFixtures::seeded);
        INDArray images = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 3, 3, 28, 28).muli(2).subi(1);
        INDArray as255 = FrozenGraphFeatures.load(graph, null, null, PixelRange.ZERO_255).features(images);
        INDArray asMinusOne = FrozenGraphFeatures.load(graph, null, null, PixelRange.MINUS_ONE_ONE)
                .features(images.add(1).muli(127.5));
        assertEquals(0, as255.sub(asMinusOne).amaxNumber().doubleValue(), 1e-3);
    }

    @Test
    void aFileThatIsNotAGraphIsOneSentenceNamingIt() throws IOException {
        Path text = Files.writeString(dir.resolve("inception.pb"), "this is a README, not a network\n");
        ConfigException e = assertThrows(ConfigException.class,
                () -> FrozenGraphFeatures.load(text, null, null, PixelRange.MINUS_ONE_ONE));
        assertTrue(e.getMessage().startsWith("--features " + text + " is not a TensorFlow frozen graph"),
                e.getMessage());
    }

    @Test
    void aFileLargerThanTheLimitIsRefusedUnread() throws IOException {
        Path huge = dir.resolve("huge.pb");
        try (var file = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(FrozenGraphFile.MAX_BYTES + 1);
        }
        ConfigException e = assertThrows(ConfigException.class,
                () -> FrozenGraphFeatures.load(huge, null, null, PixelRange.MINUS_ONE_ONE));
        assertTrue(e.getMessage().contains("more than the 512 MB"), e.getMessage());
    }

    @Test
    void anUnknownOutputNameListsWhatToUse() throws IOException {
        Path graph = dir.resolve("net.pb");
        TinyFrozenGraph.write(graph, TinyFrozenGraphFixtures::seeded);
        ConfigException e = assertThrows(ConfigException.class,
                () -> FrozenGraphFeatures.load(graph, null, "pool_3", PixelRange.MINUS_ONE_ONE));
        assertEquals("--features-output pool_3 is not a node of " + graph + "; its placeholders are [images].",
                e.getMessage());
    }

    @Test
    void aPlaceholderWithoutAFixedImageShapeIsRefusedWithWhatItNeeds() throws IOException {
        Path graph = dir.resolve("shapeless.pb");
        Files.write(graph, GraphDef.newBuilder()
                .addNode(NodeDef.newBuilder().setName("x").setOp("Placeholder"))
                .addNode(NodeDef.newBuilder().setName("y").setOp("Relu").addInput("x")).build().toByteArray());
        ConfigException e = assertThrows(ConfigException.class,
                () -> FrozenGraphFeatures.load(graph, null, null, PixelRange.MINUS_ONE_ONE));
        assertEquals("--features " + graph + ": input 'x' is Placeholder of shape [], but a feature network takes a"
                + " placeholder of images [batch, height, width, 1 or 3] (TensorFlow's NHWC) with height and width"
                + " fixed.", e.getMessage());
    }

    private void assertMatches(FrozenGraphFeatures features, String batch, int n, int channels, int side) {
        INDArray images = Nd4j.create(TinyFrozenGraph.floats(dir.resolve(batch + ".bin")),
                new long[] {n, channels, side, side}, 'c');
        INDArray expected = Nd4j.create(TinyFrozenGraph.floats(dir.resolve(batch + "_features.bin")),
                new long[] {n, TinyFrozenGraph.FEATURES}, 'c');
        INDArray actual = features.features(images);
        assertEquals(java.util.List.of((long) n, (long) TinyFrozenGraph.FEATURES),
                java.util.List.of(actual.size(0), actual.size(1)));
        double worst = actual.sub(expected).amaxNumber().doubleValue();
        assertTrue(worst <= 1e-4, batch + " batch: max |gan4j - pytorch| = " + worst);
    }

    private static boolean reference(Path dir) throws IOException, InterruptedException {
        Path script = dir.resolve("reference_net.py");
        try (InputStream in = FrozenGraphFeaturesTest.class.getResourceAsStream("reference_net.py")) {
            Files.copy(in, script);
        }
        for (String python : PYTHONS) {
            Process process;
            try {
                process = new ProcessBuilder(python, script.toString(), dir.toString()).redirectErrorStream(true)
                        .redirectOutput(dir.resolve("python.log").toFile()).start();
            } catch (IOException absent) {
                continue;
            }
            if (process.waitFor(5, TimeUnit.MINUTES) && process.exitValue() == 0) {
                return true;
            }
        }
        return false;
    }
}
