package gan4j.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gan4j.data.ToyMixture;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PointCloudPlotTest {

    private static final ToyMixture GRID = ToyMixture.GRID;
    private static final PlotBounds BOUNDS = PlotBounds.around(GRID);
    private static final double[][] REAL = GRID.sample(2_500, 1L);
    // A collapsed generator: everything lands near the two corner modes (4, 4) and (−4, −4).
    private static final double[][] GENERATED = collapsedOnCorners(1_000);

    @TempDir
    Path directory;

    @Test
    void writesAValidPngOfTheRequestedSize() throws IOException {
        Path png = directory.resolve("plots/step-100.png");
        new PointCloudPlot(512, 400, 100).write(png, "grid — step 100", BOUNDS, REAL, GENERATED, negativeDistanceToNearestMode());

        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, "ImageIO could not decode the file as an image");
        assertEquals(512, image.getWidth());
        assertEquals(400, image.getHeight());
        try (Stream<Path> files = Files.list(png.getParent())) {
            assertEquals(List.of(png), files.toList(), "no partial file may be left beside the plot");
        }
    }

    @Test
    void heatMapShowsHighScoresGreenerThanLowScores() throws IOException {
        PointCloudPlot plot = PointCloudPlot.standard();
        Path png = directory.resolve("plot.png");
        plot.write(png, "grid", BOUNDS, REAL, GENERATED, negativeDistanceToNearestMode());
        BufferedImage image = ImageIO.read(png.toFile());

        JFreeChart chart = plot.chart("grid", BOUNDS, REAL, GENERATED, negativeDistanceToNearestMode());
        // Near mode (0, 0) but clear of its dots: score −0.4. Corner (5.9, −5.9): about −2.7, near the lowest.
        Color high = pixelAt(image, chart, plot, 0.4, 0.0);
        Color low = pixelAt(image, chart, plot, 5.9, -5.9);

        assertNotEquals(high, low);
        assertTrue(high.getGreen() - high.getRed() > 20, "high-score region should be green, was " + high);
        assertTrue(low.getRed() - low.getGreen() > 10 && low.getBlue() - low.getGreen() > 10,
                "low-score region should be purple, was " + low);
    }

    @Test
    void scorerIsCalledOnceWithEveryCellCentreInsideTheBounds() throws IOException {
        List<double[][]> calls = new ArrayList<>();
        Function<double[][], double[]> recording = locations -> {
            calls.add(locations);
            return new double[locations.length];
        };
        new PointCloudPlot(200, 200, 30).write(directory.resolve("p.png"), "flat", BOUNDS, REAL, GENERATED, recording);

        assertEquals(1, calls.size());
        double[][] locations = calls.get(0);
        assertEquals(900, locations.length);
        assertArrayEquals(new double[] {-5.8, -5.8}, locations[0], 1e-12);
        assertArrayEquals(new double[] {5.8, 5.8}, locations[899], 1e-12);
    }

    @Test
    void replacesAnExistingPlot() throws IOException {
        Path png = directory.resolve("plot.png");
        Files.writeString(png, "not a png");
        PointCloudPlot.standard().write(png, "ring", PlotBounds.around(ToyMixture.RING),
                ToyMixture.RING.sample(100, 1L), ToyMixture.RING.sample(100, 2L), negativeDistanceToNearestMode());
        assertNotNull(ImageIO.read(png.toFile()));
    }

    @Test
    void rejectsAScorerReturningTheWrongNumberOfScores() {
        Path png = directory.resolve("plot.png");
        assertThrows(IllegalArgumentException.class, () -> PointCloudPlot.standard()
                .write(png, "bad", BOUNDS, REAL, GENERATED, locations -> new double[3]));
        assertTrue(Files.notExists(png));
    }

    @Test
    void boundsLeaveHalfAgainAroundTheMeans() {
        assertEquals(new PlotBounds(-1.5, 1.5, -1.5, 1.5), PlotBounds.around(ToyMixture.RING));
        assertEquals(new PlotBounds(-6, 6, -6, 6), PlotBounds.around(ToyMixture.GRID));
        assertThrows(IllegalArgumentException.class, () -> new PlotBounds(1, 1, 0, 1));
    }

    /** The synthetic discriminator: higher the closer a location is to a grid mode. */
    private static Function<double[][], double[]> negativeDistanceToNearestMode() {
        double[][] means = GRID.means();
        return locations -> {
            double[] scores = new double[locations.length];
            for (int i = 0; i < locations.length; i++) {
                double nearest = Double.POSITIVE_INFINITY;
                for (double[] mean : means) {
                    nearest = Math.min(nearest, Math.hypot(locations[i][0] - mean[0], locations[i][1] - mean[1]));
                }
                scores[i] = -nearest;
            }
            return scores;
        };
    }

    /** The image pixel where data point (x, y) lands, found by laying the same chart out again. */
    private static Color pixelAt(BufferedImage image, JFreeChart chart, PointCloudPlot plot, double x, double y) {
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage layout = new BufferedImage(plot.widthPx(), plot.heightPx(), BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = layout.createGraphics();
        chart.draw(graphics, new Rectangle2D.Double(0, 0, plot.widthPx(), plot.heightPx()), info);
        graphics.dispose();
        Rectangle2D area = info.getPlotInfo().getDataArea();
        XYPlot xy = chart.getXYPlot();
        int px = (int) Math.round(xy.getDomainAxis().valueToJava2D(x, area, xy.getDomainAxisEdge()));
        int py = (int) Math.round(xy.getRangeAxis().valueToJava2D(y, area, xy.getRangeAxisEdge()));
        return new Color(image.getRGB(px, py));
    }

    private static double[][] collapsedOnCorners(int n) {
        SplittableRandom random = new SplittableRandom(9L);
        double[][] points = new double[n][];
        for (int i = 0; i < n; i++) {
            double corner = i % 2 == 0 ? 4 : -4;
            points[i] = new double[] {corner + 0.2 * random.nextGaussian(), corner + 0.2 * random.nextGaussian()};
        }
        return points;
    }
}
