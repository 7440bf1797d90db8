package gan4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gan4j.data.ImageFolderDataset;
import gan4j.data.PackedDataset;
import gan4j.data.TestImages;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DataPackCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void packsAnImageFolderEndToEnd() throws IOException {
        Path images = dir.resolve("faces");
        TestImages.writeNoise(images.resolve("x/1.jpg"), 17, 21, 1);
        TestImages.writeNoise(images.resolve("x/2.png"), 21, 17, 2);
        TestImages.writeNoise(images.resolve("y/3.png"), 8, 8, 3);
        Files.writeString(images.resolve("y/broken.jpg"), "not a JPEG");
        Path packed = dir.resolve("out/faces.gan4j");

        int exit = run("data", "pack", "--input", images.toString(), "--size", "16", "--out", packed.toString(),
                "--threads", "2");

        assertEquals(ExitCodes.OK, exit, err.toString());
        String printed = out.toString();
        assertTrue(printed.contains("wrote " + packed + ": 3 images 16x16 RGB, 2 class(es)"), printed);
        assertTrue(printed.contains("manifest " + packed + ".manifest.yaml"), printed);
        assertTrue(printed.contains("skipped 1 unreadable file(s):\n  " + images.resolve("y/broken.jpg")), printed);
        assertTrue(Files.isRegularFile(dir.resolve("out/faces.gan4j.manifest.yaml")));
        try (PackedDataset data = PackedDataset.open(packed, PackedDataset.ALL)) {
            assertEquals(3, data.size());
            assertEquals(3, data.channels());
            assertEquals(16, data.height());
            assertEquals(List.of("x", "y"), data.classNames());
            assertEquals(ImageFolderDataset.open(images, 16, 3).label(2), data.label(2));
        }
    }

    @Test
    void packsAnIdxFolderGrey() throws IOException {
        Path idx = dir.resolve("idx");
        TestImages.writeIdxPair(idx, 4, 4, new byte[] {1, 2, 3}, 5);
        Path packed = dir.resolve("idx.gan4j");

        assertEquals(ExitCodes.OK, run("data", "pack", "--input", idx.toString(), "--out", packed.toString()),
                err.toString());
        try (PackedDataset data = PackedDataset.open(packed, PackedDataset.ALL)) {
            assertEquals(3, data.size());
            assertEquals(1, data.channels());
        }
    }

    @Test
    void wrongFlagsAreUsageErrorsAndBadDataIsAFailure() throws IOException {
        Path images = dir.resolve("images");
        TestImages.writeNoise(images.resolve("a.png"), 8, 8, 1);
        Path packed = dir.resolve("p.gan4j");

        assertEquals(ExitCodes.USAGE, run("data", "pack", "--input", images.toString(), "--out", packed.toString()));
        assertEquals("error: --size is needed to pack the image folder " + images + ", e.g. --size 64.",
                err.toString().strip());

        assertEquals(ExitCodes.USAGE, run("data", "pack", "--input", images.toString(), "--size", "8",
                "--channels", "2", "--out", packed.toString()));
        assertTrue(err.toString().contains("--channels must be 1 (grey) or 3 (RGB), got 2."), err.toString());

        // A thread per number would be a million threads, and a billion a negative int.
        for (String threads : List.of("1000000", "2147483648", "0")) {
            int code = run("data", "pack", "--input", images.toString(), "--size", "8", "--threads", threads,
                    "--out", packed.toString());
            assertEquals(ExitCodes.USAGE, code, threads);
            assertEquals(1, err.toString().strip().lines().count(), err.toString());
        }
        assertTrue(err.toString().contains("--threads must be between 1 and 64, got 0."), err.toString());
        assertFalse(Files.exists(packed));

        Path missing = dir.resolve("missing");
        assertEquals(ExitCodes.FAILED, run("data", "pack", "--input", missing.toString(), "--size", "8",
                "--out", packed.toString()));
        assertTrue(err.toString().contains("error: Image folder " + missing + " does not exist"), err.toString());
        assertFalse(Files.exists(packed));
    }

    @Test
    void dataWithoutASubcommandShowsItsUsage() {
        assertEquals(ExitCodes.OK, run("data"));
        assertTrue(out.toString().contains("pack"), out.toString());
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine gan = GanCommand.commandLine();
        gan.setOut(new PrintWriter(out, true));
        gan.setErr(new PrintWriter(err, true));
        return gan.execute(args);
    }
}
