package gan4j.report;

import gan4j.nn.Networks;
import java.nio.file.Path;

/** Draws what the generator currently produces into a PNG file. */
@FunctionalInterface
public interface SampleRenderer {

    void render(Networks networks, Path file);
}
