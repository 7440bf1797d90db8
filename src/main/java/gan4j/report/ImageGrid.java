package gan4j.report;

import gan4j.config.OutputConfig;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Tiles a batch of images in [-1, 1] into one PNG, row by row, with a thin border between them,
 * enlarged by nearest neighbour so that small images stay visible (each pixel a square block).
 */
public final class ImageGrid {

    private static final int PAD = 2;

    private ImageGrid() {
    }

    /**
     * Writes {@code images} [N, 1 or 3, H, W] as a grid of {@code columns} images per row, enlarged
     * {@code scale} times, or (empty) by the smallest factor that makes it at least
     * {@link OutputConfig#MIN_GRID_WIDTH} pixels wide.
     */
    public static void write(INDArray images, int columns, OptionalInt scale, Path file) {
        BufferedImage grid = render(images, columns);
        int factor = scale.orElse(Math.max(1, -Math.floorDiv(-OutputConfig.MIN_GRID_WIDTH, grid.getWidth())));
        PngFiles.write(factor == 1 ? grid : enlarged(grid, factor), file);
    }

    static BufferedImage enlarged(BufferedImage grid, int factor) {
        BufferedImage big = new BufferedImage(grid.getWidth() * factor, grid.getHeight() * factor,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = big.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g.drawImage(grid, 0, 0, big.getWidth(), big.getHeight(), null);
        } finally {
            g.dispose();
        }
        return big;
    }

    static BufferedImage render(INDArray images, int columns) {
        long[] shape = images.shape();
        int n = (int) shape[0];
        int c = (int) shape[1];
        int h = (int) shape[2];
        int w = (int) shape[3];
        if (c != 1 && c != 3) {
            throw new IllegalArgumentException("images need 1 or 3 channels, got " + c);
        }
        int rows = (n + columns - 1) / columns;
        BufferedImage grid = new BufferedImage(PAD + columns * (w + PAD), PAD + rows * (h + PAD),
                BufferedImage.TYPE_INT_RGB);
        float[] pixels = images.castTo(DataType.FLOAT).dup('c').data().asFloat();
        int plane = h * w;
        for (int i = 0; i < n; i++) {
            int x0 = PAD + (i % columns) * (w + PAD);
            int y0 = PAD + (i / columns) * (h + PAD);
            int base = i * c * plane;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int p = y * w + x;
                    int r = toByte(pixels[base + p]);
                    int g = c == 3 ? toByte(pixels[base + plane + p]) : r;
                    int b = c == 3 ? toByte(pixels[base + 2 * plane + p]) : r;
                    grid.setRGB(x0 + x, y0 + y, (r << 16) | (g << 8) | b);
                }
            }
        }
        return grid;
    }

    private static int toByte(float value) {
        long v = Math.round((value + 1.0) * 127.5);
        return (int) Math.max(0, Math.min(255, v));
    }
}
