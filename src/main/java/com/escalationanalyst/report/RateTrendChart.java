package com.escalationanalyst.report;

import com.escalationanalyst.process.PngImages;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.CategoryLineAnnotation;
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

    static final String FORECAST = "Forecast (95% interval)";
    static final Color FORECAST_COLOR = new Color(0xD9, 0x7B, 0x29);
    static final Color RATE_COLOR = new Color(0x1F, 0x6F, 0xB2);

    /** One month of the chart; null values leave a gap. */
    public record MonthRate(String month, Double rate, Double movingAverage3) {
    }

    /** Next month's forecast rate and its interval, drawn after the last month. */
    public record Forecast(String month, double rate, double low, double high) {
    }

    public static byte[] png(List<MonthRate> months) {
        return png(months, null);
    }

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private RateTrendChart() {
    }

    /** The chart, with the forecast (a dashed line from the last rate and a vertical interval) when there is one. */
    public static byte[] png(List<MonthRate> months, Forecast forecast) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (MonthRate month : months) {
            data.addValue(month.rate(), RATE, month.month());
            data.addValue(month.movingAverage3(), MOVING_AVERAGE, month.month());
        }
        if (forecast != null) {
            data.addValue(null, RATE, forecast.month());
            data.addValue(null, MOVING_AVERAGE, forecast.month());
            for (MonthRate month : months) {
                data.addValue(month == months.get(months.size() - 1) ? month.rate() : null, FORECAST, month.month());
            }
            data.addValue(forecast.rate(), FORECAST, forecast.month());
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
        renderer.setSeriesPaint(0, RATE_COLOR);
        renderer.setSeriesStroke(0, new BasicStroke(2.5f));
        renderer.setSeriesShapesVisible(0, true);
        renderer.setSeriesPaint(1, new Color(0x9A, 0xA5, 0xB1));
        renderer.setSeriesStroke(1, new BasicStroke(1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f,
                new float[] {5f, 4f}, 0f));
        if (forecast != null) {
            renderer.setSeriesPaint(2, FORECAST_COLOR);
            renderer.setSeriesStroke(2, new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f,
                    new float[] {3f, 3f}, 0f));
            renderer.setSeriesShapesVisible(2, true);
            plot.addAnnotation(new CategoryLineAnnotation(forecast.month(), forecast.low(), forecast.month(),
                    forecast.high(), FORECAST_COLOR, new BasicStroke(2f)));
        }
        BufferedImage image = chart.createBufferedImage(WIDTH, HEIGHT);
        return PngImages.encode(image);
    }
}
