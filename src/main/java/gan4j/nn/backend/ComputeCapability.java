package gan4j.nn.backend;

/** An NVIDIA GPU architecture's compute capability, such as 8.6 (Ampere GA10x) or 9.0 (Hopper). */
public record ComputeCapability(int major, int minor) implements Comparable<ComputeCapability> {

    /** Parses "8.6"; throws {@link IllegalArgumentException} for anything else. */
    public static ComputeCapability parse(String text) {
        String[] parts = text.strip().split("\\.");
        if (parts.length != 2) {
            throw new IllegalArgumentException("not a compute capability: '" + text + "'");
        }
        try {
            return new ComputeCapability(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a compute capability: '" + text + "'", e);
        }
    }

    /** nvcc's name for it, such as sm_86. */
    public String sm() {
        return "sm_" + major + minor;
    }

    @Override
    public int compareTo(ComputeCapability other) {
        return major != other.major ? Integer.compare(major, other.major) : Integer.compare(minor, other.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
