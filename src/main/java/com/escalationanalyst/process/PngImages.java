package com.escalationanalyst.process;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** The charts' PNG bytes, drawn without a display (the report's trend, the patterns bars, the forest plot). */
public final class PngImages {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private PngImages() {
    }

    /** A blank RGB canvas; taking it from here sets headless mode before AWT starts. */
    public static BufferedImage canvas(int width, int height) {
        return new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    }

    public static byte[] encode(BufferedImage image) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot encode the chart", e);
        }
    }
}
