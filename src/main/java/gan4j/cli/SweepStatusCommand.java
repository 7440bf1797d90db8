package gan4j.cli;

import gan4j.sweep.SweepDirectory;
import gan4j.sweep.SweepStatus;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gan sweep status DIR}: each index's state, step and latest losses. */
@Command(name = "status", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Per index: pending, running, preempted, done or failed (from its task log), its step of",
            "train.steps and latest losses (from its metrics log). Reads files only: run it anywhere the sweep",
            "directory is mounted."})
public final class SweepStatusCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "A sweep directory (gan sweep --out).")
    Path dir;

    @Override
    public Integer call() {
        SweepStatus status = SweepStatus.read(new SweepDirectory(dir));
        PrintWriter out = spec.commandLine().getOut();
        out.print(status.table().render());
        out.println(status.summary());
        return ExitCodes.OK;
    }
}
