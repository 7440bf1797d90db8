package gan4j.cli;

import gan4j.config.ConfigException;
import gan4j.data.DataException;
import gan4j.event.NonFiniteLossException;
import gan4j.run.RunException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns errors a user can fix into one sentence on stderr and a non-zero exit code; anything else
 * is a bug in gan4j and keeps its stack trace.
 */
final class UserErrorHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parseResult) {
        boolean userError = e instanceof ConfigException || e instanceof DataException
                || e instanceof RunException || e instanceof NonFiniteLossException;
        if (userError) {
            command.getErr().println("error: " + e.getMessage());
        } else {
            command.getErr().println("error: gan4j failed unexpectedly; please report this with the trace below.");
            e.printStackTrace(command.getErr());
        }
        return e instanceof ConfigException ? ExitCodes.USAGE : ExitCodes.FAILED;
    }
}
