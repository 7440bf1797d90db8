package gan4j.objective;

import java.util.function.DoubleUnaryOperator;

/**
 * One per-sample loss term ℓ(s) of a raw score and its slope dℓ/ds.
 *
 * <p>Every objective here is a batch mean of such terms, on the real scores, the fake scores, or
 * both, so {@link Pointwise} can turn a pair of terms into a {@link LossAndGrad}.
 */
record Term(DoubleUnaryOperator value, DoubleUnaryOperator slope) {

    static Term of(DoubleUnaryOperator value, DoubleUnaryOperator slope) {
        return new Term(value, slope);
    }

    /** −ℓ(s), with slope −ℓ'(s). */
    Term negated() {
        return new Term(s -> -value.applyAsDouble(s), s -> -slope.applyAsDouble(s));
    }
}
