package gan4j.augment;

/**
 * One augmentation op with its random parameters drawn: an affine map of the batch, and the transpose
 * of its linear part, which carries dLoss/dOutput back to dLoss/dInput.
 */
interface Transform {

    /** The transformed batch, a new array (or {@code images} itself, changed in place). */
    double[] forward(double[] images);

    /** dLoss/dInput from dLoss/dOutput, a new array (or {@code gradient} itself, changed in place). */
    double[] backward(double[] gradient);
}
