package gan4j.report;

import gan4j.nn.Networks;
import gan4j.train.SampleInputs;
import java.nio.file.Path;

/** Renders G's images for fixed inputs as a PNG grid (inference mode: BatchNorm running statistics). */
public record ImageSampleRenderer(SampleInputs inputs) implements SampleRenderer {

    @Override
    public void render(Networks networks, Path file) {
        ImageGrid.write(networks.generator().infer(inputs.input()), inputs.columns(), file);
    }
}
