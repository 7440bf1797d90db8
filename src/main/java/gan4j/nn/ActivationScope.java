package gan4j.nn;

import java.util.function.Supplier;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The workspace holding one network's forward-pass activations until the backward pass that uses
 * them. It stays open but not current in between, so ND4J refuses any later use of them instead of
 * reading reused memory, and each backward pass gets exactly one forward pass.
 */
final class ActivationScope {

    private MemoryWorkspace open;

    /** Opens the activations workspace of {@code workspaces} for a forward pass. */
    void enter(LayerWorkspaceMgr workspaces) {
        open = workspaces.notifyScopeEntered(ArrayType.ACTIVATIONS);
    }

    /** Runs a backward pass, which needs the forward pass's activations and ends their life. */
    <T> T consume(Supplier<T> backward) {
        if (open == null) {
            throw new IllegalStateException("a backward pass needs the forward pass it belongs to, and each gets one");
        }
        try {
            return backward.get();
        } finally {
            release();
        }
    }

    /**
     * Closes the workspace of the last forward pass, if open: DL4J's own passes refuse to start
     * while a workspace is open.
     */
    void release() {
        if (open != null) {
            MemoryWorkspace current = Nd4j.getMemoryManager().getCurrentWorkspace();
            open.close();
            open = null;
            Nd4j.getMemoryManager().setCurrentWorkspace(current);
        }
    }
}
