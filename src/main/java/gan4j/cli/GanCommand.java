package gan4j.cli;

import gan4j.nn.backend.CpuBackend;
import gan4j.run.GracefulStop;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** The {@code gan} command: train GANs on images, sample from them, evaluate, prepare data, sweep. */
@Command(name = "gan",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Train and sample GANs (DCGAN, CGAN, WGAN, WGAN-GP, DRAGAN, ...) on Deeplearning4j.",
        subcommands = {TrainCommand.class, SampleCommand.class, ExportCommand.class, EvalCommand.class,
            ReportCommand.class, DataCommand.class, SweepCommand.class, DoctorCommand.class,
            CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:training or sampling failed (the message says why)",
            "2:invalid command line or configuration",
            "143:stopped by SIGTERM, SIGINT or SIGUSR1 after writing a checkpoint (preempted: resume or requeue it)"},
        footer = {"%nA failure ends in one sentence on stderr; set GAN4J_DEBUG=1 to add its stack trace, and"
            + " GAN4J_JAVA_OPTS to pass JVM options (default -Xmx2g).%n"})
public final class GanCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        GracefulStop.treatUsr1AsTerm();
        // The native build and DL4J's oneDNN helpers are chosen before anything loads ND4J.
        CpuBackend.configure();
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, shared by {@link #main} and tests so both see the same behaviour. */
    public static CommandLine commandLine() {
        UserErrorHandler failures = new UserErrorHandler("1".equals(System.getenv(UserErrorHandler.DEBUG_VARIABLE)));
        return new CommandLine(new GanCommand())
                .setExecutionStrategy(failures)
                .setExecutionExceptionHandler(failures)
                .setParameterExceptionHandler(failures)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExitCodeExceptionMapper(new ExitCodes());
    }
}
