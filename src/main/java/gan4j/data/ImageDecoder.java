package gan4j.data;

import static org.bytedeco.opencv.global.opencv_core.CV_16U;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.io.IOException;
import java.nio.file.Path;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;
import org.datavec.image.loader.NativeImageLoader;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Decodes one image file into a square grey or RGB sample in [-1, 1]; holds per-thread scratch
 * memory, so each thread needs its own.
 *
 * <p>DataVec's {@link NativeImageLoader} decodes through OpenCV, converts the channel count,
 * crops and resizes; its output planes are in OpenCV's BGR order (a colour file decodes to BGR,
 * a grey file is expanded with GRAY2BGR, colour is reduced with BGR2GRAY). This class reorders
 * them to RGB while scaling.
 */
final class ImageDecoder {

    private final int channels;
    private final SquareCropLoader loader;
    // The loader fills this [channels, size, size] array; reused across calls to avoid an
    // off-heap allocation per image.
    private final INDArray planes;

    ImageDecoder(int size, int channels) {
        this.channels = channels;
        this.loader = new SquareCropLoader(size, channels);
        // Outside any workspace: a workspace open on the calling thread would reclaim the array.
        try (MemoryWorkspace none = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            this.planes = Nd4j.create(DataType.FLOAT, channels, size, size);
        }
    }

    /**
     * Writes the image at {@code file} into {@code dst} from {@code offset}, channels × size × size
     * floats; leaves {@code dst} untouched if the file cannot be decoded or is too large to decode.
     */
    void decode(Path file, float[] dst, int offset) throws IOException {
        ImageHeader.checkSize(file);
        loader.asMatrixView(file.toFile(), planes);
        float[] bgr = planes.data().asFloat();
        int plane = bgr.length / channels;
        for (int c = 0; c < channels; c++) {
            // Channel c of the RGB output is plane (channels - 1 - c) of the BGR input.
            int from = (channels - 1 - c) * plane;
            int to = offset + c * plane;
            for (int i = 0; i < plane; i++) {
                dst[to + i] = bgr[from + i] / 127.5f - 1f;
            }
        }
    }

    /**
     * A NativeImageLoader that crops the centred min(h, w) square, where the stock crop keeps a
     * rectangle (100×60 becomes 80×60), and shrinks with area averaging instead of bilinear
     * sampling, which aliases when shrinking by more than 2.
     */
    private static final class SquareCropLoader extends NativeImageLoader {

        SquareCropLoader(int size, int channels) {
            super(size, size, channels, true);
        }

        // The loader's only hook between decoding and filling the array, so 16-bit files are
        // brought to 8 bits here too: the array would otherwise hold values up to 65535.
        @Override
        protected Mat centerCropIfNeeded(Mat image) {
            Mat eightBit = toEightBit(image);
            int side = Math.min(eightBit.rows(), eightBit.cols());
            int x = (eightBit.cols() - side) / 2;
            int y = (eightBit.rows() - side) / 2;
            return eightBit.apply(new Rect(x, y, side, side));
        }

        @Override
        protected Mat scalingIfNeed(Mat image, long height, long width) {
            if (image.rows() == height && image.cols() == width) {
                return image;
            }
            boolean shrinking = image.rows() > height || image.cols() > width;
            Mat scaled = new Mat();
            resize(image, scaled, new Size((int) width, (int) height), 0, 0, shrinking ? INTER_AREA : INTER_LINEAR);
            return scaled;
        }

        private static Mat toEightBit(Mat image) {
            if (image.depth() == CV_8U) {
                return image;
            }
            if (image.depth() == CV_16U) {
                Mat converted = new Mat();
                image.convertTo(converted, CV_8U, 1.0 / 257, 0);
                return converted;
            }
            throw new IllegalArgumentException("unsupported pixel depth " + image.depth()
                    + " (only 8- and 16-bit images are read)");
        }
    }
}
