package gan4j.nn.backend;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Standalone benchmark and helper-numerics check for the DL4J backend choices (not a unit test; run by hand).
 *
 * <pre>
 *   java -cp target/classes:target/test-classes:$(cat cp.txt) gan4j.nn.backend.DcganBench bench dcgan64 [warmup] [steps] [batch]
 *   java ... gan4j.nn.backend.DcganBench check dcgan28|dcgan64 [batch]
 * </pre>
 *
 * One step = what PyTorch's DCGAN example does per batch: G forward on noise; D forward+backward on a real batch
 * (label 1) and on the fake batch (label 0), D Adam update with the summed gradient; D forward+backward on the fake
 * batch (label 1), the input gradient backpropagated through G, G Adam update. The backend is chosen by
 * {@link CpuBackend} (GAN4J_NATIVE, GAN4J_ONEDNN, GAN4J_HELPERS).
 */
public final class DcganBench {

    private DcganBench() {
    }

    public static void main(String[] args) {
        CpuBackend.configure();
        String mode = args.length > 0 ? args[0] : "bench";
        String model = args.length > 1 ? args[1] : "dcgan28";
        CpuBackend.init();
        switch (mode) {
            case "bench":
                bench(model, intArg(args, 2, 3), intArg(args, 3, 10), intArg(args, 4, 64));
                break;
            case "trace":
                trace(model, intArg(args, 2, 64), intArg(args, 3, 3));
                break;
            case "check":
                System.exit(check(model, intArg(args, 2, 64), intArg(args, 3, 3)) ? 0 : 1);
                break;
            default:
                throw new IllegalArgumentException("mode: bench or check");
        }
    }

    private static int intArg(String[] a, int i, int dflt) {
        return a.length > i ? Integer.parseInt(a[i]) : dflt;
    }

    /** Layers of a network that got a oneDNN (or other) helper. */
    static int helperCount(MultiLayerNetwork net) {
        int n = 0;
        for (Layer l : net.getLayers()) {
            if (l.getHelper() != null) {
                n++;
            }
        }
        return n;
    }

    static final class Gan {
        final String model;
        final int batch;
        final MultiLayerNetwork g;
        final MultiLayerNetwork d;
        final INDArray ones;
        final INDArray zeros;

        Gan(String model, int batch, long seed) {
            this(model, batch, seed, DataType.FLOAT);
        }

        Gan(String model, int batch, long seed, DataType dtype) {
            this.model = model;
            this.batch = batch;
            MultiLayerNetwork[] nets = DcganNets.build(model, seed, dtype);
            g = nets[0];
            d = nets[1];
            ones = Nd4j.ones(dtype, DcganNets.labelShape(model, batch));
            zeros = Nd4j.zeros(dtype, DcganNets.labelShape(model, batch));
        }

        /** G forward in training mode, keeping layer inputs for the later backward pass. */
        INDArray generate(INDArray z) {
            g.setInput(z);
            List<INDArray> acts = g.feedForward(true, false);
            return acts.get(acts.size() - 1);
        }

        /** One full GAN step; the effect is in the parameters. */
        void step(INDArray real, INDArray z) {
            step(real, z, null);
        }

        /** One full GAN step; if {@code trace} is given, copies of the intermediate arrays are added to it. */
        void step(INDArray real, INDArray z, List<INDArray> trace) {
            INDArray fake = generate(z);
            // D on real (1) and fake (0), summed.
            Gradient gReal = d.calculateGradients(real, ones, null, null).getFirst();
            INDArray sum = gReal.gradient().dup();
            Gradient gFake = d.calculateGradients(fake, zeros, null, null).getFirst();
            gFake.gradient().addi(sum);
            if (trace != null) {
                trace.add(fake.dup());
                trace.add(sum);
                trace.add(gFake.gradient().dup());
            }
            apply(d, gFake, batch);
            // G: D on fake with label 1, dLoss/dFake through G (G still holds its forward-pass inputs).
            INDArray epsFake = d.calculateGradients(fake, ones, null, null).getSecond().dup();
            Pair<Gradient, INDArray> gg = g.backpropGradient(epsFake, LayerWorkspaceMgr.noWorkspaces());
            if (trace != null) {
                trace.add(d.params().dup());
                trace.add(epsFake);
                trace.add(gg.getFirst().gradient().dup());
            }
            apply(g, gg.getFirst(), batch);
            if (trace != null) {
                trace.add(g.params().dup());
            }
        }
    }

    /** Adam update as fit() would do it, including the iteration count (Adam's bias correction). */
    static void apply(MultiLayerNetwork net, Gradient grad, int batch) {
        net.getUpdater().update(net, grad, net.getIterationCount(), net.getEpochCount(), batch,
                LayerWorkspaceMgr.noWorkspaces());
        net.params().subi(grad.gradient());
        net.setIterationCount(net.getIterationCount() + 1);
    }

    static void bench(String model, int warmup, int steps, int batch) {
        Nd4j.getRandom().setSeed(42);
        Gan gan = new Gan(model, batch, 42);
        System.out.printf(Locale.ROOT, "model %s batch %d: G %d params, D %d params, helpers G %d/%d D %d/%d layers%n",
                model, batch, gan.g.numParams(), gan.d.numParams(),
                helperCount(gan.g), gan.g.getLayers().length, helperCount(gan.d), gan.d.getLayers().length);
        INDArray real = Nd4j.rand(DcganNets.imageShape(model, batch)).muli(2).subi(1);
        double[] times = new double[steps];
        double[] cpu = new double[steps];
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        for (int i = 0; i < warmup + steps; i++) {
            INDArray z = Nd4j.randn(DcganNets.noiseShape(model, batch));
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            gan.step(real, z);
            double s = (System.nanoTime() - t0) / 1e9;
            if (i >= warmup) {
                times[i - warmup] = s;
                cpu[i - warmup] = (os.getProcessCpuTime() - c0) / 1e9;
            }
        }
        double[] cpuSorted = cpu.clone();
        Arrays.sort(cpuSorted);
        double[] sorted = times.clone();
        Arrays.sort(sorted);
        double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        StringBuilder sb = new StringBuilder();
        for (double t : times) {
            sb.append(String.format(Locale.ROOT, " %.3f", t));
        }
        System.out.printf(Locale.ROOT, "steps:%s%n", sb);
        System.out.printf(Locale.ROOT, "RESULT %s %s median %.3f s/step min %.3f (n=%d, warmup %d) cpu median %.3f s/step%n",
                model, CpuBackend.describe().replace("backend: ", "").replace(", ", "|"), median, sorted[0], steps, warmup,
                cpuSorted[cpuSorted.length / 2]);
    }

    static final String[] TRACE = {"fake", "D grad real", "D grad real+fake", "D params after", "eps fake",
        "G grad", "G params after"};

    /** Diagnostics: traces every intermediate of a few steps, float helpers on/off vs float64. */
    static void trace(String model, int batch, int steps) {
        Gan off = gan(model, batch, false, DataType.FLOAT);
        Gan on = gan(model, batch, true, DataType.FLOAT);
        Gan ref = gan(model, batch, false, DataType.DOUBLE);
        on.g.setParams(off.g.params().dup());
        on.d.setParams(off.d.params().dup());
        ref.g.setParams(off.g.params().castTo(DataType.DOUBLE));
        ref.d.setParams(off.d.params().castTo(DataType.DOUBLE));
        Nd4j.getRandom().setSeed(123);
        INDArray real = Nd4j.rand(DataType.DOUBLE, DcganNets.imageShape(model, batch)).muli(2).subi(1);
        INDArray g0 = off.g.params().dup();
        INDArray d0 = off.d.params().dup();
        for (int s = 0; s < steps; s++) {
            INDArray z = Nd4j.randn(DataType.DOUBLE, DcganNets.noiseShape(model, batch));
            List<INDArray> tOff = new ArrayList<>();
            List<INDArray> tOn = new ArrayList<>();
            List<INDArray> tRef = new ArrayList<>();
            off.step(real.castTo(DataType.FLOAT), z.castTo(DataType.FLOAT), tOff);
            on.step(real.castTo(DataType.FLOAT), z.castTo(DataType.FLOAT), tOn);
            ref.step(real, z, tRef);
            for (int i = 0; i < TRACE.length; i++) {
                INDArray a = tOn.get(i);
                INDArray b = tOff.get(i);
                INDArray r = tRef.get(i);
                if (TRACE[i].endsWith("params after")) { // compare the change since the start
                    INDArray p0 = TRACE[i].startsWith("G") ? g0 : d0;
                    a = a.sub(p0);
                    b = b.sub(p0);
                    r = r.sub(p0.castTo(DataType.DOUBLE));
                }
                System.out.printf(Locale.ROOT, "step %d %-20s on vs off %.2e  off vs f64 %.2e  on vs f64 %.2e%n", s + 1,
                        TRACE[i] + (TRACE[i].endsWith("after") ? " (delta)" : ""), relErr(a, b), relErr(b, r), relErr(a, r));
            }
        }
    }

    /** ||a-b|| / ||b|| in double precision. */
    static double relErr(INDArray a, INDArray b) {
        INDArray ad = a.castTo(DataType.DOUBLE);
        INDArray bd = b.castTo(DataType.DOUBLE);
        double scale = bd.norm2Number().doubleValue();
        double diff = ad.sub(bd).norm2Number().doubleValue();
        return scale == 0 ? diff : diff / scale;
    }

    private static Gan gan(String model, int batch, boolean helpers, DataType dtype) {
        String old = System.getProperty(CpuBackend.HELPERS_DISABLE);
        System.setProperty(CpuBackend.HELPERS_DISABLE, String.valueOf(!helpers));
        try {
            return new Gan(model, batch, 7, dtype);
        } finally {
            if (old == null) {
                System.clearProperty(CpuBackend.HELPERS_DISABLE);
            } else {
                System.setProperty(CpuBackend.HELPERS_DISABLE, old);
            }
        }
    }

    /** The quantities compared: one forward/backward pass from a given state, then the update of one full step. */
    static final String[] QUANTITIES = {"G output", "D output (real)", "D param grads", "D input grad",
        "G param grads", "G update (1 step)", "D update (1 step)"};

    /** Computes {@link #QUANTITIES} for one network pair on fixed inputs (cast to the pair's type). */
    static List<INDArray> quantities(Gan gan, INDArray real, INDArray z, INDArray stepNoise) {
        DataType t = gan.g.params().dataType();
        INDArray r = real.castTo(t);
        List<INDArray> out = new ArrayList<>();
        INDArray fake = gan.generate(z.castTo(t)).dup();
        out.add(fake);
        out.add(gan.d.output(r, true).dup());
        Pair<Gradient, INDArray> p = gan.d.calculateGradients(fake, gan.ones, null, null);
        out.add(p.getFirst().gradient().dup());
        INDArray dIn = p.getSecond().dup();
        out.add(dIn);
        out.add(gan.g.backpropGradient(dIn, LayerWorkspaceMgr.noWorkspaces()).getFirst().gradient().dup());
        INDArray g0 = gan.g.params().dup();
        INDArray d0 = gan.d.params().dup();
        gan.step(r, stepNoise.castTo(t));
        out.add(gan.g.params().sub(g0));
        out.add(gan.d.params().sub(d0));
        return out;
    }

    /** Makes {@code dst} a copy of {@code src}: parameters, Adam state, iteration count (any floating type). */
    static void copyState(Gan src, Gan dst) {
        for (MultiLayerNetwork[] pair : new MultiLayerNetwork[][] {{src.g, dst.g}, {src.d, dst.d}}) {
            pair[1].params().assign(pair[0].params());
            pair[1].getUpdater().getStateViewArray().assign(pair[0].getUpdater().getStateViewArray());
            pair[1].setIterationCount(pair[0].getIterationCount());
        }
    }

    /**
     * Same seed and parameters; float32 with helpers off, float32 with helpers on, and a float64 reference
     * (helpers off; the oneDNN helpers only take float32). At {@code states} training states (the helpers-off net
     * trains one step between them; the others are reset to its parameters and Adam state), compares one
     * forward/backward pass and one full step's update, as relative L2 errors: helpers on vs off, and each
     * against float64. A quantity passes when on vs off is below 1e-4, or when helpers-on is no further from
     * float64 than 2x helpers-off (+1e-6).
     *
     * <p>With (leaky) ReLUs, a pre-activation within float32 rounding of 0 lands on either side of the kink
     * depending on summation order; that one element changes the backpropagated gradient by a finite amount
     * (measured: one flipped element of 401,408 gave a 4.8e-4 relative difference of D's input gradient, with either
     * implementation as the one that flipped), and Adam's first step, which is nearly sign(g), magnifies it. So the
     * one-step updates are reported but only counted with {@code -Dgan4j.bench.smooth=true} (ELU instead of ReLUs).
     */
    static boolean check(String model, int batch, int states) {
        Gan off = gan(model, batch, false, DataType.FLOAT);
        Gan on = gan(model, batch, true, DataType.FLOAT);
        Gan ref = gan(model, batch, false, DataType.DOUBLE);
        Gan train = gan(model, batch, false, DataType.FLOAT);
        copyState(off, train);
        int helpersOn = helperCount(on.g) + helperCount(on.d);
        int helpersOff = helperCount(off.g) + helperCount(off.d);
        System.out.printf("check %s batch %d: helper layers off-net %d, on-net %d%n", model, batch, helpersOff, helpersOn);
        Nd4j.getRandom().setSeed(123);
        INDArray real = Nd4j.rand(DataType.DOUBLE, DcganNets.imageShape(model, batch)).muli(2).subi(1);
        boolean ok = helpersOn > 0 && helpersOff == 0;
        double worstOnOff = 0;
        for (int state = 0; state < states; state++) {
            copyState(train, off);
            copyState(train, on);
            copyState(train, ref);
            INDArray z = Nd4j.randn(DataType.DOUBLE, DcganNets.noiseShape(model, batch));
            INDArray zStep = Nd4j.randn(DataType.DOUBLE, DcganNets.noiseShape(model, batch));
            List<INDArray> qOff = quantities(off, real, z, zStep);
            List<INDArray> qOn = quantities(on, real, z, zStep);
            List<INDArray> qRef = quantities(ref, real, z, zStep);
            System.out.printf(Locale.ROOT, "  state %d (after %d steps) %-8s %12s %12s %12s%n", state,
                    train.g.getIterationCount(), "", "on vs off", "off vs f64", "on vs f64");
            for (int i = 0; i < QUANTITIES.length; i++) {
                double onOff = relErr(qOn.get(i), qOff.get(i));
                double offRef = relErr(qOff.get(i), qRef.get(i));
                double onRef = relErr(qOn.get(i), qRef.get(i));
                boolean counted = i < 5 || DcganNets.smooth();
                boolean pass = onOff < 1e-4 || onRef <= 2 * offRef + 1e-6;
                ok &= pass || !counted;
                worstOnOff = Math.max(worstOnOff, onOff);
                System.out.printf(Locale.ROOT, "    %-30s %12.2e %12.2e %12.2e %s%n", QUANTITIES[i], onOff, offRef, onRef,
                        pass ? "ok" : counted ? "FAIL" : "(info)");
                if (!pass && QUANTITIES[i].contains("update")) {
                    boolean isG = QUANTITIES[i].startsWith("G");
                    MultiLayerNetwork n0 = isG ? train.g : train.d;
                    MultiLayerNetwork nOn = isG ? on.g : on.d;
                    MultiLayerNetwork nOff = isG ? off.g : off.d;
                    MultiLayerNetwork nRef = isG ? ref.g : ref.d;
                    for (String k : n0.paramTable().keySet()) {
                        INDArray p0 = n0.paramTable().get(k);
                        INDArray dOn = nOn.paramTable().get(k).sub(p0);
                        INDArray dOff = nOff.paramTable().get(k).sub(p0);
                        INDArray dRef = nRef.paramTable().get(k).sub(p0.castTo(DataType.DOUBLE));
                        System.out.printf(Locale.ROOT, "      %-12s %12.2e %12.2e %12.2e%n", k, relErr(dOn, dOff),
                                relErr(dOff, dRef), relErr(dOn, dRef));
                    }
                }
            }
            train.step(real.castTo(DataType.FLOAT), zStep.castTo(DataType.FLOAT));
        }
        System.out.printf(Locale.ROOT, "CHECK %s %s (worst on vs off %.2e)%n", model, ok ? "PASS" : "FAIL", worstOnOff);
        return ok;
    }
}
