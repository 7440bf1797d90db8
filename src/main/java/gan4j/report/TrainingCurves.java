package gan4j.report;

import gan4j.event.MetricsLog;
import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Plots a run's metrics log: the two losses on top, D's readouts on real and fake data below,
 * smoothed with a trailing moving average so trends show through step-to-step noise.
 */
public final class TrainingCurves {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 640;

    private TrainingCurves() {
    }

    public static void write(Path metricsCsv, Path png, String title) {
        List<double[]> rows = MetricsLog.read(metricsCsv);
        int window = Math.max(1, rows.size() / 100);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(new NumberAxis("generator step"));
        plot.add(subplot("loss", rows, window, new int[] {1, 2}, new String[] {"D loss", "G loss"},
                new Color(0x1f77b4), new Color(0xd62728)), 3);
        plot.add(subplot("D readout", rows, window, new int[] {4, 5}, new String[] {"D(x)", "D(G(z))"},
                new Color(0x2ca02c), new Color(0xff7f0e)), 2);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        PngFiles.write(chart.createBufferedImage(WIDTH, HEIGHT), png);
    }

    private static XYPlot subplot(String axis, List<double[]> rows, int window, int[] columns, String[] names,
                                  Color first, Color second) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (int c = 0; c < columns.length; c++) {
            XYSeries series = new XYSeries(names[c], false, true);
            double sum = 0;
            for (int i = 0; i < rows.size(); i++) {
                sum += rows.get(i)[columns[c]];
                if (i >= window) {
                    sum -= rows.get(i - window)[columns[c]];
                }
                series.add(rows.get(i)[0], sum / Math.min(i + 1, window));
            }
            data.addSeries(series);
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setSeriesPaint(0, first);
        renderer.setSeriesPaint(1, second);
        renderer.setDefaultStroke(new BasicStroke(1.5f));
        renderer.setAutoPopulateSeriesStroke(false);
        NumberAxis range = new NumberAxis(axis);
        range.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, null, range, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return plot;
    }
}
