package com.escalationanalyst.analysis.patterns;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Bars 28 px apart from y = 40, starting at x = 170, the longest (most escalations) 410 px long. */
class RootCauseBarsTest {

    @Test
    void barLengthsFollowTheCountsAndTheKnownIssueShareIsDarker() throws Exception {
        String result = """
                {"rows": [
                  {"rootCause": "product_bug", "count": 40, "knownIssues": [{"id": "KI-1", "tickets": 20},
                                                                         {"id": "KI-2", "tickets": 10}]},
                  {"rootCause": "training_gap", "count": 20, "knownIssues": []}]}""";
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(RootCauseBars.png(new ObjectMapper().readTree(result))));
        assertThat(image.getHeight()).isEqualTo(40 + 2 * 28 + 16);
        // product bug: 40 of 40 → 410 px; 30 of them with a known issue → the first 308 px dark (row 1 at y = 54)
        assertThat(image.getRGB(170 + 300, 54) & 0xFFFFFF).isEqualTo(0x1F4E79);
        assertThat(image.getRGB(170 + 350, 54) & 0xFFFFFF).isEqualTo(0x8FB8DE);
        // training gap: 20 of 40 → 205 px, none dark (row 2 at y = 82); past its end white
        assertThat(image.getRGB(170 + 10, 82) & 0xFFFFFF).isEqualTo(0x8FB8DE);
        assertThat(image.getRGB(170 + 200, 82) & 0xFFFFFF).isEqualTo(0x8FB8DE);
        assertThat(image.getRGB(170 + 208, 82) & 0xFFFFFF).isEqualTo(0xFFFFFF);
    }
}
