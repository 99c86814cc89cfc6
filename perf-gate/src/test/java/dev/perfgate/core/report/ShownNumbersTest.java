package dev.perfgate.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShownNumbersTest {

    @Test
    void precisionFollowsTheSize() {
        assertThat(ShownNumbers.format(0.000123456)).isEqualTo("0.0001235");
        assertThat(ShownNumbers.format(0.93)).isEqualTo("0.93");
        assertThat(ShownNumbers.format(30.6666)).isEqualTo("30.67");
        assertThat(ShownNumbers.format(3.0)).isEqualTo("3");
        assertThat(ShownNumbers.format(-2.5)).isEqualTo("-2.5");
        assertThat(ShownNumbers.format(1_234_567.8)).isEqualTo("1,234,568");
        assertThat(ShownNumbers.format(1e15)).isEqualTo("1,000,000,000,000,000");
        assertThat(ShownNumbers.format(84.2, "MiB")).isEqualTo("84.2 MiB");
    }

    @Test
    void noValueIsADash() {
        assertThat(ShownNumbers.format((Double) null)).isEqualTo(ShownNumbers.NONE);
        assertThat(ShownNumbers.format(Double.NaN)).isEqualTo(ShownNumbers.NONE);
        assertThat(ShownNumbers.format(null, "%")).isEqualTo(ShownNumbers.NONE);
    }

    @Test
    void changeInPercentOfTheBaseline() {
        assertThat(ShownNumbers.change(10.0, 12.5)).isEqualTo("+25.0 %");
        assertThat(ShownNumbers.change(-10.0, -5.0)).isEqualTo("+50.0 %");
        assertThat(ShownNumbers.change(4.0, 3.0)).isEqualTo("-25.0 %");
        assertThat(ShownNumbers.change(0.0, 0.0)).isEqualTo("0.0 %");
        assertThat(ShownNumbers.change(0.0, 5.0)).as("no finite percentage").isEqualTo(ShownNumbers.NONE);
        assertThat(ShownNumbers.change(null, 5.0)).isEqualTo(ShownNumbers.NONE);
    }
}
