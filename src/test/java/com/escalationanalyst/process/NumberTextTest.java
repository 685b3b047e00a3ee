package com.escalationanalyst.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NumberTextTest {

    @Test
    void estimatesKeepThreeSignificantFiguresFromAThousand() {
        assertThat(NumberText.about(11_234.56)).isEqualTo("11,200");
        assertThat(NumberText.about(11_250)).isEqualTo("11,300");
        assertThat(NumberText.about(987.4)).isEqualTo("987");
        assertThat(NumberText.about(999.6)).isEqualTo("1,000");
        assertThat(NumberText.about(1_234_567)).isEqualTo("1,230,000");
        assertThat(NumberText.about(108)).isEqualTo("108");
        assertThat(NumberText.about(0.4)).isEqualTo("0");
    }

    @Test
    void pValuesHaveFourDecimalsOrABound() {
        assertThat(NumberText.pValue(0.012939)).isEqualTo("0.0129");
        assertThat(NumberText.pValue(0.00009)).isEqualTo("< 0.0001");
        assertThat(NumberText.pValue(1.0)).isEqualTo("1.0000");
    }
}
