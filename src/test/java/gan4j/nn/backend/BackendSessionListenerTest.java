package gan4j.nn.backend;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The launcher listener has chosen the native build before any test class ran (this one touches nothing first). */
class BackendSessionListenerTest {

    private static final boolean CONFIGURED_AT_CLASS_INIT = CpuBackend.isConfigured();

    @Test
    void backendWasConfiguredBeforeTests() {
        assertTrue(CONFIGURED_AT_CLASS_INIT, "BackendSessionListener did not run (META-INF/services registration?)");
    }
}
