package gan4j.sweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The final metrics of every index beside its overrides, sortable by any column: the data of
 * {@code gan sweep report}, kept apart from how it is printed ({@link #table()}).
 */
public record SweepResults(List<String> overrideKeys, List<Row> rows) {

    /** One index: its overrides, its state and the last row of its metrics log. */
    public record Row(int index, Map<String, Object> overrides, RunState state, Map<String, Double> metrics) {

        public Row {
            overrides = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
            metrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        }

        Optional<Object> value(String column) {
            if (overrides.containsKey(column)) {
                return Optional.ofNullable(overrides.get(column));
            }
            return Optional.ofNullable(metrics.get(column));
        }
    }

    public SweepResults {
        overrideKeys = List.copyOf(overrideKeys);
        rows = List.copyOf(rows);
    }

    public static SweepResults read(SweepDirectory dir) {
        SweepStatus status = SweepStatus.read(dir);
        List<String> keys = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        for (RunStatus run : status.runs()) {
            Map<String, Object> overrides = status.manifest().runs().get(run.index()).overrides();
            overrides.keySet().stream().filter(k -> !keys.contains(k)).forEach(keys::add);
            Map<String, Double> metrics = new LinkedHashMap<>();
            for (String column : MetricsColumns.ALL) {
                run.metric(column).ifPresent(v -> metrics.put(column, v));
            }
            rows.add(new Row(run.index(), overrides, run.state(), metrics));
        }
        return new SweepResults(keys, rows);
    }

    /** The columns rows can be sorted by: {@code index}, each override key, each metrics column. */
    public List<String> columns() {
        List<String> columns = new ArrayList<>();
        columns.add("index");
        columns.addAll(overrideKeys);
        columns.addAll(MetricsColumns.ALL);
        return columns;
    }

    /** Rows by {@code column}, ascending; rows without a value (not started) come last, in index order. */
    public SweepResults sortedBy(String column) {
        Comparator<Row> order = column.equals("index") ? Comparator.comparingInt(Row::index)
                : Comparator.comparing((Row row) -> row.value(column).isEmpty())
                        .thenComparing((a, b) -> compare(a.value(column), b.value(column)))
                        .thenComparingInt(Row::index);
        return new SweepResults(overrideKeys, rows.stream().sorted(order).toList());
    }

    private static int compare(Optional<Object> a, Optional<Object> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        if (a.get() instanceof Number x && b.get() instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        return a.get().toString().compareTo(b.get().toString());
    }

    public TextTable table() {
        List<String> header = new ArrayList<>(List.of("index", "state"));
        header.addAll(overrideKeys);
        header.addAll(MetricsColumns.ALL);
        List<List<String>> cells = new ArrayList<>();
        for (Row row : rows) {
            List<String> line = new ArrayList<>(List.of(SweepPoint.folder(row.index()), row.state().word()));
            overrideKeys.forEach(k -> line.add(String.valueOf(row.overrides().getOrDefault(k, "-"))));
            for (String column : MetricsColumns.ALL) {
                Double value = row.metrics().get(column);
                line.add(column.equals("step") && value != null ? String.valueOf(value.longValue())
                        : SweepStatus.number(Optional.ofNullable(value)));
            }
            cells.add(line);
        }
        return new TextTable(header, cells);
    }
}
