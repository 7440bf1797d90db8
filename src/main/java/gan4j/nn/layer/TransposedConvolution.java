package gan4j.nn.layer;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Transposed convolution onto few channels as one matrix product and libnd4j's col2im. oneDNN's
 * transposed convolution (libnd4j's deconv2d) is slow when it produces 1–3 channels: on batch 64,
 * 64 channels of 14×14 onto 1 channel of 28×28 it took 2.0–2.3 ms, this 0.6–1.3 ms; 64×64×32×32
 * onto 3×64×64, 12–16.5 against 10.3–10.9 ms. From 8 output channels on, deconv2d is faster. Both
 * G's last layer and the input gradient of D's first layer are such convolutions.
 */
final class TransposedConvolution {

    /** The most output channels for which this is faster than deconv2d (measured at 1, 3 and 8). */
    static final long MAX_CHANNELS = 3;

    private TransposedConvolution() {
    }

    /**
     * {@code out} [N, cOut, H, W] (C order) = the transposed convolution of {@code in} [N, cIn, h, w]
     * with {@code kernel} [cIn, cOut, kH, kW] (C order), without same-mode padding; the geometry
     * arrays are {height, width}. Temporaries go to the current workspace.
     */
    static void into(INDArray in, INDArray kernel, int[] stride, int[] padding, int[] dilation, INDArray out) {
        long batch = in.size(0);
        long inChannels = in.size(1);
        long h = in.size(2);
        long w = in.size(3);
        long outChannels = kernel.size(1);
        long kH = kernel.size(2);
        long kW = kernel.size(3);
        // Channels first, so that one product serves the whole batch: [cIn, N·h·w].
        INDArray channelsFirst = Nd4j.createUninitialized(in.dataType(), inChannels, batch, h * w);
        Nd4j.exec(DynamicCustomOp.builder("permute").addInputs(in.reshape('c', batch, inChannels, h * w))
                .addOutputs(channelsFirst).addIntegerArguments(1, 0, 2).build());
        INDArray columns = Nd4j.createUninitialized(in.dataType(), outChannels * kH * kW, batch * h * w);
        MatMul.into(kernel.reshape('c', inChannels, outChannels * kH * kW), true,
                channelsFirst.reshape('c', inChannels, batch * h * w), false, columns);
        Nd4j.exec(DynamicCustomOp.builder("col2im")
                .addInputs(columns.reshape('c', outChannels, kH, kW, batch, h, w).permute(3, 0, 1, 2, 4, 5))
                .addOutputs(out)
                .addIntegerArguments(stride[0], stride[1], padding[0], padding[1], (int) out.size(2), (int) out.size(3),
                        dilation[0], dilation[1], 0)
                .build());
    }
}
