package gan4j.objective;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Every objective the package offers, for tests that run over the whole registry. */
final class AllObjectives {

    /** α values covering α &lt; 0, 0 &lt; α &lt; 1 and α &gt; 1. */
    static final double[] ALPHAS = {-1.0, 0.5, 2.0, 3.0};

    /** The fixture of habit 2: four real and four fake raw scores, away from the hinge kinks. */
    static final double[] REAL = {0.3, -1.2, 2.0, 0.1};
    static final double[] FAKE = {-0.5, 1.5, -2.2, 0.0};

    private AllObjectives() {
    }

    /** Each registry type with its default parameters, then f-GAN on every divergence, both G losses. */
    static List<Objective> all() {
        List<Objective> all = new ArrayList<>();
        for (String name : Objectives.names()) {
            if (!name.equals("f_gan")) {
                all.add(Objectives.byName(name, Map.of()));
            }
        }
        for (FDivergence d : FDivergence.values()) {
            for (boolean saturating : new boolean[] {false, true}) {
                if (d.takesAlpha()) {
                    for (double a : ALPHAS) {
                        all.add(FGan.alpha(a, saturating));
                    }
                } else {
                    all.add(new FGan(d, saturating));
                }
            }
        }
        return all;
    }

    static Stream<Arguments> cases() {
        return all().stream().map(o -> Arguments.of(Named.of(o.toString(), o)));
    }

    /** A [n, 1] column of these values in the given dtype. */
    static INDArray column(DataType type, double... values) {
        return Nd4j.create(values, new long[] {values.length, 1}, DataType.DOUBLE).castTo(type);
    }

    static INDArray column(double... values) {
        return column(DataType.DOUBLE, values);
    }
}
