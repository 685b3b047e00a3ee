package com.escalationanalyst.analysis.patterns;

import com.escalationanalyst.process.PngImages;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * The patterns analysis as a bar chart (PNG): one bar per root cause, its length the escalations, the part
 * whose notes match a known issue darker; the count at the end of each bar.
 */
public final class RootCauseBars {

    static final int WIDTH = 640;
    static final int ROW = 28;
    static final int TOP = 40;
    static final int BOTTOM = 16;
    static final int LEFT = 170;
    static final int RIGHT = 60;
    static final Color KNOWN_ISSUE = new Color(0x1F, 0x4E, 0x79);
    static final Color OTHER = new Color(0x8F, 0xB8, 0xDE);

    private RootCauseBars() {
    }

    /** {@code result}: the patterns answer (rows with rootCause, count and knownIssues[].tickets). */
    public static byte[] png(JsonNode result) {
        JsonNode rows = result.get("rows");
        int height = TOP + BOTTOM + Math.max(1, rows.size()) * ROW;
        long max = 1;
        for (JsonNode row : rows) {
            max = Math.max(max, row.get("count").asLong());
        }
        BufferedImage image = PngImages.canvas(WIDTH, height);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, height);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setColor(Color.DARK_GRAY);
        g.drawString("Escalations by root cause", 10, 16);
        g.setColor(KNOWN_ISSUE);
        g.fillRect(200, 7, 10, 10);
        g.setColor(Color.DARK_GRAY);
        g.drawString("matching a known issue", 214, 16);
        g.setColor(OTHER);
        g.fillRect(370, 7, 10, 10);
        g.setColor(Color.DARK_GRAY);
        g.drawString("other", 384, 16);
        int plotWidth = WIDTH - LEFT - RIGHT;
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            long count = row.get("count").asLong();
            long known = knownIssueTickets(row);
            int y = TOP + i * ROW;
            g.setColor(Color.DARK_GRAY);
            g.drawString(row.get("rootCause").asText().replace('_', ' '), 10, y + ROW / 2 + 4);
            int length = length(count, max, plotWidth);
            int knownLength = length(Math.min(known, count), max, plotWidth);
            g.setColor(OTHER);
            g.fillRect(LEFT, y + 4, length, ROW - 8);
            g.setColor(KNOWN_ISSUE);
            g.fillRect(LEFT, y + 4, knownLength, ROW - 8);
            g.setColor(Color.DARK_GRAY);
            g.drawString(Long.toString(count), LEFT + length + 6, y + ROW / 2 + 4);
        }
        g.dispose();
        return PngImages.encode(image);
    }

    static long knownIssueTickets(JsonNode row) {
        long tickets = 0;
        for (JsonNode issue : row.path("knownIssues")) {
            tickets += issue.path("tickets").asLong();
        }
        return tickets;
    }

    static int length(long value, long max, int plotWidth) {
        return (int) Math.round((double) value / max * plotWidth);
    }
}
