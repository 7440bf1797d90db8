package gan4j.cli;

import gan4j.config.ConfigException;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine;

/** Exit codes: 0 success, 1 a run or sampling failed, 2 the user's command line or config is wrong. */
public final class ExitCodes implements IExitCodeExceptionMapper {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    @Override
    public int getExitCode(Throwable exception) {
        boolean usage = exception instanceof ConfigException || exception instanceof CommandLine.ParameterException;
        return usage ? USAGE : FAILED;
    }
}
