package gan4j.cli;

import gan4j.config.ConfigException;
import java.util.List;

/** Reads a {@code --class} value, a class name or its index, against a model's class names. */
final class ClassChoice {

    private ClassChoice() {
    }

    static int index(String choice, List<String> names) {
        int index = names.indexOf(choice);
        if (index < 0 && choice.matches("\\d+")) {
            index = Integer.parseInt(choice);
        }
        if (index < 0 || index >= names.size()) {
            throw new ConfigException("unknown class '" + choice + "'; this model knows: "
                    + String.join(", ", names) + " (or their indices 0.." + (names.size() - 1) + ").");
        }
        return index;
    }
}
