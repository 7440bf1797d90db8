package gan4j.nn.backend;

import java.util.ArrayList;
import java.util.List;

/** One GPU as nvidia-smi reports it. */
public record GpuDevice(String name, ComputeCapability capability, long memoryMiB, String driver) {

    /** The fields {@link #parse} reads, in order, as {@code nvidia-smi --query-gpu=...} takes them. */
    public static final String QUERY = "name,compute_cap,memory.total,driver_version";

    /**
     * The devices in nvidia-smi's {@code --format=csv,noheader,nounits} output for {@link #QUERY};
     * throws {@link IllegalArgumentException} naming a line it cannot read (a driver too old to
     * report compute_cap prints "[N/A]" there).
     */
    public static List<GpuDevice> parse(String csv) {
        List<GpuDevice> devices = new ArrayList<>();
        for (String line : csv.strip().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",");
            if (f.length != 4) {
                throw new IllegalArgumentException("unexpected nvidia-smi line '" + line.strip() + "'");
            }
            long memory;
            try {
                memory = Long.parseLong(f[2].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("unexpected nvidia-smi line '" + line.strip() + "'", e);
            }
            devices.add(new GpuDevice(f[0].strip(), ComputeCapability.parse(f[1]), memory, f[3].strip()));
        }
        return devices;
    }

    @Override
    public String toString() {
        return name + " (compute capability " + capability + ", " + memoryMiB + " MiB, driver " + driver + ")";
    }
}
