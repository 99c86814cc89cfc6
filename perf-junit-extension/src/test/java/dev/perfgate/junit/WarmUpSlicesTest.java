package dev.perfgate.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class WarmUpSlicesTest {

    @Test
    void theVersionsWarmUpInAlternatingSlicesOfAtMostFiveSecondsEachGettingTheWholeWarmUp() {
        List<WarmUpSlices> slices = WarmUpSlices.of(Duration.ofSeconds(12), 0);

        assertThat(slices).extracting(WarmUpSlices::version).containsExactly("A", "B", "A", "B", "A", "B");
        assertThat(slices).extracting(WarmUpSlices::length).containsOnly(Duration.ofSeconds(4));
    }

    @Test
    void theVersionThatStartsAlternatesFromOneInstanceToTheNext() {
        assertThat(WarmUpSlices.of(Duration.ofSeconds(10), 1)).extracting(WarmUpSlices::version).containsExactly("B", "A", "B", "A");
        assertThat(WarmUpSlices.of(Duration.ofSeconds(10), 2)).extracting(WarmUpSlices::version).containsExactly("A", "B", "A", "B");
    }

    @Test
    void aShortWarmUpIsOneSliceEachAndNoneIsNothing() {
        assertThat(WarmUpSlices.of(Duration.ofSeconds(3), 0)).containsExactly(new WarmUpSlices("A", Duration.ofSeconds(3)),
                new WarmUpSlices("B", Duration.ofSeconds(3)));
        assertThat(WarmUpSlices.of(Duration.ZERO, 0)).isEmpty();
    }
}
