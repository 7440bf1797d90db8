package gan4j.sweep;

import gan4j.event.MetricsLog;
import java.util.List;

/** The columns of a run's metrics log, by name, as the status and report tables show them. */
public final class MetricsColumns {

    /** In the log's order; the first is the step. */
    public static final List<String> ALL = List.of(MetricsLog.HEADER.split(","));

    private MetricsColumns() {
    }

    static int indexOf(String column) {
        return ALL.indexOf(column);
    }
}
