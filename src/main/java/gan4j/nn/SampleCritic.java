package gan4j.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The critic in sample space, as the trainer and the penalties see it: scores of samples given
 * their labels, and gradients with respect to those samples. How labels enter the network
 * (conditioning planes, say) stays inside.
 */
public interface SampleCritic {

    /**
     * Training-mode scores [B, 1] of {@code samples} of classes {@code labels} ([B, k+1] class scores
     * for MAD-GAN's k generators), kept for one backward pass.
     */
    INDArray score(INDArray samples, int[] labels);

    /** dLoss/dParameters for the last {@link #score}, given dLoss/dScores; a view of the network's buffer. */
    ParameterGradient parameterGradient(INDArray scoreGradient);

    /** dLoss/dSamples for the last {@link #score}, given dLoss/dScores, shaped like the samples. */
    INDArray sampleGradient(INDArray scoreGradient);

    /** One optimizer step. */
    void update(ParameterGradient gradient);

    /** The network underneath, for constraints on its weights and for profiles. */
    Network network();
}
