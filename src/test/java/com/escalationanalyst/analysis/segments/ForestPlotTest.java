package com.escalationanalyst.analysis.segments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Where the forest plot puts things, by its own definition: rows 26 px high from y = 34, the scale from x = 190
 * over 420 px running from 0 to the largest interval end plus a tenth.
 */
class ForestPlotTest {

    @Test
    void eachGroupsRateSitsOnItsRowAtItsValueAndTheOverallRateIsALine() throws Exception {
        String result = """
                {"dimension": "tier", "overallRate": 6.0, "rows": [
                  {"value": "Strategic", "escalationRate": 10.0, "ci95Low": 8.0, "ci95High": 12.0, "significantlyAbove": true},
                  {"value": "Premium", "escalationRate": 5.0, "ci95Low": 4.0, "ci95High": 6.0, "significantlyAbove": false},
                  {"value": "Standard", "escalationRate": 2.0, "ci95Low": 1.0, "ci95High": 3.5, "significantlyAbove": false}]}""";
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(ForestPlot.png(new ObjectMapper().readTree(result))));
        // 34 + 3 rows × 26 + 34
        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(146);
        // scale: 12 × 1.1 = 13.2 over 420 px; Strategic's rate 10 → 190 + 318 = 508 on row 1 (y = 34 + 13 = 47), red
        assertThat(image.getRGB(508, 47) & 0xFFFFFF).isEqualTo(0xC0392B);
        // Premium 5 → 190 + 159 = 349 on row 2 (y = 73), blue; its interval 4–6 → x 317–381: blue at 330 too
        assertThat(image.getRGB(349, 73) & 0xFFFFFF).isEqualTo(0x1F6FB2);
        assertThat(image.getRGB(330, 73) & 0xFFFFFF).isEqualTo(0x1F6FB2);
        // beyond Premium's interval, on its row: white
        assertThat(image.getRGB(420, 73) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        // the overall rate 6 → 190 + 191 = 381, a dashed grey line whose first dash runs from y = 30
        assertThat(image.getRGB(381, 31) & 0xFFFFFF).isEqualTo(0x616E7C);
    }
}
