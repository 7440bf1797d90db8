package gan4j.cli;

import gan4j.config.ConfigException;
import gan4j.data.DataException;
import gan4j.event.NonFiniteLossException;
import gan4j.io.RunException;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExecutionStrategy;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;
import picocli.CommandLine;

/**
 * Ends every failed command with one sentence on stderr and an exit code: errors a user can fix as
 * their own message, bugs and exhausted JVMs as what failed plus a hint; the stack trace only on request.
 *
 * <p>It is also the execution strategy, because picocli hands only {@link Exception}s to the
 * exception handler and lets an {@link Error} such as StackOverflowError escape {@code execute}. A
 * command line that does not parse gets its sentence and a pointer to the help, not picocli's whole
 * usage text, which buries the one line that matters in a batch log.
 */
final class UserErrorHandler implements IExecutionExceptionHandler, IExecutionStrategy, IParameterExceptionHandler {

    /** Set to 1 to follow the sentence with the stack trace. */
    static final String DEBUG_VARIABLE = "GAN4J_DEBUG";
    private static final String REPORT = "; rerun with " + DEBUG_VARIABLE + "=1 for the stack trace and report it.";

    private final boolean debug;

    UserErrorHandler(boolean debug) {
        this.debug = debug;
    }

    @Override
    public int execute(ParseResult parseResult) {
        try {
            return new CommandLine.RunLast().execute(parseResult);
        } catch (Error e) {
            ParseResult executed = parseResult;
            while (executed.subcommand() != null) {
                executed = executed.subcommand();
            }
            return report(e, executed.commandSpec().commandLine());
        }
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parseResult) {
        return report(e, command);
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        String message = firstLine(e.getMessage()).replaceFirst("\\.$", "");
        if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
            message += " (did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?)";
        }
        command.getErr().println("error: " + message + "; see '" + command.getCommandSpec().qualifiedName()
                + " --help'.");
        if (debug) {
            e.printStackTrace(command.getErr());
        }
        return ExitCodes.USAGE;
    }

    private int report(Throwable failure, CommandLine command) {
        command.getErr().println("error: " + sentence(failure, command.getCommandSpec().qualifiedName()));
        if (debug) {
            failure.printStackTrace(command.getErr());
        }
        return failure instanceof ConfigException ? ExitCodes.USAGE : ExitCodes.FAILED;
    }

    private static String sentence(Throwable failure, String command) {
        boolean userError = failure instanceof ConfigException || failure instanceof DataException
                || failure instanceof RunException || failure instanceof NonFiniteLossException;
        if (userError) {
            return failure.getMessage();
        }
        if (failure instanceof OutOfMemoryError) {
            return command + " ran out of memory (" + firstLine(failure.getMessage()) + "); give Java more with"
                    + " GAN4J_JAVA_OPTS=-Xmx4g (the default is -Xmx2g) or lower train.batch_size.";
        }
        if (failure instanceof StackOverflowError) {
            return command + " ran out of stack (StackOverflowError), which is a bug in gan4j" + REPORT;
        }
        String message = failure.getMessage() == null ? "" : ": " + firstLine(failure.getMessage());
        return command + " failed unexpectedly (" + failure.getClass().getSimpleName() + message + ")" + REPORT;
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "no detail";
        }
        int newline = text.indexOf('\n');
        return (newline < 0 ? text : text.substring(0, newline)).strip();
    }
}
