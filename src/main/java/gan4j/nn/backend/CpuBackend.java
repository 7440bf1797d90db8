package gan4j.nn.backend;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the nd4j-native build and switches DL4J's oneDNN layer helpers on, before ND4J initialises.
 *
 * <p>Call {@link #configure()} first thing in {@code main} (before anything touches ND4J, DL4J or any
 * other JavaCPP library), then {@link #init()} to load ND4J and log one line such as
 * {@code backend: nd4j-native linux-x86_64-onednn-avx512, oneDNN on, helpers on, 2 threads}.
 *
 * <p><b>How the build is chosen.</b> With several nd4j-native classifier jars on the classpath, JavaCPP
 * ({@code Loader.findLibrary}, javacpp 1.5.7) tries the preset's extension list
 * {@code -onednn, -onednn-avx512, -onednn-avx2, -vednn, -vednn-avx512, -vednn-avx2, -, -avx2, -avx512, -compat}
 * in <em>reverse</em> order, then the plain {@code linux-x86_64} folder, and loads the first library found: with the
 * {@code -onednn-avx512} and {@code -onednn-avx2} jars both present it picks {@code -onednn-avx2} whatever the CPU
 * (and an AVX2 build on a CPU without AVX2 exits). When the system property
 * {@code org.bytedeco.javacpp.platform.extension} is set, JavaCPP searches only that extension and then the plain
 * folder (ClassProperties l. 310-313, Loader.loadProperties l. 236-244, Loader.findLibrary l. 1537-1545). So this class reads the CPU flags
 * ({@code /proc/cpuinfo}), picks the best build that the CPU can run and whose jar is on the classpath, and sets
 * that property; a missing jar still falls back to the default build.
 *
 * <p><b>Settings</b> (a system property wins over the environment variable):
 * <ul>
 * <li>{@code GAN4J_NATIVE} / {@code -Dgan4j.native}: {@code auto} (default), {@code generic}, {@code avx2},
 *     {@code avx512}: the highest instruction set to use. A level the CPU lacks is refused with a warning
 *     (the build would crash), and the best supported one is used instead.</li>
 * <li>{@code GAN4J_ONEDNN} / {@code -Dgan4j.onednn}: {@code 1} (default) or {@code 0}. With 0 no oneDNN build is
 *     chosen, the helpers stay off, and if a oneDNN build is loaded anyway its native oneDNN use is switched off.</li>
 * <li>{@code GAN4J_HELPERS} / {@code -Dgan4j.helpers}: {@code 1} (default) or {@code 0}: DL4J's oneDNN layer
 *     helpers (conv, batch norm, pooling, LRN), sets {@code org.eclipse.deeplearning4j.helpers.disable}.</li>
 * <li>An explicit {@code -Dorg.bytedeco.javacpp.platform.extension=...} or
 *     {@code -Dorg.eclipse.deeplearning4j.helpers.disable=...} is respected and left as given.</li>
 * </ul>
 * Threads: ND4J uses {@code OMP_NUM_THREADS} if set, else the core count.
 *
 * <p>The helpers additionally need the class {@code org.nd4j.nativeblas.Nd4jCpu} shipped in this project (see its
 * Javadoc). Without nd4j-native on the classpath (the {@code cuda} profile) {@link #configure()} does nothing.
 */
public final class CpuBackend {

    public static final String ENV_NATIVE = "GAN4J_NATIVE";
    public static final String PROP_NATIVE = "gan4j.native";
    public static final String ENV_ONEDNN = "GAN4J_ONEDNN";
    public static final String PROP_ONEDNN = "gan4j.onednn";
    public static final String ENV_HELPERS = "GAN4J_HELPERS";
    public static final String PROP_HELPERS = "gan4j.helpers";

    /** JavaCPP: which classifier folder to load natives from (read once, at JavaCPP's first use). */
    public static final String JAVACPP_EXTENSION = "org.bytedeco.javacpp.platform.extension";
    /** DL4J M2.1 DL4JSystemProperties.DISABLE_HELPER_PROPERTY; its default is "true". */
    public static final String HELPERS_DISABLE = "org.eclipse.deeplearning4j.helpers.disable";

    private static final String CPU_BINDINGS = "org/nd4j/linalg/cpu/nativecpu/bindings/Nd4jCpu.class";
    private static final String REAL_ENVIRONMENT = "org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment";

    private static final Logger log = LoggerFactory.getLogger(CpuBackend.class);

    /**
     * Set once the choice has been applied. The choice lives in system properties (that is how
     * JavaCPP and DL4J read it), so the marker does too, rather than in a static field.
     */
    private static final String CONFIGURED = "gan4j.nn.backend.configured";

    private CpuBackend() {
    }

    /** Outcome of the choice: the build to load (null: leave JavaCPP's default) and why. */
    public record Choice(NativeVariant variant, boolean helpers, List<String> notes) {
    }

    /**
     * Pure choice, for tests. {@code forced} null means auto. Order of preference: with oneDNN wanted, oneDNN
     * builds first (they matter far more than the instruction set), each group from the highest instruction set
     * down; only builds the CPU supports and that {@code present} reports.
     */
    public static Choice choose(boolean linuxX86, Set<String> cpuFlags, Predicate<NativeVariant> present,
                                IsaLevel forced, boolean oneDnnWanted, boolean helpersWanted) {
        List<String> notes = new ArrayList<>();
        if (!linuxX86) {
            notes.add("not linux-x86_64: JavaCPP's default build");
            return new Choice(null, false, notes);
        }
        IsaLevel cpu = IsaLevel.best(cpuFlags);
        IsaLevel target = forced == null ? cpu : forced;
        if (target.compareTo(cpu) > 0) {
            notes.add(ENV_NATIVE + "=" + forced.name().toLowerCase(Locale.ROOT) + " refused: this CPU supports only "
                    + cpu.name().toLowerCase(Locale.ROOT) + " (a " + forced.name().toLowerCase(Locale.ROOT)
                    + " build would crash)");
            target = cpu;
        }
        final IsaLevel max = target;
        List<NativeVariant> candidates = new ArrayList<>(List.of(NativeVariant.values()));
        candidates.removeIf(v -> v.isa().compareTo(max) > 0 || (v.hasOneDnn() && !oneDnnWanted));
        candidates.sort(Comparator.<NativeVariant>comparingInt(v -> oneDnnWanted && v.hasOneDnn() ? 0 : 1)
                .thenComparing(v -> -v.isa().ordinal()));
        for (NativeVariant v : candidates) {
            if (present.test(v)) {
                return new Choice(v, helpersWanted && v.hasOneDnn(), notes);
            }
        }
        notes.add("no usable nd4j-native linux-x86_64 build on the classpath");
        return new Choice(null, false, notes);
    }

    /**
     * Sets the system properties for the chosen build and the helpers. Must run before ND4J/JavaCPP initialise;
     * idempotent (later calls return the first result).
     */
    public static synchronized Choice configure() {
        boolean again = isConfigured();
        ClassLoader cl = CpuBackend.class.getClassLoader();
        if (cl.getResource(CPU_BINDINGS) == null) {
            System.setProperty(CONFIGURED, "true");
            return new Choice(null, false, List.of("nd4j-native not on the classpath"));
        }
        IsaLevel forced = IsaLevel.parse(setting(PROP_NATIVE, ENV_NATIVE));
        boolean oneDnn = flag(PROP_ONEDNN, ENV_ONEDNN, true);
        boolean helpers = flag(PROP_HELPERS, ENV_HELPERS, true);
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        boolean linuxX86 = os.startsWith("linux") && (arch.equals("amd64") || arch.equals("x86_64"));

        Choice c = choose(linuxX86, IsaLevel.hostCpuFlags(), v -> cl.getResource(v.libraryResource()) != null,
                forced, oneDnn, helpers);
        List<String> notes = new ArrayList<>(c.notes());

        String userExt = again ? null : System.getProperty(JAVACPP_EXTENSION);
        if (userExt != null) {
            notes.add(JAVACPP_EXTENSION + "=" + userExt + " given: kept");
        } else if (c.variant() != null) {
            System.setProperty(JAVACPP_EXTENSION, c.variant().javacppExtension());
            // Loader's static initialiser caches the platform properties: if it ran already, we are too late.
            Object seen = org.bytedeco.javacpp.Loader.loadProperties().getProperty("platform.extension");
            if (!c.variant().javacppExtension().equals(seen)) {
                notes.add("JavaCPP was initialised before CpuBackend.configure(): build choice has no effect");
            }
        }
        if (!again && System.getProperty(HELPERS_DISABLE) != null) {
            notes.add(HELPERS_DISABLE + "=" + System.getProperty(HELPERS_DISABLE) + " given: kept");
        } else if (!again) {
            System.setProperty(HELPERS_DISABLE, String.valueOf(!c.helpers()));
        }
        if (!again) {
            for (String n : notes) {
                log.warn("backend: {}", n);
            }
        }
        System.setProperty(CONFIGURED, "true");
        return new Choice(c.variant(), c.helpers(), List.copyOf(notes));
    }

    /** Whether {@link #configure()} has run in this JVM. */
    public static synchronized boolean isConfigured() {
        return System.getProperty(CONFIGURED) != null;
    }

    /**
     * {@link #configure()}, then loads ND4J, applies {@code GAN4J_ONEDNN=0} to the native environment if needed,
     * and logs and returns the one-line backend description.
     */
    public static synchronized String init() {
        configure();
        org.nd4j.linalg.factory.Nd4j.getExecutioner();
        if (!flag(PROP_ONEDNN, ENV_ONEDNN, true)) {
            setRealUseOneDnn(false);
        }
        String line = describe();
        log.info(line);
        return line;
    }

    /** One line describing the loaded backend (ND4J must be initialised). */
    public static String describe() {
        org.nd4j.linalg.factory.Nd4j.getExecutioner();
        String backend = org.nd4j.linalg.factory.Nd4j.getExecutioner().getEnvironmentInformation().getProperty("backend");
        int threads = org.nd4j.linalg.factory.Nd4j.getEnvironment().maxThreads();
        if (!"CPU".equalsIgnoreCase(backend)) {
            return "backend: " + backend + ", " + threads + " threads";
        }
        String build = loadedCpuBuild();
        // Read directly rather than through the shim, so that this line is right even without it.
        boolean buildHasOneDnn = buildHasOneDnn();
        boolean oneDnnOn = buildHasOneDnn && realIsUseOneDnn();
        boolean helpersOn = !Boolean.parseBoolean(System.getProperty(HELPERS_DISABLE, "true"))
                && org.deeplearning4j.nn.layers.mkldnn.BaseMKLDNNHelper.mklDnnEnabled();
        return "backend: nd4j-native " + build
                + ", oneDNN " + (oneDnnOn ? "on" : buildHasOneDnn ? "off" : "off (not in this build)")
                + ", helpers " + (helpersOn ? "on" : "off")
                + ", " + threads + " threads";
    }

    /** Classifier folder of the loaded libnd4jcpu, e.g. linux-x86_64-onednn-avx512, or "unknown". */
    public static String loadedCpuBuild() {
        Map<String, String> libs = org.bytedeco.javacpp.Loader.getLoadedLibraries();
        String path = libs.get("nd4jcpu");
        if (path == null) {
            return "unknown";
        }
        Path parent = Path.of(path).getParent();
        return parent == null ? "unknown" : parent.getFileName().toString();
    }

    /** Whether the loaded native build was compiled with oneDNN ({@code HAVE_ONEDNN} in its build information). */
    public static boolean buildHasOneDnn() {
        try {
            String info = org.nd4j.linalg.factory.Nd4j.getBackend().buildInfo();
            return info != null && info.contains("HAVE_ONEDNN");
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** The native environment's isUseONEDNN() (true by default even on builds without oneDNN). */
    static boolean realIsUseOneDnn() {
        try {
            Class<?> real = Class.forName(REAL_ENVIRONMENT);
            Object env = real.getMethod("getInstance").invoke(null);
            return (Boolean) real.getMethod("isUseONEDNN").invoke(env);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static void setRealUseOneDnn(boolean on) {
        try {
            Class<?> real = Class.forName(REAL_ENVIRONMENT);
            Object env = real.getMethod("getInstance").invoke(null);
            Method m = real.getMethod("setUseONEDNN", boolean.class);
            m.invoke(env, on);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            log.warn("backend: could not set oneDNN use to {}: {}", on, e.toString());
        }
    }

    static String setting(String prop, String env) {
        String v = System.getProperty(prop);
        return v != null ? v : System.getenv(env);
    }

    static boolean flag(String prop, String env, boolean dflt) {
        return parseFlag(setting(prop, env), prop + "/" + env, dflt);
    }

    static boolean parseFlag(String v, String name, boolean dflt) {
        if (v == null || v.isBlank()) {
            return dflt;
        }
        switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "1": case "true": case "on": case "yes":
                return true;
            case "0": case "false": case "off": case "no":
                return false;
            default:
                throw new IllegalArgumentException(name + ": expected 0 or 1, got '" + v + "'");
        }
    }
}
