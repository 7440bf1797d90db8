package gan4j.augment;

/** The layout of a batch of images as a flat array: n samples of c channels of h×w pixels, row-major. */
public record Planes(int n, int c, int h, int w) {

    public int index(int sample, int channel, int row, int column) {
        return ((sample * c + channel) * h + row) * w + column;
    }

    public int size() {
        return n * c * h * w;
    }

    /** Elements per sample. */
    public int perSample() {
        return c * h * w;
    }
}
