package gan4j.model;

import gan4j.config.GanConfig;
import gan4j.data.DataException;
import gan4j.io.BoundedZip.ZipFormatException;
import gan4j.io.BoundedZip;
import gan4j.io.YamlRecord;
import gan4j.nn.NetworkSnapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;

/**
 * A {@link GanModel} as zip entries: {@code model.yaml} (its {@link ModelSpec}) and a
 * {@link NetworkSnapshot} of each network (G, D, and G's moving average when the run keeps one). Loading rebuilds the networks with {@link GanModels}
 * from the configuration and spec, then fills in the numbers, so the file only ever supplies data.
 */
public final class ModelArchive {

    /** Version of the model entries; version 1 was DL4J's ModelSerializer zips, which deserialize objects. */
    public static final int FORMAT = 2;
    static final String SPEC = "model.yaml";
    static final String GENERATOR = "generator";
    static final String CRITIC = "critic";
    static final String AVERAGE_GENERATOR = "generator_ema";
    private static final int MAX_SPEC_BYTES = 8 << 20;

    private ModelArchive() {
    }

    /** Every entry name a model occupies. */
    public static Set<String> entries() {
        Set<String> names = new TreeSet<>(NetworkSnapshot.entries(GENERATOR));
        names.addAll(NetworkSnapshot.entries(CRITIC));
        names.addAll(NetworkSnapshot.entries(AVERAGE_GENERATOR));
        names.add(SPEC);
        return names;
    }

    public static void write(GanModel model, ZipOutputStream zip) throws IOException {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("format", FORMAT);
        spec.put("sample_shape", java.util.Arrays.stream(model.spec().sampleShape()).boxed().toList());
        spec.put("class_names", new ArrayList<>(model.classNames()));
        spec.put("data_scale", model.spec().dataScale());
        zip.putNextEntry(new ZipEntry(SPEC));
        zip.write(new Dump(DumpSettings.builder().build()).dumpToString(spec).getBytes(StandardCharsets.UTF_8));
        NetworkSnapshot.write(model.generator(), GENERATOR, zip);
        NetworkSnapshot.write(model.critic(), CRITIC, zip);
        if (model.averageGenerator().isPresent()) {
            NetworkSnapshot.write(model.averageGenerator().get(), AVERAGE_GENERATOR, zip);
        }
    }

    /**
     * The model in {@code zip}, built with {@code config} (the archive's own configuration, or one
     * that differs only in optimizer settings) at {@code learningRateScale} times its learning rates;
     * throws {@link ZipFormatException} saying which part does not fit.
     */
    public static GanModel read(BoundedZip zip, GanConfig config, double learningRateScale) throws IOException {
        ModelSpec spec = spec(new String(zip.read(SPEC, MAX_SPEC_BYTES), StandardCharsets.UTF_8));
        GanModel model;
        try {
            model = GanModels.create(config, spec, "its model", learningRateScale);
        } catch (DataException e) {
            throw new ZipFormatException(e.getMessage().replaceFirst("\\.$", "") + ", which its own configuration"
                    + " cannot have produced");
        }
        NetworkSnapshot.restore(zip, GENERATOR, model.generator());
        NetworkSnapshot.restore(zip, CRITIC, model.critic());
        if (model.averageGenerator().isPresent()) {
            if (!zip.has(AVERAGE_GENERATOR + ".bin")) {
                throw new ZipFormatException("it holds no " + AVERAGE_GENERATOR + " though its configuration sets"
                        + " train.ema");
            }
            NetworkSnapshot.restore(zip, AVERAGE_GENERATOR, model.averageGenerator().get());
        } else if (zip.has(AVERAGE_GENERATOR + ".bin")) {
            throw new ZipFormatException("it holds a " + AVERAGE_GENERATOR + " though its configuration sets no"
                    + " train.ema");
        }
        return model;
    }

    private static ModelSpec spec(String yaml) throws ZipFormatException {
        try {
            YamlRecord record = YamlRecord.parse(yaml);
            long format = record.integer("format", 0, Integer.MAX_VALUE);
            if (format != FORMAT) {
                throw new IllegalArgumentException("it says format " + format + ", and this gan4j reads format "
                        + FORMAT);
            }
            return new ModelSpec(record.integers("sample_shape", 3, 1, ModelSpec.MAX_EXTENT),
                    record.strings("class_names", ModelSpec.MAX_CLASSES, ModelSpec.MAX_CLASS_NAME),
                    record.real("data_scale"));
        } catch (IllegalArgumentException e) {
            throw new ZipFormatException("its " + SPEC + " is damaged: " + e.getMessage());
        }
    }
}
