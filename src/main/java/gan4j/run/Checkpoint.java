package gan4j.run;

import gan4j.train.Networks;
import gan4j.train.TrainingState;
import java.util.List;

/**
 * Everything a resumed run or {@code gan sample} needs: both networks with their optimizer state,
 * the training state, the resolved configuration, the class names and where it all came from.
 */
public record Checkpoint(Networks networks, TrainingState state, String configYaml, List<String> classNames,
                         long[] sampleShape, Provenance provenance) {

    public Checkpoint {
        classNames = List.copyOf(classNames);
        sampleShape = sampleShape.clone();
    }
}
