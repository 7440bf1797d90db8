package gan4j.model;

import gan4j.data.Dataset;
import gan4j.data.ToyDataset;
import java.util.Arrays;
import java.util.List;

/**
 * What a model was sized for, beyond its configuration: the shape of one sample (channels × height ×
 * width for images, dimensions for points), the class names of its data, and the spread of toy
 * coordinates that MLPs scale their output by.
 */
public record ModelSpec(long[] sampleShape, List<String> classNames, double dataScale) {

    /** Largest side, channel count or point dimension a spec may name. */
    static final long MAX_EXTENT = 4096;
    static final int MAX_CLASSES = 100_000;
    static final int MAX_CLASS_NAME = 256;

    public ModelSpec {
        sampleShape = sampleShape.clone();
        classNames = List.copyOf(classNames);
        if (sampleShape.length != 1 && sampleShape.length != 3) {
            throw new IllegalArgumentException("a sample is a point or an image, not of shape "
                    + Arrays.toString(sampleShape));
        }
        for (long extent : sampleShape) {
            if (extent < 1 || extent > MAX_EXTENT) {
                throw new IllegalArgumentException("sample extents lie in 1.." + MAX_EXTENT + ", not " + extent);
            }
        }
        if (classNames.isEmpty() || classNames.size() > MAX_CLASSES) {
            throw new IllegalArgumentException("a model knows 1.." + MAX_CLASSES + " classes, not "
                    + classNames.size());
        }
        for (String name : classNames) {
            if (name.isEmpty() || name.length() > MAX_CLASS_NAME) {
                throw new IllegalArgumentException("class names have 1.." + MAX_CLASS_NAME + " characters");
            }
        }
        if (!(dataScale > 0) || Double.isInfinite(dataScale)) {
            throw new IllegalArgumentException("the data scale must be positive and finite, not " + dataScale);
        }
    }

    /** The spec of a model trained on {@code data}. */
    public static ModelSpec of(Dataset data) {
        double scale = data instanceof ToyDataset toy ? toy.mixture().coordinateStd() : 1;
        return new ModelSpec(data.sampleShape(), data.classNames(), scale);
    }

    public boolean images() {
        return sampleShape.length == 3;
    }

    @Override
    public long[] sampleShape() {
        return sampleShape.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelSpec other && Arrays.equals(sampleShape, other.sampleShape)
                && classNames.equals(other.classNames) && Double.compare(dataScale, other.dataScale) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(sampleShape) + classNames.hashCode()) + Double.hashCode(dataScale);
    }

    /** For messages: "1×28×28 samples in 10 classes". */
    public String describe() {
        return Arrays.stream(sampleShape).mapToObj(Long::toString).collect(java.util.stream.Collectors.joining("×"))
                + " samples in " + classNames.size() + (classNames.size() == 1 ? " class" : " classes")
                + (dataScale == 1 ? "" : " at scale " + dataScale);
    }
}
