package gan4j.nn.features;

import gan4j.config.ConfigException;
import java.util.Arrays;
import java.util.Locale;

/** The value range a feature network expects its pixels in; generated images arrive in [-1, 1]. */
public enum PixelRange {
    MINUS_ONE_ONE("-1,1", -1, 1),
    ZERO_ONE("0,1", 0, 1),
    ZERO_255("0,255", 0, 255);

    private final String spelling;
    private final double low;
    private final double high;

    PixelRange(String spelling, double low, double high) {
        this.spelling = spelling;
        this.low = low;
        this.high = high;
    }

    /** The range written as on the command line ({@code -1,1}, {@code 0,1}, {@code 0,255}). */
    public static PixelRange parse(String text) {
        return Arrays.stream(values()).filter(r -> r.spelling.equals(text.replace(" ", ""))).findFirst()
                .orElseThrow(() -> new ConfigException("--features-range must be one of -1,1 | 0,1 | 0,255, got '"
                        + text + "'."));
    }

    /** Scale applied to a pixel in [-1, 1]: {@code x * scale + offset} lands in this range. */
    double scale() {
        return (high - low) / 2;
    }

    double offset() {
        return (high + low) / 2;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "[%s]", spelling);
    }
}
