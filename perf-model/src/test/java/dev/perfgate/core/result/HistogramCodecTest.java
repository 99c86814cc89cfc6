package dev.perfgate.core.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Random;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HistogramCodecTest {

    private static Histogram randomLatencies(long seed, int count) {
        Histogram histogram = new Histogram(1, LatencySummary.HIGHEST_TRACKABLE_MICROS, 3);
        Random random = new Random(seed);
        for (int i = 0; i < count; i++) {
            // Log-normal-ish latencies from a few microseconds to seconds.
            long micros = (long) Math.exp(random.nextDouble() * 15) + 1;
            histogram.recordValue(Math.min(micros, LatencySummary.HIGHEST_TRACKABLE_MICROS));
        }
        return histogram;
    }

    @Test
    void roundTripPreservesCountAndPercentiles() {
        Histogram original = randomLatencies(42L, 20_000);

        Histogram decoded = HistogramCodec.decode(HistogramCodec.encode(original));

        assertThat(decoded.getTotalCount()).isEqualTo(original.getTotalCount()).isEqualTo(20_000);
        for (double percentile : new double[] {0, 50, 90, 95, 99, 99.9, 100}) {
            assertThat(decoded.getValueAtPercentile(percentile)).as("p%s", percentile)
                    .isEqualTo(original.getValueAtPercentile(percentile));
        }
        assertThat(decoded.getMaxValue()).isEqualTo(original.getMaxValue());
        assertThat(decoded).isEqualTo(original);
    }

    @Test
    void roundTripsAnEmptyHistogram() {
        Histogram empty = new Histogram(1, LatencySummary.HIGHEST_TRACKABLE_MICROS, 3);

        Histogram decoded = HistogramCodec.decode(HistogramCodec.encode(empty));

        assertThat(decoded.getTotalCount()).isZero();
    }

    @Test
    void encodesAsPlainBase64Text() {
        String text = HistogramCodec.encode(randomLatencies(7L, 100));

        assertThat(text).isNotBlank().matches("[A-Za-z0-9+/]+={0,2}");
    }

    @ParameterizedTest(name = "rejects \"{0}\"")
    @ValueSource(strings = {"", "not base64 at all!", "AAAA", "aGVsbG8gd29ybGQsIHRoaXMgaXMgbm90IGEgaGlzdG9ncmFt"})
    void rejectsGarbage(String text) {
        assertThatThrownBy(() -> HistogramCodec.decode(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsTruncatedEncoding() {
        String full = HistogramCodec.encode(randomLatencies(1L, 5_000));
        // Cut at several points, on base64 quantum boundaries so that the base64 itself stays valid
        // and the damage reaches the histogram decoder.
        for (int keep = 4; keep < full.length(); keep += Math.max(4, full.length() / 40 / 4 * 4)) {
            String truncated = full.substring(0, keep);
            assertThatThrownBy(() -> HistogramCodec.decode(truncated)).as("first %d chars", keep)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void rejectsTruncatedBase64() {
        String full = HistogramCodec.encode(randomLatencies(2L, 1_000));
        String cut = full.substring(0, full.length() / 2 / 4 * 4 + 1);

        assertThatThrownBy(() -> HistogramCodec.decode(cut)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void damagedEncodingIsRejectedOrDecodedButNeverFailsOtherwise() {
        byte[] original = Base64.getDecoder().decode(HistogramCodec.encode(randomLatencies(3L, 2_000)));
        Random random = new Random(123L);
        for (int i = 0; i < 500; i++) {
            byte[] damaged = original.clone();
            damaged[random.nextInt(damaged.length)] ^= (byte) (1 + random.nextInt(255));
            String text = Base64.getEncoder().encodeToString(damaged);
            try {
                HistogramCodec.decode(text);
            } catch (IllegalArgumentException expected) {
                // the documented failure
            }
        }
    }

    @Test
    void rejectsValidBase64OfRandomBytes() {
        Random random = new Random(99L);
        for (int i = 0; i < 200; i++) {
            byte[] bytes = new byte[1 + random.nextInt(200)];
            random.nextBytes(bytes);
            String text = Base64.getEncoder().encodeToString(bytes);
            assertThatThrownBy(() -> HistogramCodec.decode(text)).as(text).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
