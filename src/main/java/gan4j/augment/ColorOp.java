package gan4j.augment;

import java.util.SplittableRandom;

/**
 * DiffAugment's colour ops (Zhao et al. 2020, {@code DiffAugment_pytorch.py}), on images in [-1, 1]:
 * brightness adds U(−0.5, 0.5), saturation scales each pixel's deviation from its channel mean by
 * U(0, 2), contrast scales each sample's deviation from its mean by U(0.5, 1.5).
 */
enum ColorOp implements AugmentOp {
    BRIGHTNESS {
        @Override
        public Transform draw(Planes planes, boolean[] active, SplittableRandom random) {
            double[] shift = new double[planes.n()];
            for (int i = 0; i < shift.length; i++) {
                double drawn = random.nextDouble() - 0.5;
                shift[i] = active[i] ? drawn : 0;
            }
            return new MeanBlend(planes, MeanBlend.Group.WHOLE_SAMPLE, ones(planes.n()), shift);
        }
    },
    SATURATION {
        @Override
        public Transform draw(Planes planes, boolean[] active, SplittableRandom random) {
            return new MeanBlend(planes, MeanBlend.Group.CHANNELS_OF_PIXEL, scales(active, random, 0, 2),
                    new double[planes.n()]);
        }
    },
    CONTRAST {
        @Override
        public Transform draw(Planes planes, boolean[] active, SplittableRandom random) {
            return new MeanBlend(planes, MeanBlend.Group.WHOLE_SAMPLE, scales(active, random, 0.5, 1.5),
                    new double[planes.n()]);
        }
    };

    private static double[] scales(boolean[] active, SplittableRandom random, double low, double high) {
        double[] scale = new double[active.length];
        for (int i = 0; i < scale.length; i++) {
            double drawn = low + (high - low) * random.nextDouble();
            scale[i] = active[i] ? drawn : 1;
        }
        return scale;
    }

    private static double[] ones(int n) {
        double[] ones = new double[n];
        java.util.Arrays.fill(ones, 1);
        return ones;
    }
}
