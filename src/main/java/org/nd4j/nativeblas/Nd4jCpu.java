package org.nd4j.nativeblas;

import java.lang.reflect.Method;

/**
 * Compatibility shim that makes Deeplearning4j 1.0.0-M2.1's oneDNN layer helpers reachable.
 *
 * <p><b>Why it exists.</b> {@code org.deeplearning4j.nn.layers.mkldnn.BaseMKLDNNHelper#mklDnnEnabled()}
 * (deeplearning4j-nn 1.0.0-M2.1, lines 50-58) decides whether the oneDNN helpers for convolution, batch
 * normalisation, pooling and LRN may be used like this:
 * <pre>
 *   Class&lt;?&gt; clazz = DL4JClassLoading.loadClassByName("org.nd4j.nativeblas.Nd4jCpu$Environment");
 *   Object instance = clazz.getMethod("getInstance").invoke(null);
 *   return (boolean) clazz.getMethod("isUseMKLDNN").invoke(instance);
 *   // any Throwable: FAILED_CHECK = true, return false (cached for the JVM's life)
 * </pre>
 * nd4j-native 1.0.0-M2.1 no longer has that class: its JavaCPP binding is
 * {@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment} and the method is called
 * {@code isUseONEDNN()} (Nd4jCpu.java line 1151). The lookup therefore fails (a NullPointerException on the
 * null class, swallowed by the catch), every {@code MKLDNN*Helper#checkSupported()} returns false, and
 * {@code HelperUtils.createHelper} (line 108) drops the helper: convolution layers fall back to
 * im2col + BLAS in Java even on a oneDNN build of libnd4j.
 *
 * <p><b>What it does.</b> This class sits at exactly the looked-up name and exposes exactly the two public
 * methods the reflection calls: a static {@link Environment#getInstance()} and an instance
 * {@link Environment#isUseMKLDNN()}. The latter returns true only when the loaded native build really
 * contains oneDNN ({@code buildInfo()} mentions {@code HAVE_ONEDNN}; {@code isUseONEDNN()} alone also returns
 * true on builds without oneDNN) <em>and</em> the real {@code Environment.isUseONEDNN()} is on (so
 * {@code setUseONEDNN(false)} still switches the helpers off). The real classes are reached by reflection
 * so that this file compiles and loads harmlessly without nd4j-native on the classpath (CUDA builds; there
 * {@code BaseMKLDNNHelper} never gets this far because it checks for the CPU backend first).
 *
 * <p>The helpers also need {@code -Dorg.eclipse.deeplearning4j.helpers.disable=false} (the M2.1 default is
 * {@code true}, see {@code DL4JSystemProperties.HELPER_DISABLE_DEFAULT_VALUE}); {@code gan4j.nn.backend.CpuBackend}
 * sets it. Nothing else in ND4J or DL4J refers to this class name in M2.1.
 */
public final class Nd4jCpu {

    private Nd4jCpu() {
    }

    /** Stand-in for the old {@code Nd4jCpu.Environment}; only what {@code BaseMKLDNNHelper} calls. */
    public static final class Environment {

        static final String REAL_ENVIRONMENT = "org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment";
        private static final Environment INSTANCE = new Environment();

        private Environment() {
        }

        /** Called reflectively by {@code BaseMKLDNNHelper} (line 52). */
        public static Environment getInstance() {
            return INSTANCE;
        }

        /**
         * Called reflectively by {@code BaseMKLDNNHelper} (line 54-55): true when the loaded libnd4j was built
         * with oneDNN and oneDNN use is switched on in the native environment.
         */
        public boolean isUseMKLDNN() {
            return buildHasOneDnn() && realIsUseOneDnn();
        }

        /** {@code true} when the loaded native build reports {@code HAVE_ONEDNN} in its build information. */
        public static boolean buildHasOneDnn() {
            return BuildInfoHolder.HAS_ONEDNN;
        }

        /** The native environment's own flag, or false when the CPU backend is not on the classpath. */
        static boolean realIsUseOneDnn() {
            try {
                Class<?> real = Class.forName(REAL_ENVIRONMENT, true, Environment.class.getClassLoader());
                Object env = real.getMethod("getInstance").invoke(null);
                Method m = real.getMethod("isUseONEDNN");
                return (Boolean) m.invoke(env);
            } catch (Throwable t) {
                return false;
            }
        }

        private static final class BuildInfoHolder {
            static final boolean HAS_ONEDNN = readHasOneDnn();

            private static boolean readHasOneDnn() {
                try {
                    String info = org.nd4j.linalg.factory.Nd4j.getBackend().buildInfo();
                    return info != null && info.contains("HAVE_ONEDNN");
                } catch (Throwable t) {
                    return false;
                }
            }
        }
    }
}
