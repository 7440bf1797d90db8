package gan4j.cli;

import gan4j.run.Provenance;
import picocli.CommandLine.IVersionProvider;

/** {@code gan --version}: gan4j's version from the jar manifest, and the platform it runs on. */
public final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {
            "gan4j " + Provenance.version(),
            "Deeplearning4j 1.0.0-M2.1, Java " + System.getProperty("java.version") + ", "
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch")
        };
    }
}
