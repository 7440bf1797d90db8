package gan4j.nn;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A {@link SampleCritic} that judges packs of {@code pack} consecutive samples jointly (PacGAN, Lin
 * et al. 2018): rows of points [B, d] become packs [B/m, m·d] for the critic underneath, one score
 * per pack, and the gradient with respect to a pack is split back into its samples' gradients.
 */
public final class PackedCritic implements SampleCritic {

    private final SampleCritic packs;
    private final int pack;

    /** {@code packs} is a critic whose input is {@code pack} samples side by side. */
    public PackedCritic(SampleCritic packs, int pack) {
        if (pack < 1) {
            throw new IllegalArgumentException("pack must be at least 1: " + pack);
        }
        this.packs = packs;
        this.pack = pack;
    }

    /** Consecutive rows of {@code samples} [B, d] side by side, [B/m, m·d]. */
    public INDArray packed(INDArray samples) {
        long rows = samples.size(0);
        if (samples.rank() != 2 || rows % pack != 0) {
            throw new IllegalArgumentException("packing needs [B, d] samples with B divisible by " + pack + ": "
                    + Arrays.toString(samples.shape()));
        }
        return samples.dup('c').reshape('c', rows / pack, samples.size(1) * pack);
    }

    /** The inverse of {@link #packed}: packs [B/m, m·d] back into rows [B, d] of {@code d} columns. */
    public INDArray unpacked(INDArray packed, long columns) {
        return packed.dup('c').reshape('c', packed.size(0) * pack, columns);
    }

    @Override
    public INDArray score(INDArray samples, int[] labels) {
        return packs.score(packed(samples), labels == null ? null : packLabels(labels));
    }

    // Only unconditional models pack (the loader refuses the rest), so a pack's first label stands for it.
    private int[] packLabels(int[] labels) {
        int[] first = new int[labels.length / pack];
        for (int i = 0; i < first.length; i++) {
            first[i] = labels[i * pack];
        }
        return first;
    }

    @Override
    public ParameterGradient parameterGradient(INDArray scoreGradient) {
        return packs.parameterGradient(scoreGradient);
    }

    @Override
    public INDArray sampleGradient(INDArray scoreGradient) {
        INDArray packGradient = packs.sampleGradient(scoreGradient);
        return unpacked(packGradient, packGradient.size(1) / pack);
    }

    @Override
    public void update(ParameterGradient gradient) {
        packs.update(gradient);
    }

    @Override
    public Network network() {
        return packs.network();
    }
}
