package gan4j.cli;

import gan4j.config.ConfigException;
import gan4j.sweep.SweepDirectory;
import gan4j.sweep.SweepResults;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gan sweep report DIR}: one table of every index's final metrics beside its overrides. */
@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "One row per index: its state, its overrides and the last row of its metrics log, sorted.")
public final class SweepReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "A sweep directory (gan sweep --out).")
    Path dir;

    @Option(names = "--sort", paramLabel = "COLUMN", defaultValue = "index",
            description = "Sort by index, an override key or a metrics column such as g_loss (ascending;"
                + " default: ${DEFAULT-VALUE}).")
    String sort;

    @Override
    public Integer call() {
        SweepResults results = SweepResults.read(new SweepDirectory(dir));
        if (!results.columns().contains(sort)) {
            throw new ConfigException("--sort " + sort + ": not a column of this sweep; use one of "
                    + String.join(", ", results.columns()) + ".");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(results.sortedBy(sort).table().render());
        out.flush();
        return ExitCodes.OK;
    }
}
