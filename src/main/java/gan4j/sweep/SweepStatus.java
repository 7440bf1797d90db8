package gan4j.sweep;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Every index of a sweep directory with its state, progress and latest losses. */
public record SweepStatus(SweepManifest manifest, List<RunStatus> runs) {

    public SweepStatus {
        runs = List.copyOf(runs);
    }

    public static SweepStatus read(SweepDirectory dir) {
        SweepManifest manifest = SweepManifest.read(dir);
        List<RunStatus> runs = new ArrayList<>();
        for (SweepManifest.Run run : manifest.runs()) {
            runs.add(RunStatus.read(dir, run.index()));
        }
        return new SweepStatus(manifest, runs);
    }

    public TextTable table() {
        List<List<String>> rows = new ArrayList<>();
        for (RunStatus run : runs) {
            rows.add(List.of(SweepPoint.folder(run.index()), run.state().word(), run.step() + "/" + run.steps(),
                    String.valueOf(run.attempts()),
                    run.exitCode().isPresent() ? String.valueOf(run.exitCode().getAsInt()) : "-",
                    number(run.metric("d_loss")), number(run.metric("g_loss")),
                    Overrides.describe(manifest.runs().get(run.index()).overrides())));
        }
        return new TextTable(List.of("index", "state", "step", "attempts", "last exit", "d_loss", "g_loss",
                "overrides"), rows);
    }

    /** For example {@code 3 runs: 2 done, 1 running}. */
    public String summary() {
        Map<RunState, Long> counts = new EnumMap<>(RunState.class);
        runs.forEach(run -> counts.merge(run.state(), 1L, Long::sum));
        return runs.size() + " runs: " + counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().word())
                .collect(Collectors.joining(", "));
    }

    public boolean allDone() {
        return runs.stream().allMatch(run -> run.state() == RunState.DONE);
    }

    static String number(Optional<Double> value) {
        return value.map(v -> String.format(Locale.ROOT, "%.4g", v)).orElse("-");
    }
}
