package gan4j.cli;

import gan4j.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks a file to write, named by a command-line option, before any work, so a wrong path fails at once. */
final class OutputFile {

    private OutputFile() {
    }

    static void check(Path file, String option, String example) {
        if (file.getFileName() == null || file.toString().isEmpty()) {
            throw new ConfigException(option + " '" + file + "' names no file; give a file name, for example "
                    + option + " " + example + ".");
        }
        if (Files.isDirectory(file)) {
            throw new ConfigException(option + " " + file + " is a directory; give a file in it, for example "
                    + option + " " + file.resolve(example) + ".");
        }
        Path folder = file.toAbsolutePath().getParent();
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new ConfigException(option + " " + file + " is inside " + folder + ", which is a file, not a"
                    + " directory; give a path in a directory.");
        }
    }
}
