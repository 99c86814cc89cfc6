package dev.perfgate.core.result;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.zip.DataFormatException;

import org.HdrHistogram.Histogram;

/**
 * Histograms as text: HdrHistogram's compressed encoding in base64, the form its own log files
 * use, so any tool that reads HdrHistogram can decode what perfgate stores.
 *
 * <pre>{@code
 * String text = HistogramCodec.encode(histogram);
 * Histogram same = HistogramCodec.decode(text);
 * }</pre>
 */
public final class HistogramCodec {

    private HistogramCodec() {
    }

    /** Encodes {@code histogram} compressed, in base64. */
    public static String encode(Histogram histogram) {
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), length));
    }

    /**
     * Decodes what {@link #encode} wrote.
     *
     * @throws IllegalArgumentException when {@code text} is not a base64 compressed histogram
     */
    public static Histogram decode(String text) {
        try {
            byte[] bytes = Base64.getDecoder().decode(text);
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), 0);
        } catch (RuntimeException | DataFormatException e) {
            // Damaged input fails deep inside HdrHistogram and Inflater in many ways (buffer underflow,
            // index out of bounds for a truncated payload, ...): all mean the same to the caller.
            throw new IllegalArgumentException("not a base64-encoded compressed HdrHistogram: " + e.getMessage(), e);
        }
    }
}
