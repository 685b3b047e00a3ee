package com.escalationanalyst.analysis.segments;

import com.escalationanalyst.process.PngImages;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Locale;

/**
 * The segment comparison as a forest plot (PNG): one row per group, its rate as a dot and its Wilson 95 %
 * interval as a line, against a dashed vertical line at the overall rate; groups significantly above it in red.
 * The scale runs from 0 to the largest interval end (or rate) plus a tenth.
 */
public final class ForestPlot {

    static final int WIDTH = 640;
    static final int ROW = 26;
    static final int TOP = 34;
    static final int BOTTOM = 34;
    static final int LEFT = 190;
    static final int RIGHT = 30;
    static final Color RATE = new Color(0x1F, 0x6F, 0xB2);
    static final Color ABOVE = new Color(0xC0, 0x39, 0x2B);
    static final Color OVERALL = new Color(0x61, 0x6E, 0x7C);

    private ForestPlot() {
    }

    /** {@code result}: the comparison's answer (rows with escalationRate, ci95Low, ci95High; overallRate). */
    public static byte[] png(JsonNode result) {
        JsonNode rows = result.get("rows");
        int height = TOP + BOTTOM + Math.max(1, rows.size()) * ROW;
        double max = result.path("overallRate").asDouble(0);
        for (JsonNode row : rows) {
            max = Math.max(max, Math.max(row.path("escalationRate").asDouble(0), row.path("ci95High").asDouble(0)));
        }
        max = max <= 0 ? 1 : max * 1.1;
        BufferedImage image = PngImages.canvas(WIDTH, height);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, height);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setColor(Color.DARK_GRAY);
        g.drawString("Escalation rate by " + result.path("dimension").asText("group") + " (%), with its 95 % interval",
                10, 18);
        int plotWidth = WIDTH - LEFT - RIGHT;
        int axisY = height - BOTTOM + 6;
        g.setColor(new Color(0xD9, 0xE2, 0xEC));
        for (int tick = 0; tick <= 4; tick++) {
            int x = LEFT + plotWidth * tick / 4;
            g.drawLine(x, TOP - 4, x, axisY);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format(Locale.ROOT, "%.1f", max * tick / 4), x - 10, axisY + 16);
            g.setColor(new Color(0xD9, 0xE2, 0xEC));
        }
        if (!result.path("overallRate").isNull()) {
            int overall = x(result.get("overallRate").asDouble(), max, plotWidth);
            g.setColor(OVERALL);
            g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {5f, 4f}, 0f));
            g.drawLine(overall, TOP - 4, overall, axisY);
        }
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            int y = TOP + i * ROW + ROW / 2;
            g.setColor(Color.DARK_GRAY);
            g.drawString(shorten(row.path("value").asText()), 10, y + 4);
            if (row.path("escalationRate").isNull()) {
                continue;
            }
            Color color = row.path("significantlyAbove").asBoolean() ? ABOVE : RATE;
            g.setColor(color);
            g.setStroke(new BasicStroke(2f));
            if (!row.path("ci95Low").isNull()) {
                g.drawLine(x(row.get("ci95Low").asDouble(), max, plotWidth), y,
                        x(row.get("ci95High").asDouble(), max, plotWidth), y);
            }
            int x = x(row.get("escalationRate").asDouble(), max, plotWidth);
            g.fillOval(x - 5, y - 5, 11, 11);
        }
        g.dispose();
        return PngImages.encode(image);
    }

    static int x(double rate, double max, int plotWidth) {
        return LEFT + (int) Math.round(rate / max * plotWidth);
    }

    private static String shorten(String label) {
        return label.length() <= 26 ? label : label.substring(0, 25) + "…";
    }

}
