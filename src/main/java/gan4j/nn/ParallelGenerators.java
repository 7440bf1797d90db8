package gan4j.nn;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * {@code k} independent generators as one {@link Network} (MAD-GAN, Ghosh et al. 2018): row j of a
 * batch is drawn by generator j mod k. Underneath is one network that runs the k generators side by
 * side, generator i reading the i-th block of latent columns and writing the i-th block of sample
 * columns, so a batch [B, L] is regrouped into [B/k, k·L] on the way in and back into [B, d] on the
 * way out, as {@link PackedCritic} regroups a critic's input. Being one network, its parameters,
 * optimizer state and moving average are saved, restored and updated as any other generator's.
 */
public final class ParallelGenerators implements Network {

    private final Network sideBySide;
    private final int generators;

    /** {@code sideBySide} maps [n, k·L] to [n, k·d], its i-th output block depending on its i-th input block only. */
    public ParallelGenerators(Network sideBySide, int generators) {
        if (generators < 2) {
            throw new IllegalArgumentException("parallel generators need at least 2, not " + generators);
        }
        this.sideBySide = sideBySide;
        this.generators = generators;
    }

    public int generators() {
        return generators;
    }

    /** Inference-mode samples of generator {@code index} alone, one per row of {@code input} [n, L]. */
    public INDArray inferOne(int index, INDArray input) {
        if (index < 0 || index >= generators) {
            throw new IllegalArgumentException("generator " + index + " is not one of 0.." + (generators - 1));
        }
        // Every generator gets the same latent rows; only generator index's columns are kept.
        INDArray tiled = Nd4j.concat(1, Collections.nCopies(generators, input).toArray(INDArray[]::new));
        INDArray all = sideBySide.infer(tiled);
        long columns = all.size(1) / generators;
        return all.get(NDArrayIndex.all(), NDArrayIndex.interval(index * columns, (index + 1) * columns)).dup();
    }

    @Override
    public INDArray forward(INDArray input) {
        return rows(sideBySide.forward(grouped(input)));
    }

    @Override
    public INDArray infer(INDArray input) {
        long n = input.size(0);
        long missing = (generators - n % generators) % generators;
        if (missing == 0) {
            return rows(sideBySide.infer(grouped(input)));
        }
        // Sampling asks for any count: pad to whole groups and drop the padding's samples.
        INDArray padded = Nd4j.concat(0, input, Nd4j.zeros(input.dataType(), missing, input.size(1)));
        return rows(sideBySide.infer(grouped(padded))).get(NDArrayIndex.interval(0, n), NDArrayIndex.all()).dup();
    }

    @Override
    public Backward backward(INDArray outputGradient) {
        Backward grouped = sideBySide.backward(grouped(outputGradient));
        return new Backward(grouped.parameters(), rows(grouped.input()));
    }

    @Override
    public ParameterGradient parameterGradient(INDArray outputGradient) {
        return sideBySide.parameterGradient(grouped(outputGradient));
    }

    @Override
    public INDArray inputGradient(INDArray outputGradient) {
        return rows(sideBySide.inputGradient(grouped(outputGradient)));
    }

    /** Rows [B, c] as groups of k consecutive rows side by side, [B/k, k·c]. */
    private INDArray grouped(INDArray rows) {
        long n = rows.size(0);
        if (rows.rank() != 2 || n % generators != 0) {
            throw new IllegalArgumentException(generators + " generators need [B, c] batches with B divisible by "
                    + generators + ": " + Arrays.toString(rows.shape()));
        }
        return rows.dup('c').reshape('c', n / generators, rows.size(1) * generators);
    }

    /** The inverse of {@link #grouped}. */
    private INDArray rows(INDArray grouped) {
        return grouped.dup('c').reshape('c', grouped.size(0) * generators, grouped.size(1) / generators);
    }

    @Override
    public void update(ParameterGradient gradient) {
        sideBySide.update(gradient);
    }

    @Override
    public void releaseActivations() {
        sideBySide.releaseActivations();
    }

    @Override
    public INDArray params() {
        return sideBySide.params();
    }

    @Override
    public Map<String, INDArray> paramTable() {
        return sideBySide.paramTable();
    }

    @Override
    public INDArray updaterState() {
        return sideBySide.updaterState();
    }

    @Override
    public int iterationCount() {
        return sideBySide.iterationCount();
    }

    @Override
    public int epochCount() {
        return sideBySide.epochCount();
    }

    @Override
    public void setCounts(int iterations, int epochs) {
        sideBySide.setCounts(iterations, epochs);
    }

    @Override
    public String configurationJson() {
        return sideBySide.configurationJson();
    }

    @Override
    public long widestActivation(INDArray input) {
        long n = input.size(0);
        long whole = (n + generators - 1) / generators * generators;
        INDArray padded = whole == n ? input
                : Nd4j.concat(0, input, Nd4j.zeros(input.dataType(), whole - n, input.size(1)));
        return sideBySide.widestActivation(grouped(padded));
    }

    @Override
    public LayerProfile profile() {
        return sideBySide.profile();
    }

    @Override
    public void printProfile(String title, long steps, PrintStream out) {
        sideBySide.printProfile(title, steps, out);
    }
}
