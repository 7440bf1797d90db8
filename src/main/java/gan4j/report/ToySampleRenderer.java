package gan4j.report;

import gan4j.data.ToyMixture;
import gan4j.nn.Network;
import gan4j.nn.Networks;
import gan4j.objective.Objective;
import gan4j.train.SampleInputs;
import java.nio.file.Path;
import java.util.Collections;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Renders real and generated 2-D points over the heat map of D's readout, as GAN Lab does; a packed
 * critic ({@code pack} > 1) is read on packs of one point repeated.
 */
public record ToySampleRenderer(ToyMixture mixture, double[][] real, SampleInputs inputs, Objective objective,
                                String title, int pack) implements SampleRenderer {

    @Override
    public void render(Networks networks, Path file) {
        render(networks.generator().infer(inputs.input()).toDoubleMatrix(), networks.discriminator(), file);
    }

    /** Renders {@code generated} points, drawn by whatever generator the caller chose, over {@code critic}'s map. */
    public void render(double[][] generated, Network critic, Path file) {
        PointCloudPlot.standard().write(file, title, PlotBounds.around(mixture), real, generated, grid -> {
            INDArray points = Nd4j.create(grid).castTo(inputs.input().dataType());
            INDArray packs = pack == 1 ? points
                    : Nd4j.concat(1, Collections.nCopies(pack, points).toArray(INDArray[]::new));
            INDArray scores = critic.infer(packs);
            return objective.readout(scores).reshape(-1).toDoubleVector();
        });
    }
}
