package gan4j.nn;

import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.ResetPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;

/** How the workspaces of a network's forward and backward passes size themselves (DL4J's settings). */
final class WorkspaceConfigs {

    /**
     * Sized by the first pass, then one block reused by every later one. Without it each pass
     * allocated tens of large native buffers that only the garbage collector frees: DCGAN-64's
     * training step peaked at 1.48 GB resident, against 0.76 GB with this workspace.
     */
    static final WorkspaceConfiguration FIRST_PASS = WorkspaceConfiguration.builder()
            .initialSize(0)
            .overallocationLimit(0.05)
            .policyLearning(LearningPolicy.FIRST_LOOP)
            .policyReset(ResetPolicy.BLOCK_LEFT)
            .policySpill(SpillPolicy.REALLOCATE)
            .policyAllocation(AllocationPolicy.OVERALLOCATE)
            .build();

    private WorkspaceConfigs() {
    }

    /** Sized from the largest use over the first {@code cycles} openings. */
    static WorkspaceConfiguration learnedOver(int cycles) {
        return WorkspaceConfiguration.builder()
                .initialSize(0)
                .overallocationLimit(0.02)
                .policyLearning(LearningPolicy.OVER_TIME)
                .cyclesBeforeInitialization(cycles)
                .policyReset(ResetPolicy.BLOCK_LEFT)
                .policySpill(SpillPolicy.REALLOCATE)
                .policyAllocation(AllocationPolicy.OVERALLOCATE)
                .build();
    }
}
