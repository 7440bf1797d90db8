package gan4j.nn.layer;

import gan4j.data.Batch;
import java.util.Collections;
import java.util.Map;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.normalization.BatchNormalizationHelper;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarMultiplication;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.SubOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Batch normalisation of an NCHW activation (DL4J hands 2-D ones over as [N, C, 1, 1]) for DL4J's
 * {@code BatchNormalization} layer, in place of its oneDNN helper, whose {@code batchnorm_bp} and
 * legacy mean and variance reductions took 22 ms forward and 26 ms backward on 64×64×32×32 floats.
 * Every pass over the activation is one of three ND4J ops that run near memory speed at any map
 * size: {@link ChannelAdd} for per-channel additions, a scalar multiplication along the H×W
 * planes for per-channel factors, and {@link ChannelSums} for per-channel sums. ND4J's broadcasting
 * {@code multiply} and its {@code moments} are 3–4× slower on 7×7 and 14×14 maps (on 64×128×7×7:
 * 0.22 ms against 0.05–0.12 ms per pass, and 0.6–0.8 ms for the statistics against 0.45 ms).
 */
final class BatchNormHelper implements BatchNormalizationHelper {

    private final ChannelSums sums = new ChannelSums();
    private INDArray meanCache;
    private INDArray varCache;
    private final ConstantMatrix planeZeros = new ConstantMatrix(0);

    @Override
    public boolean checkSupported() {
        return true;
    }

    @Override
    public boolean checkSupported(double eps, boolean fixedGammaBeta) {
        return !fixedGammaBeta;
    }

    /**
     * Training: y = (x − m)·γ/√(v + ε) + β with the batch mean m and the variance v of the centred
     * values (two passes, so float32 loses nothing to a large mean). Inference: the same with the
     * running statistics, as y = x·scale + shift.
     */
    @Override
    public INDArray preOutput(INDArray x, boolean training, long[] shape, INDArray gamma, INDArray beta,
                              INDArray mean, INDArray var, double decay, double eps, CNN2DFormat format,
                              LayerWorkspaceMgr workspaces) {
        long channels = x.size(1);
        INDArray out = workspaces.createUninitialized(ArrayType.ACTIVATIONS, x.dataType(), x.shape(), 'c');
        INDArray shift = beta.reshape(channels);
        INDArray scale;
        if (training) {
            allocateStatistics(channels, x.dataType());
            double perChannel = x.length() / (double) channels;
            meanCache.assign(sums.of(x).divi(perChannel));
            ChannelAdd.into(x, meanCache.neg(), out);
            INDArray squares = workspaces.createUninitialized(ArrayType.FF_WORKING_MEM, x.dataType(), x.shape(), 'c');
            Nd4j.exec(new MulOp(out, out, squares));
            varCache.assign(sums.of(squares).divi(perChannel));
            scale = Transforms.pow(varCache.add(eps), -0.5, false).muli(gamma.reshape(channels));
            multiplyPerChannel(out, scale, out);
        } else {
            scale = Transforms.pow(var.reshape(channels).add(eps), -0.5, false).muli(gamma.reshape(channels));
            shift = shift.sub(mean.reshape(channels).mul(scale));
            multiplyPerChannel(x, scale, out);
        }
        ChannelAdd.into(out, shift, out);
        return out;
    }

    /**
     * dL/dx = a·(dy − Σdy/M − x̂·Σ(dy·x̂)/M) with a = γ/√(v + ε), x̂ = (x − m)/√(v + ε) and M the
     * number of values per channel; dL/dγ = Σ(dy·x̂), dL/dβ = Σdy. Written over the centred input
     * c = x − m: dL/dx = a·dy − c·a·Σ(dy·c)/((v + ε)·M) − a·Σdy/M.
     */
    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray input, INDArray epsilon, long[] shape,
                                                     INDArray gamma, INDArray beta, INDArray dGammaView,
                                                     INDArray dBetaView, double eps, CNN2DFormat format,
                                                     LayerWorkspaceMgr workspaces) {
        long channels = input.size(1);
        DataType type = input.dataType();
        double perChannel = input.length() / (double) channels;
        INDArray invStd = Transforms.pow(varCache.add(eps), -0.5, false);

        INDArray centred = workspaces.createUninitialized(ArrayType.BP_WORKING_MEM, type, input.shape(), 'c');
        ChannelAdd.into(input, meanCache.neg(), centred);
        INDArray product = workspaces.createUninitialized(ArrayType.BP_WORKING_MEM, type, input.shape(), 'c');
        Nd4j.exec(new MulOp(epsilon, centred, product));
        INDArray dBeta = sums.of(epsilon);
        INDArray dGamma = sums.of(product).muli(invStd);

        INDArray a = invStd.mul(gamma.reshape(channels));
        INDArray inputGradient = workspaces.createUninitialized(ArrayType.ACTIVATION_GRAD, type, input.shape(), 'c');
        multiplyPerChannel(epsilon, a, inputGradient);
        multiplyPerChannel(centred, a.mul(invStd).muli(dGamma).divi(perChannel), product);
        Nd4j.exec(new SubOp(inputGradient, product, inputGradient));
        ChannelAdd.into(inputGradient, a.mul(dBeta).divi(-perChannel), inputGradient);

        dGammaView.assign(dGamma.reshape(dGammaView.shape()));
        dBetaView.assign(dBeta.reshape(dBetaView.shape()));
        Gradient gradient = new DefaultGradient();
        gradient.setGradientFor(BatchNormalizationParamInitializer.GAMMA, dGammaView);
        gradient.setGradientFor(BatchNormalizationParamInitializer.BETA, dBetaView);
        return new Pair<>(gradient, inputGradient);
    }

    /** Batch statistics live outside workspaces: the layer reads them after the pass for its running averages. */
    private void allocateStatistics(long channels, DataType type) {
        if (meanCache == null || meanCache.length() != channels || meanCache.dataType() != type) {
            try (MemoryWorkspace none = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
                meanCache = Nd4j.createUninitialized(type, channels);
                varCache = Nd4j.createUninitialized(type, channels);
            }
        }
    }

    /**
     * {@code out} = {@code x} · {@code perChannel} broadcast over N, H and W: each H×W plane scaled
     * by its own scalar, the channel factors repeated for every sample; {@code out} may be {@code x}.
     */
    private void multiplyPerChannel(INDArray x, INDArray perChannel, INDArray out) {
        INDArray perPlane = Nd4j.createUninitialized(x.dataType(), x.size(0), x.size(1));
        ChannelAdd.into(planeZeros.of(x.dataType(), x.size(0), x.size(1)), perChannel, perPlane);
        ScalarMultiplication op = new ScalarMultiplication(x, perPlane.reshape(perPlane.length()), out, 0.0);
        op.setDimension(2, 3);
        Nd4j.exec(op);
    }

    @Override
    public INDArray getMeanCache(DataType dataType) {
        return meanCache;
    }

    @Override
    public INDArray getVarCache(DataType dataType) {
        return varCache;
    }

    @Override
    public Map<String, Long> helperMemoryUse() {
        return Collections.emptyMap();
    }
}
