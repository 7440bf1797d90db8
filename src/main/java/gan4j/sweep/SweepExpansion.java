package gan4j.sweep;

import gan4j.config.ConfigException;
import gan4j.config.ConfigLoader;
import gan4j.config.ConfigValue;
import gan4j.config.GanConfig;
import gan4j.config.Location;
import gan4j.io.AtomicFiles;
import gan4j.io.RunException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Expands a sweep file into a sweep directory: every index's config is resolved and validated before
 * anything is written, then the configs, then the manifest last, so a directory with a manifest is
 * complete. Expanding the same sweep into the same directory again changes nothing.
 */
public final class SweepExpansion {

    private SweepExpansion() {
    }

    /** What an expansion left in the directory. */
    public record Result(SweepManifest manifest, boolean unchanged) {
    }

    public static Result expand(Path sweepPath, SweepDirectory dir) {
        SweepFile sweep = SweepFile.read(sweepPath);
        String name = sweepPath.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        ConfigLoader loader = new ConfigLoader();
        List<SweepPoint> points = SweepPlan.expand(sweep);
        List<String> configs = new ArrayList<>();
        List<SweepManifest.Run> runs = new ArrayList<>();
        for (SweepPoint point : points) {
            Map<String, ConfigValue> values = new LinkedHashMap<>();
            Location generated = new Location("gan sweep (index " + point.index() + ")", 0);
            values.put("name", new ConfigValue.Scalar(name + "-" + point.folder(), false, generated));
            values.putAll(point.overrides());
            values.put("output.dir", new ConfigValue.Scalar(dir.run(point.index()).root().toString(), false,
                    generated));
            GanConfig config = loader.load(sweep.base(), values);
            configs.add(config.resolvedYaml());
            Map<String, Object> resolved = new LinkedHashMap<>();
            for (String key : point.overrides().keySet()) {
                resolved.put(key, SweepManifest.valueAt(config.resolvedYaml(), key));
            }
            runs.add(new SweepManifest.Run(point.index(), resolved));
        }
        SweepManifest manifest = new SweepManifest(name, sweepPath.toAbsolutePath().normalize(), sweep.base(), runs);
        if (Files.exists(dir.manifest())) {
            if (sameAsWritten(dir, manifest, configs)) {
                return new Result(manifest, true);
            }
            throw new ConfigException(dir.root() + " already holds a different sweep (" + dir.manifest()
                    + "); expand into a new --out folder, or delete that one first.");
        }
        for (int i = 0; i < configs.size(); i++) {
            AtomicFiles.writeString(dir.config(i), configs.get(i));
        }
        AtomicFiles.writeString(dir.manifest(), manifest.toYaml());
        return new Result(manifest, false);
    }

    private static boolean sameAsWritten(SweepDirectory dir, SweepManifest manifest, List<String> configs) {
        try {
            if (!Files.readString(dir.manifest()).equals(manifest.toYaml())) {
                return false;
            }
            for (int i = 0; i < configs.size(); i++) {
                if (!Files.isRegularFile(dir.config(i)) || !Files.readString(dir.config(i)).equals(configs.get(i))) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            throw new RunException("cannot read " + dir.root() + ": " + e.getMessage() + "; check its permissions.",
                    e);
        }
    }
}
