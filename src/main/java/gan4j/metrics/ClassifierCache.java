package gan4j.metrics;

import gan4j.data.Dataset;
import gan4j.io.AtomicFiles;
import gan4j.io.BoundedZip;
import gan4j.io.YamlRecord;
import gan4j.nn.NetworkSnapshot;
import gan4j.nn.SequentialNetwork;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;

/**
 * A trained {@link SampleClassifier} kept in one zip file and reused for as long as the data and the
 * recipe it was trained with stay the same, so only the first evaluation of a run pays for training.
 */
public final class ClassifierCache {

    private static final String ABOUT = "classifier.yaml";
    private static final String NETWORK = "classifier";
    private static final int MAX_ABOUT_BYTES = 1 << 20;

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
        Optional<SampleClassifier> cached = load(train, recipe);
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
     * The classifier stored for {@code train} and {@code recipe}; empty if the file is missing, was
     * trained on other data or with another recipe, or cannot be read (a cache is rebuilt, never
     * repaired). The network is built from the recipe and only its numbers come from the file.
     */
    public Optional<SampleClassifier> load(Dataset train, SampleClassifier.Recipe recipe) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Set<String> allowed = new HashSet<>(NetworkSnapshot.entries(NETWORK));
        allowed.add(ABOUT);
        try (BoundedZip zip = BoundedZip.open(file, allowed)) {
            YamlRecord about = YamlRecord.parse(new String(zip.read(ABOUT, MAX_ABOUT_BYTES), StandardCharsets.UTF_8));
            if (!key(train, recipe).equals(about.string("key", MAX_ABOUT_BYTES))) {
                return Optional.empty();
            }
            SampleClassifier classifier = SampleClassifier.untrained(train, recipe);
            NetworkSnapshot.restore(zip, NETWORK, new SequentialNetwork(classifier.model()));
            return Optional.of(classifier);
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
                NetworkSnapshot.write(new SequentialNetwork(classifier.model()), NETWORK, zip);
            }
        });
    }
}
