package gan4j.testing;

import gan4j.config.ConfigLoader;
import gan4j.config.GanConfig;
import gan4j.data.ToyDataset;
import gan4j.data.ToyMixture;
import gan4j.model.GanModel;
import gan4j.model.GanModels;
import gan4j.model.ModelSpec;
import java.util.List;

/** A small toy-ring model built the way gan train builds one, for checkpoint and trainer tests. */
public final class ToyModels {

    /** The configuration's YAML: a ring of 8 Gaussians and MLPs of 8 hidden units. */
    public static final String YAML = """
            data: {type: toy, mixture: ring, points: 1000, workers: 1}
            model: {architecture: mlp, generator_width: 8, discriminator_width: 8, hidden_layers: 1}
            train: {steps: 10, batch_size: 16}
            """;

    private ToyModels() {
    }

    public static GanConfig config() {
        return new ConfigLoader().parse(YAML, "toy-models", "toy", List.of());
    }

    public static GanModel model(GanConfig config) {
        return GanModels.create(config, ModelSpec.of(new ToyDataset(ToyMixture.RING, 1000, 1)), "the toy ring");
    }
}
