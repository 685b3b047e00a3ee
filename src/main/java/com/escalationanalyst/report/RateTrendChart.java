package com.escalationanalyst.report;

import com.escalationanalyst.process.PngImages;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The report's chart: the monthly escalation rate and its 3-month moving average, as a PNG for an
 * inline (CID) image in the e-mail. Drawn headless.
 */
public final class RateTrendChart {

    public static final int WIDTH = 640;
    public static final int HEIGHT = 280;
    static final String RATE = "Escalation rate (%)";
    static final String MOVING_AVERAGE = "3-month moving average";

    /** One month of the chart; null values leave a gap. */
    public record MonthRate(String month, Double rate, Double movingAverage3) {
    }

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private RateTrendChart() {
    }

    public static byte[] png(List<MonthRate> months) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (MonthRate month : months) {
            data.addValue(month.rate(), RATE, month.month());
            data.addValue(month.movingAverage3(), MOVING_AVERAGE, month.month());
        }
        JFreeChart chart = ChartFactory.createLineChart(null, null, "%", data, PlotOrientation.VERTICAL,
                true, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xD9, 0xE2, 0xEC));
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
        plot.getDomainAxis().setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        LineAndShapeRenderer renderer = (LineAndShapeRenderer) plot.getRenderer();
        renderer.setSeriesPaint(0, new Color(0x1F, 0x6F, 0xB2));
        renderer.setSeriesStroke(0, new BasicStroke(2.5f));
        renderer.setSeriesShapesVisible(0, true);
        renderer.setSeriesPaint(1, new Color(0x9A, 0xA5, 0xB1));
        renderer.setSeriesStroke(1, new BasicStroke(1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f,
                new float[] {5f, 4f}, 0f));
        BufferedImage image = chart.createBufferedImage(WIDTH, HEIGHT);
        return PngImages.encode(image);
    }
}
