package gan4j.cli;

import gan4j.io.Versions;
import picocli.CommandLine.IVersionProvider;

/** {@code gan --version}: gan4j's and Deeplearning4j's versions as their jars record them, and the platform. */
public final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {
            "gan4j " + Versions.gan4j(),
            "Deeplearning4j " + Versions.deeplearning4j() + ", Java " + System.getProperty("java.version") + ", "
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch")
        };
    }
}
