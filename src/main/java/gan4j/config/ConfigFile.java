package gan4j.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** The text of a config file: UTF-8, at most {@link YamlTree#MAX_BYTES}, whatever kind of file the path names. */
final class ConfigFile {

    private ConfigFile() {
    }

    static String read(Path file) {
        if (Files.isDirectory(file)) {
            throw new ConfigException(file + ": is a directory; pass a YAML file to --config"
                    + " (the presets are in configs/).");
        }
        byte[] bytes;
        try {
            if (Files.isRegularFile(file) && Files.size(file) > YamlTree.MAX_BYTES) {
                throw tooLarge(file);
            }
            // Devices and pipes have no size to check, so read one byte past the limit and stop.
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes(YamlTree.MAX_BYTES + 1);
            }
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such config file; pass an existing YAML file to --config"
                    + " (the presets are in configs/).");
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read the config file: " + e.getMessage() + ".");
        }
        if (bytes.length > YamlTree.MAX_BYTES) {
            throw tooLarge(file);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ConfigException(file + ": not UTF-8 text, so not a YAML config; pass a config file such as"
                    + " configs/dcgan-fashion-mnist.yaml.");
        }
    }

    private static ConfigException tooLarge(Path file) {
        return new ConfigException(file + ": larger than " + YamlTree.MAX_SIZE + "; a config is a few dozen lines"
                + " of YAML, so pass a config file such as configs/dcgan-fashion-mnist.yaml.");
    }
}
