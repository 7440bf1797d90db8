package gan4j.export;

/**
 * A batch of generated images as unsigned bytes in height × width × channel order per image (the
 * layout PIL, NumPy and the FID tools read), with the class each was generated for (or -1).
 */
public record ExportedBatch(byte[] pixels, int[] labels, int height, int width, int channels) {

    public int count() {
        return labels.length;
    }

    public int imageBytes() {
        return height * width * channels;
    }
}
