package gan4j.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnit;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYDataset;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * A PNG of a toy run as GAN Lab shows it: real and generated 2-D points over a heat map of the
 * discriminator's score, so one picture shows both mode collapse and where D pushes the generator.
 *
 * <p>Rendering needs no display; run the JVM with {@code -Djava.awt.headless=true} on servers.
 *
 * @param widthPx        image width in pixels
 * @param heightPx       image height in pixels
 * @param gridResolution heat-map cells per axis; the score function sees gridResolution² locations
 */
public record PointCloudPlot(int widthPx, int heightPx, int gridResolution) {

    private static final Color REAL = new Color(0x1b, 0x78, 0x37);
    // Slightly translucent so a dense generated cloud still shows where it is densest.
    private static final Color GENERATED = new Color(0x76, 0x2a, 0x83, 0xb0);
    private static final double DOT_DIAMETER = 3.5;
    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    public PointCloudPlot {
        if (widthPx < 64 || heightPx < 64) {
            throw new IllegalArgumentException("a point-cloud plot needs at least 64×64 pixels, got " + widthPx + "×" + heightPx);
        }
        if (gridResolution < 2) {
            throw new IllegalArgumentException("the score heat map needs at least 2 cells per axis, got " + gridResolution);
        }
    }

    /** 512×512 pixels with a 100×100 score grid. */
    public static PointCloudPlot standard() {
        return new PointCloudPlot(512, 512, 100);
    }

    /**
     * Writes the plot to {@code target} (created or replaced as a whole: rendered to a temporary file
     * beside it, then renamed).
     *
     * @param real      real points as {x, y} rows
     * @param generated generated points as {x, y} rows
     * @param scorer    the discriminator's raw score at each of a batch of {x, y} locations; called
     *                  once, with every heat-map cell centre, and must return one score per location
     */
    public void write(Path target, String title, PlotBounds bounds, double[][] real, double[][] generated,
            Function<double[][], double[]> scorer) {
        PngFiles.write(chart(title, bounds, real, generated, scorer).createBufferedImage(widthPx, heightPx), target);
    }

    /** The chart {@link #write} renders; package-private so tests can find where data lands in pixels. */
    JFreeChart chart(String title, PlotBounds bounds, double[][] real, double[][] generated,
            Function<double[][], double[]> scorer) {
        Objects.requireNonNull(bounds, "bounds");
        double[][] locations = cellCentres(bounds);
        double[] scores = scorer.apply(locations);
        if (scores == null || scores.length != locations.length) {
            throw new IllegalArgumentException("the scorer must return one score per location: asked for "
                    + locations.length + ", got " + (scores == null ? "null" : scores.length));
        }
        ScoreColourScale colours = ScoreColourScale.spanning(scores);

        XYPlot plot = new XYPlot();
        plot.setDomainAxis(axis("x", bounds.xMin(), bounds.xMax()));
        plot.setRangeAxis(axis("y", bounds.yMin(), bounds.yMax()));
        plot.setDataset(0, heatMap(locations, scores));
        plot.setRenderer(0, heatMapRenderer(bounds, colours));
        plot.setDataset(1, points(real, generated));
        plot.setRenderer(1, pointRenderer());
        // Heat map underneath, then generated points, then real points on top: the real clusters
        // are small, and must stay visible as targets inside a generated cloud.
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.REVERSE);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setOutlinePaint(Color.DARK_GRAY);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);

        JFreeChart chart = new JFreeChart(title, TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        LegendTitle legend = chart.getLegend();
        legend.setItemFont(LABEL_FONT);
        legend.setFrame(BlockBorder.NONE);
        chart.addSubtitle(colourBar(colours));
        equalUnitsOnBothAxes(chart, bounds);
        return chart;
    }

    /**
     * Pads the plot so one unit spans as many pixels on x as on y; otherwise the ring is drawn as an
     * ellipse. The data area is only known after layout, so this lays the chart out once to measure.
     */
    private void equalUnitsOnBothAxes(JFreeChart chart, PlotBounds bounds) {
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage scratch = new BufferedImage(widthPx, heightPx, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = scratch.createGraphics();
        try {
            chart.draw(graphics, new Rectangle2D.Double(0, 0, widthPx, heightPx), info);
        } finally {
            graphics.dispose();
        }
        Rectangle2D area = info.getPlotInfo().getDataArea();
        double unitsRatio = (bounds.xMax() - bounds.xMin()) / (bounds.yMax() - bounds.yMin());
        double padX = Math.max(0, (area.getWidth() - area.getHeight() * unitsRatio) / 2);
        double padY = Math.max(0, (area.getHeight() - area.getWidth() / unitsRatio) / 2);
        RectangleInsets insets = chart.getXYPlot().getInsets();
        chart.getXYPlot().setInsets(new RectangleInsets(insets.getTop() + padY, insets.getLeft() + padX,
                insets.getBottom() + padY, insets.getRight() + padX));
    }

    private double[][] cellCentres(PlotBounds bounds) {
        double cellWidth = (bounds.xMax() - bounds.xMin()) / gridResolution;
        double cellHeight = (bounds.yMax() - bounds.yMin()) / gridResolution;
        double[][] centres = new double[gridResolution * gridResolution][];
        for (int row = 0; row < gridResolution; row++) {
            for (int column = 0; column < gridResolution; column++) {
                centres[row * gridResolution + column] = new double[] {
                    bounds.xMin() + (column + 0.5) * cellWidth, bounds.yMin() + (row + 0.5) * cellHeight
                };
            }
        }
        return centres;
    }

    private static DefaultXYZDataset heatMap(double[][] locations, double[] scores) {
        double[][] xyz = new double[3][locations.length];
        for (int i = 0; i < locations.length; i++) {
            xyz[0][i] = locations[i][0];
            xyz[1][i] = locations[i][1];
            xyz[2][i] = scores[i];
        }
        DefaultXYZDataset dataset = new DefaultXYZDataset();
        dataset.addSeries("D score", xyz);
        return dataset;
    }

    private XYBlockRenderer heatMapRenderer(PlotBounds bounds, ScoreColourScale colours) {
        XYBlockRenderer renderer = new XYBlockRenderer();
        // A sliver of overlap hides the hairline seams antialiasing leaves between adjacent blocks.
        renderer.setBlockWidth(1.02 * (bounds.xMax() - bounds.xMin()) / gridResolution);
        renderer.setBlockHeight(1.02 * (bounds.yMax() - bounds.yMin()) / gridResolution);
        renderer.setBlockAnchor(RectangleAnchor.CENTER);
        renderer.setPaintScale(colours);
        renderer.setSeriesVisibleInLegend(0, false);
        return renderer;
    }

    private static DefaultXYDataset points(double[][] real, double[][] generated) {
        DefaultXYDataset dataset = new DefaultXYDataset();
        dataset.addSeries("real", columns(real));
        dataset.addSeries("generated", columns(generated));
        return dataset;
    }

    private static double[][] columns(double[][] points) {
        double[][] columns = new double[2][points.length];
        for (int i = 0; i < points.length; i++) {
            columns[0][i] = points[i][0];
            columns[1][i] = points[i][1];
        }
        return columns;
    }

    private static XYLineAndShapeRenderer pointRenderer() {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        Ellipse2D dot = new Ellipse2D.Double(-DOT_DIAMETER / 2, -DOT_DIAMETER / 2, DOT_DIAMETER, DOT_DIAMETER);
        renderer.setSeriesShape(0, dot);
        renderer.setSeriesShape(1, dot);
        renderer.setSeriesPaint(0, REAL);
        renderer.setSeriesPaint(1, GENERATED);
        renderer.setDefaultLegendShape(new Ellipse2D.Double(-4, -4, 8, 8));
        return renderer;
    }

    private static NumberAxis axis(String label, double min, double max) {
        NumberAxis axis = new NumberAxis(label);
        axis.setRange(min, max);
        // About eight ticks at a round step: 0.5 for the ring, 2 (the lattice spacing) for the grid.
        axis.setTickUnit(niceTickUnit((max - min) / 8));
        axis.setLabelFont(LABEL_FONT);
        axis.setTickLabelFont(LABEL_FONT);
        return axis;
    }

    private static NumberTickUnit niceTickUnit(double atLeast) {
        TickUnit unit = NumberAxis.createStandardTickUnits().getCeilingTickUnit(atLeast);
        return (NumberTickUnit) unit;
    }

    private static PaintScaleLegend colourBar(ScoreColourScale colours) {
        NumberAxis scoreAxis = new NumberAxis("D score");
        scoreAxis.setRange(colours.getLowerBound(), colours.getUpperBound());
        // Auto tick selection crowds a ~400-pixel bar with twenty labels; about six read better.
        scoreAxis.setTickUnit(niceTickUnit((colours.getUpperBound() - colours.getLowerBound()) / 6));
        scoreAxis.setLabelFont(LABEL_FONT);
        scoreAxis.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        PaintScaleLegend bar = new PaintScaleLegend(colours, scoreAxis);
        bar.setPosition(RectangleEdge.RIGHT);
        bar.setStripWidth(12);
        bar.setStripOutlineVisible(true);
        bar.setStripOutlinePaint(Color.DARK_GRAY);
        bar.setStripOutlineStroke(new BasicStroke(0.5f));
        bar.setSubdivisionCount(128);
        bar.setMargin(new RectangleInsets(8, 4, 8, 4));
        bar.setBackgroundPaint(Color.WHITE);
        return bar;
    }
}
