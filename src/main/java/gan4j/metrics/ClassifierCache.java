package gan4j.metrics;

import gan4j.data.Dataset;
import gan4j.run.AtomicFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * A trained {@link SampleClassifier} kept in one zip file and reused for as long as the data and the
 * recipe it was trained with stay the same, so only the first evaluation of a run pays for training.
 */
public final class ClassifierCache {

    private static final String ABOUT = "classifier.yaml";
    private static final String NETWORK = "network.zip";

    private final Path file;

    public ClassifierCache(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** What identifies a classifier: the data it learned from and how. */
    public static String key(Dataset train, SampleClassifier.Recipe recipe) {
        return train.describe() + "; " + recipe.describe();
    }

    /** The cached classifier for {@code train} and {@code recipe}, trained and stored first if there is none. */
    public SampleClassifier obtain(Dataset train, SampleClassifier.Recipe recipe, PrintWriter log) {
        String key = key(train, recipe);
        Optional<SampleClassifier> cached = load(key);
        if (cached.isPresent()) {
            log.println("classifier: " + file + " (" + recipe.describe() + ")");
            return cached.get();
        }
        log.println("classifier: training on " + train.describe() + " (" + recipe.describe() + ") ...");
        log.flush();
        SampleClassifier classifier = SampleClassifier.train(train, recipe, done -> {
            log.println("  " + done + "/" + recipe.iterations() + " iterations");
            log.flush();
        });
        store(classifier, key);
        log.println("classifier: saved to " + file);
        return classifier;
    }

    /**
     * The classifier stored under {@code key}; empty if the file is missing, was trained on other data
     * or with another recipe, or cannot be read (a cache is rebuilt, never repaired).
     */
    public Optional<SampleClassifier> load(String key) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.put(e.getName(), zip.readAllBytes());
            }
            if (!entries.containsKey(ABOUT) || !entries.containsKey(NETWORK)) {
                return Optional.empty();
            }
            Object about = new Load(LoadSettings.builder().build())
                    .loadFromString(new String(entries.get(ABOUT), StandardCharsets.UTF_8));
            if (!(about instanceof Map<?, ?> map) || !key.equals(map.get("key"))
                    || !(map.get("class_names") instanceof List<?> names)) {
                return Optional.empty();
            }
            try (InputStream in = new ByteArrayInputStream(entries.get(NETWORK))) {
                MultiLayerNetwork net = ModelSerializer.restoreMultiLayerNetwork(in, false);
                return Optional.of(new SampleClassifier(net, names.stream().map(String::valueOf).toList()));
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Writes {@code classifier} under {@code key}, atomically, replacing whatever the file held. */
    public void store(SampleClassifier classifier, String key) {
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("key", key);
        about.put("class_names", new ArrayList<>(classifier.classNames()));
        String yaml = new Dump(DumpSettings.builder().build()).dumpToString(about);
        AtomicFiles.write(file, out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry(ABOUT));
                zip.write(yaml.getBytes(StandardCharsets.UTF_8));
                zip.putNextEntry(new ZipEntry(NETWORK));
                ModelSerializer.writeModel(classifier.model(), zip, false);
            }
        });
    }
}
