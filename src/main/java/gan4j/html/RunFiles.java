package gan4j.html;

import java.nio.file.Path;

/** Where a run keeps what its report shows; the run directory says, so that this package needs none of it. */
public record RunFiles(Path root, Path metrics, Path samples, Path config, Path provenance, Path health,
                       Path eval) {

    /** The report's own file, in the run directory. */
    public Path report() {
        return root.resolve("report.html");
    }
}
