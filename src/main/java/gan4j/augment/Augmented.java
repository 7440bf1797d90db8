package gan4j.augment;

import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** A batch after augmentation, with the transforms drawn for it, to carry D's gradient back to G. */
public final class Augmented {

    private final INDArray images;
    private final List<Transform> transforms;

    Augmented(INDArray images, List<Transform> transforms) {
        this.images = images;
        this.transforms = List.copyOf(transforms);
    }

    /** What D sees. */
    public INDArray images() {
        return images;
    }

    /** dLoss/dOriginal from dLoss/dAugmented: the transposed transforms in reverse order. */
    public INDArray backward(INDArray gradient) {
        if (transforms.isEmpty()) {
            return gradient;
        }
        double[] values = gradient.dup('c').data().asDouble();
        for (int t = transforms.size() - 1; t >= 0; t--) {
            values = transforms.get(t).backward(values);
        }
        return create(values, gradient.shape(), gradient.dataType());
    }

    static INDArray create(double[] values, long[] shape, DataType type) {
        if (type != DataType.FLOAT) {
            return Nd4j.create(values, shape, DataType.DOUBLE).castTo(type);
        }
        // Straight to floats: the networks train in FLOAT, and a double copy would be cast at once.
        float[] floats = new float[values.length];
        for (int e = 0; e < values.length; e++) {
            floats[e] = (float) values[e];
        }
        return Nd4j.create(floats, shape, 'c');
    }
}
