package gan4j.sweep;

import gan4j.io.RunException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * {@code DIR/sweep.yaml}: which sweep and base config the directory was expanded from, and for
 * each index its folder and the values it overrides (as resolved, so {@code 2e-4} reads as 2.0E-4).
 */
public record SweepManifest(String name, Path sweepFile, Path base, List<Run> runs) {

    private static final int MAX_CODE_POINTS = 16 << 20;

    /** One index and what it overrides, in the sweep file's key order. */
    public record Run(int index, Map<String, Object> overrides) {

        public Run {
            overrides = Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
        }
    }

    public SweepManifest {
        runs = List.copyOf(runs);
    }

    public String toYaml() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("name", name);
        root.put("sweep", sweepFile.toString());
        root.put("base", base.toString());
        root.put("count", runs.size());
        List<Map<String, Object>> list = new ArrayList<>();
        for (Run run : runs) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("index", run.index());
            entry.put("dir", "runs/" + SweepPoint.folder(run.index()));
            entry.put("overrides", run.overrides());
            list.add(entry);
        }
        root.put("runs", list);
        String header = "# Written by gan sweep: index -> overrides over the base config. Each runs/NNN/config.yaml is"
                + " the resolved config.\n";
        return header + new Dump(DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).build())
                .dumpToString(root);
    }

    /** Reads the manifest of {@code dir}; a missing or foreign one is one sentence naming it. */
    public static SweepManifest read(SweepDirectory dir) {
        Path file = dir.manifest();
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new RunException(dir.root() + " is not a sweep directory (it has no sweep.yaml); pass the --out"
                    + " folder of a gan sweep --config SWEEP.yaml --out DIR.", e);
        } catch (IOException e) {
            throw new RunException("cannot read " + file + ": " + e.getMessage() + "; check its permissions.", e);
        }
        try {
            Map<?, ?> root = (Map<?, ?>) load(text);
            List<Run> runs = new ArrayList<>();
            for (Object item : (List<?>) root.get("runs")) {
                Map<?, ?> entry = (Map<?, ?>) item;
                Map<String, Object> overrides = new LinkedHashMap<>();
                ((Map<?, ?>) entry.get("overrides")).forEach((k, v) -> overrides.put(k.toString(), v));
                runs.add(new Run(((Number) entry.get("index")).intValue(), overrides));
            }
            return new SweepManifest(root.get("name").toString(), Path.of(root.get("sweep").toString()),
                    Path.of(root.get("base").toString()), runs);
        } catch (YamlEngineException | ClassCastException | NullPointerException e) {
            throw new RunException(file + " is not a manifest gan sweep wrote (" + e.getClass().getSimpleName()
                    + "); expand the sweep again into a new --out folder.", e);
        }
    }

    private static Object load(String text) {
        LoadSettings settings = LoadSettings.builder().setAllowDuplicateKeys(false).setMaxAliasesForCollections(0)
                .setAllowRecursiveKeys(false).setCodePointLimit(MAX_CODE_POINTS).build();
        return new Load(settings).loadFromString(text);
    }

    /** The value at a dotted key of a resolved config's YAML, as the manifest records it. */
    static Object valueAt(String resolvedYaml, String dottedKey) {
        Object node = load(resolvedYaml);
        for (String part : dottedKey.split("\\.")) {
            node = node instanceof Map<?, ?> map ? map.get(part) : null;
        }
        return node;
    }
}
