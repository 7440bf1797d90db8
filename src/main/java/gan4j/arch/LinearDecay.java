package gan4j.arch;

import java.util.Objects;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * A learning rate that falls linearly from its initial value to zero at {@code horizon} updates
 * (the WGAN-GP authors' schedule). ND4J's {@code PolySchedule} would be the power-1 case, but in
 * 1.0.0-M2.1 it computes {@code (1 + i/max)}: the rate doubles before dropping to zero.
 */
public final class LinearDecay implements ISchedule {

    private final double initialValue;
    private final int horizon;

    public LinearDecay(@JsonProperty("initialValue") double initialValue, @JsonProperty("horizon") int horizon) {
        if (horizon <= 0) {
            throw new IllegalArgumentException("horizon must be positive: " + horizon);
        }
        this.initialValue = initialValue;
        this.horizon = horizon;
    }

    @Override
    public double valueAt(int iteration, int epoch) {
        return iteration >= horizon ? 0 : initialValue * (1 - iteration / (double) horizon);
    }

    @Override
    public ISchedule clone() {
        return new LinearDecay(initialValue, horizon);
    }

    public double getInitialValue() {
        return initialValue;
    }

    public int getHorizon() {
        return horizon;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LinearDecay other && other.initialValue == initialValue && other.horizon == horizon;
    }

    @Override
    public int hashCode() {
        return Objects.hash(initialValue, horizon);
    }
}
