package gan4j.cli;

import gan4j.config.ConfigException;
import gan4j.html.ComparisonReport;
import gan4j.html.ReportWriter;
import gan4j.html.RunFiles;
import gan4j.run.RunDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gan report}: a run's HTML report written again, or several runs compared on one page. */
@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"One run: write RUN/report.html again (training writes it at every sample interval and at"
                + " the end). Several runs, or --out: one page with their curves overlaid, their final sample grids"
                + " and a table of their last figures.",
            "Pages need no network and no scripts: charts are inline SVG; a run's report links the PNGs in its"
                + " samples/ folder, a comparison embeds its grids."})
public final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "RUN", description = "Run directories (output.dir of gan train).")
    List<Path> runs;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE",
            description = "The comparison page to write (default compare.html when several runs are given).")
    Path out;

    @Override
    public Integer call() {
        List<RunFiles> files = runs.stream().map(ReportCommand::runFiles).toList();
        if (files.size() == 1 && out == null) {
            ReportWriter.write(files.get(0));
            spec.commandLine().getOut().println("wrote " + files.get(0).report());
            return ExitCodes.OK;
        }
        Path page = out == null ? Path.of("compare.html") : out;
        OutputFile.check(page, "--out", "compare.html");
        ComparisonReport.write(files, page);
        spec.commandLine().getOut().println("wrote " + page + " (" + files.size() + " runs)");
        return ExitCodes.OK;
    }

    private static RunFiles runFiles(Path run) {
        RunDirectory dir = new RunDirectory(run);
        if (!Files.isRegularFile(dir.metrics())) {
            throw new ConfigException(run + " is not a run directory (it has no metrics.csv); give the output.dir"
                    + " of a gan train run.");
        }
        return dir.reportFiles();
    }
}
