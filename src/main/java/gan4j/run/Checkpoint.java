package gan4j.run;

import gan4j.model.GanModel;
import gan4j.train.TrainingState;

/**
 * Everything a resumed run or {@code gan sample} needs: the model with its optimizer state, the
 * training state, the resolved configuration it was trained with, where it all came from, and the
 * divergence rollbacks it has been through.
 */
public record Checkpoint(GanModel model, TrainingState state, String configYaml, Provenance provenance,
                         Rollbacks rollbacks) {
}
