package gan4j.nn.backend;

/**
 * The linux-x86_64 builds of nd4j-native 1.0.0-M2.1, named by their Maven classifier suffix, in order of
 * preference. Each lives in its own jar ({@code nd4j-native-1.0.0-M2.1-linux-x86_64<suffix>.jar}) under the
 * resource folder {@code org/nd4j/linalg/cpu/nativecpu/bindings/linux-x86_64<suffix>/}.
 */
public enum NativeVariant {
    ONEDNN_AVX512("-onednn-avx512", IsaLevel.AVX512, true),
    AVX512("-avx512", IsaLevel.AVX512, false),
    ONEDNN_AVX2("-onednn-avx2", IsaLevel.AVX2, true),
    AVX2("-avx2", IsaLevel.AVX2, false),
    ONEDNN("-onednn", IsaLevel.GENERIC, true),
    GENERIC("", IsaLevel.GENERIC, false);

    static final String PLATFORM = "linux-x86_64";
    static final String RESOURCE_DIR = "org/nd4j/linalg/cpu/nativecpu/bindings/";

    private final String suffix;
    private final IsaLevel isa;
    private final boolean oneDnn;

    NativeVariant(String suffix, IsaLevel isa, boolean oneDnn) {
        this.suffix = suffix;
        this.isa = isa;
        this.oneDnn = oneDnn;
    }

    /** Classifier suffix after "linux-x86_64", e.g. "-onednn-avx512"; empty for the default build. */
    public String suffix() {
        return suffix;
    }

    public IsaLevel isa() {
        return isa;
    }

    public boolean hasOneDnn() {
        return oneDnn;
    }

    /** The Maven classifier / resource folder name, e.g. linux-x86_64-onednn-avx512. */
    public String classifier() {
        return PLATFORM + suffix;
    }

    /**
     * Value for {@code org.bytedeco.javacpp.platform.extension}. For the default build it is "-": JavaCPP then
     * looks in linux-x86_64-/ (absent) and falls back to linux-x86_64/. An empty value would not do, since
     * JavaCPP treats empty as unset and then searches the preset's whole extension list.
     */
    public String javacppExtension() {
        return suffix.isEmpty() ? "-" : suffix;
    }

    /** Resource path of this build's main native library. */
    public String libraryResource() {
        return RESOURCE_DIR + classifier() + "/libnd4jcpu.so";
    }
}
