package gan4j.augment;

/**
 * y = aᵢ·x + (1 − aᵢ)·m(x) + bᵢ per sample i, where m averages over a group of elements: the colour
 * ops of DiffAugment. Saturation blends each pixel with the mean of its channels, contrast each
 * sample with the mean of all its elements, brightness only shifts (a = 1). The averaging is
 * symmetric, so the gradient is aᵢ·g + (1 − aᵢ)·m(g).
 */
final class MeanBlend implements Transform {

    /** Which elements share a mean. */
    enum Group { CHANNELS_OF_PIXEL, WHOLE_SAMPLE }

    private final Planes planes;
    private final Group group;
    private final double[] scale;
    private final double[] shift;

    MeanBlend(Planes planes, Group group, double[] scale, double[] shift) {
        this.planes = planes;
        this.group = group;
        this.scale = scale;
        this.shift = shift;
    }

    @Override
    public double[] forward(double[] images) {
        blend(images);
        for (int i = 0; i < planes.n(); i++) {
            int from = i * planes.perSample();
            for (int e = from; e < from + planes.perSample(); e++) {
                images[e] += shift[i];
            }
        }
        return images;
    }

    @Override
    public double[] backward(double[] gradient) {
        blend(gradient);
        return gradient;
    }

    private void blend(double[] values) {
        for (int i = 0; i < planes.n(); i++) {
            double a = scale[i];
            if (a == 1) {
                continue;
            }
            if (group == Group.WHOLE_SAMPLE) {
                int from = i * planes.perSample();
                double sum = 0;
                for (int e = from; e < from + planes.perSample(); e++) {
                    sum += values[e];
                }
                double mean = sum / planes.perSample();
                for (int e = from; e < from + planes.perSample(); e++) {
                    values[e] = a * values[e] + (1 - a) * mean;
                }
            } else {
                int plane = planes.h() * planes.w();
                for (int p = 0; p < plane; p++) {
                    int first = planes.index(i, 0, 0, 0) + p;
                    double sum = 0;
                    for (int c = 0; c < planes.c(); c++) {
                        sum += values[first + c * plane];
                    }
                    double mean = sum / planes.c();
                    for (int c = 0; c < planes.c(); c++) {
                        values[first + c * plane] = a * values[first + c * plane] + (1 - a) * mean;
                    }
                }
            }
        }
    }
}
