package gan4j.metrics;

import java.util.List;
import java.util.Locale;

/**
 * Mode-collapse scores of generated 2-D points against a toy mixture, as VEEGAN and PacGAN report
 * them; {@code reverseKl} is NaN when no point is high-quality, since the histogram is then empty.
 */
public record ModeCoverageReport(int modesCaptured, int modes, double highQualityFraction, double reverseKl) {

    public ModeCoverageReport {
        if (modes <= 0 || modesCaptured < 0 || modesCaptured > modes) {
            throw new IllegalArgumentException(
                    "modes captured must lie in [0, modes], got " + modesCaptured + "/" + modes);
        }
        if (!(highQualityFraction >= 0 && highQualityFraction <= 1)) {
            throw new IllegalArgumentException("high-quality fraction must lie in [0, 1], got " + highQualityFraction);
        }
    }

    /** Three lines for logs and reports, e.g. {@code modes captured: 8/8}, {@code high-quality: 97.1%}, {@code reverse KL: 0.02}. */
    public List<String> lines() {
        return List.of(
                "modes captured: " + modesCaptured + "/" + modes,
                String.format(Locale.ROOT, "high-quality: %.1f%%", 100 * highQualityFraction),
                Double.isNaN(reverseKl)
                        ? "reverse KL: n/a"
                        : String.format(Locale.ROOT, "reverse KL: %.2f", reverseKl));
    }
}
