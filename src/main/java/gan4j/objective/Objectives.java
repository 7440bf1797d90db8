package gan4j.objective;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The objective registry: maps a configuration node such as {@code {type: f_gan, divergence: alpha,
 * alpha: 0.5}} to an {@link Objective}, rejecting unknown types and unknown or ill-typed parameters
 * with a message that lists what is allowed.
 */
public final class Objectives {

    private static final String DIVERGENCE = "divergence";
    private static final String ALPHA = "alpha";
    private static final String SATURATING = "saturating";

    /** One constant per configuration name; the parameters each accepts and how it is built. */
    private enum Type {
        NON_SATURATING(List.of(), p -> new NonSaturating()),
        MINIMAX(List.of(), p -> new Minimax()),
        WASSERSTEIN(List.of(), p -> new Wasserstein()),
        HINGE(List.of(), p -> new Hinge()),
        LEAST_SQUARES(List.of(), p -> new LeastSquares()),
        F_GAN(List.of(DIVERGENCE, ALPHA, SATURATING), Objectives::fGan);

        final List<String> parameters;
        final Function<Map<String, ?>, Objective> factory;

        Type(List<String> parameters, Function<Map<String, ?>, Objective> factory) {
            this.parameters = parameters;
            this.factory = factory;
        }

        String configName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private Objectives() {
    }

    /** The allowed values of {@code type}, in a fixed order. */
    public static List<String> names() {
        return Arrays.stream(Type.values()).map(Type::configName).toList();
    }

    /** The objective of this type with these parameters (null or empty when it takes none). */
    public static Objective byName(String type, Map<String, ?> params) {
        Map<String, ?> p = params == null ? Map.of() : params;
        Type t = Arrays.stream(Type.values())
                .filter(candidate -> candidate.configName().equals(type))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown objective type '" + type + "'; allowed: " + String.join(", ", names())));
        for (String key : p.keySet()) {
            if (!t.parameters.contains(key)) {
                throw new IllegalArgumentException("objective '" + t.configName() + "' has no parameter '" + key + "'"
                        + (t.parameters.isEmpty() ? " (it takes none)" : "; allowed: " + String.join(", ", t.parameters)));
            }
        }
        return t.factory.apply(p);
    }

    /**
     * The objective that trains a model of {@code generators} generators: MAD-GAN's cross-entropy when
     * there are several (the loader refuses any other type with them), else {@link #byName}.
     */
    public static Objective forGenerators(int generators, String type, Map<String, ?> params) {
        return generators > 1 ? new MultiGeneratorCrossEntropy(generators) : byName(type, params);
    }

    private static Objective fGan(Map<String, ?> p) {
        Object d = p.get(DIVERGENCE);
        if (!(d instanceof String dName)) {
            throw new IllegalArgumentException("objective 'f_gan' needs 'divergence', one of: "
                    + String.join(", ", FDivergence.names()) + (d == null ? "" : "; got " + d));
        }
        FDivergence divergence = FDivergence.byName(dName);
        boolean saturating = false;
        if (p.containsKey(SATURATING)) {
            if (!(p.get(SATURATING) instanceof Boolean b)) {
                throw new IllegalArgumentException("f_gan 'saturating' must be true or false, got " + p.get(SATURATING));
            }
            saturating = b;
        }
        if (!divergence.takesAlpha()) {
            if (p.containsKey(ALPHA)) {
                throw new IllegalArgumentException("f_gan 'alpha' applies only to divergence 'alpha', not '" + dName + "'");
            }
            return new FGan(divergence, saturating);
        }
        if (!(p.get(ALPHA) instanceof Number alpha)) {
            throw new IllegalArgumentException("f_gan divergence 'alpha' needs a number 'alpha' (not 0 or 1)"
                    + (p.containsKey(ALPHA) ? ", got " + p.get(ALPHA) : ""));
        }
        return FGan.alpha(alpha.doubleValue(), saturating);
    }
}
