package gan4j.train;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Fails a test that leaves an ND4J workspace open (a {@link Network#forward} without its backward
 * pass or {@link Network#releaseActivations}), and closes it: DL4J's own passes refuse to run while
 * any workspace is open, so the leak would otherwise fail some later, unrelated test.
 */
public final class OpenWorkspaceCheck implements AfterEachCallback {

    @Override
    public void afterEach(ExtensionContext context) {
        List<MemoryWorkspace> open = Nd4j.getWorkspaceManager().getAllWorkspacesForCurrentThread().stream()
                .filter(MemoryWorkspace::isScopeActive).toList();
        if (open.isEmpty()) {
            return;
        }
        List<String> names = open.stream().map(MemoryWorkspace::getId).toList();
        open.forEach(MemoryWorkspace::close);
        Nd4j.getMemoryManager().setCurrentWorkspace(null);
        fail("test left ND4J workspaces open: " + names);
    }
}
