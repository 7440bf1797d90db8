package gan4j.report;

import gan4j.nn.Networks;
import gan4j.train.SampleInputs;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * Renders G's images for fixed inputs as a PNG grid (inference mode: BatchNorm running statistics),
 * enlarged {@code scale} times or, when empty, to a visible width.
 */
public record ImageSampleRenderer(SampleInputs inputs, OptionalInt scale) implements SampleRenderer {

    @Override
    public void render(Networks networks, Path file) {
        ImageGrid.write(networks.generator().infer(inputs.input()), inputs.columns(), scale, file);
    }
}
