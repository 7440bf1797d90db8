package gan4j.nn.backend;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Runs {@link CpuBackend#configure()} when the JUnit launcher session opens, before any test class loads ND4J,
 * so tests load the native build this CPU can run (registered in META-INF/services). Without it, JavaCPP would
 * load the -onednn-avx2 build whatever the CPU.
 */
public class BackendSessionListener implements LauncherSessionListener {
    @Override
    public void launcherSessionOpened(LauncherSession session) {
        CpuBackend.configure();
    }
}
