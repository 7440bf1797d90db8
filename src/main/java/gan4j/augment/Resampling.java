package gan4j.augment;

/**
 * A geometric transform: each output element copies one input element, or is zero. Translation,
 * cutout, flips and rotations are all of this form, so their gradient is the scatter back along the
 * same map: every input element receives the gradients of the outputs that copied it.
 */
final class Resampling implements Transform {

    /** For each output element, the input element it copies, or -1 for zero. */
    private final int[] source;

    Resampling(int[] source) {
        this.source = source;
    }

    @Override
    public double[] forward(double[] images) {
        double[] out = new double[source.length];
        for (int o = 0; o < source.length; o++) {
            if (source[o] >= 0) {
                out[o] = images[source[o]];
            }
        }
        return out;
    }

    @Override
    public double[] backward(double[] gradient) {
        double[] in = new double[source.length];
        for (int o = 0; o < source.length; o++) {
            if (source[o] >= 0) {
                in[source[o]] += gradient[o];
            }
        }
        return in;
    }
}
