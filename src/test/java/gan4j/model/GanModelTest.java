package gan4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gan4j.config.ConfigLoader;
import gan4j.config.GanConfig;
import gan4j.data.DataException;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class GanModelTest {

    private static GanConfig config(String yaml) {
        return new ConfigLoader().parse(yaml, "test", "test", List.of());
    }

    private static final List<String> TEN = IntStream.range(0, 10).mapToObj(i -> "c" + i).toList();

    @Test
    void theWidestActivationSizesThreadingForToyAndImageModels() {
        GanModel toy = GanModels.create(config("""
                data: {type: toy}
                model: {architecture: mlp, generator_width: 128, discriminator_width: 128, hidden_layers: 3}
                """), new ModelSpec(new long[] {2}, List.of("points"), 1.4), "toy");
        assertEquals(128, toy.widestActivationPerSample());

        GanModel dcgan = GanModels.create(config("model: {conditional: true}\n"),
                new ModelSpec(new long[] {1, 28, 28}, TEN, 1), "idx");
        // 64 feature maps of 14×14, in G's last hidden layer and D's first.
        assertEquals(64 * 14 * 14, dcgan.widestActivationPerSample());
        assertTrue(dcgan.conditional());
    }

    @Test
    void theFactoryIsTheOnePlaceThatChecksSizesAndClasses() {
        GanConfig dcgan = config("model: {conditional: true}\n");
        String odd = assertThrows(DataException.class, () -> GanModels.create(dcgan,
                new ModelSpec(new long[] {3, 48, 48}, TEN, 1), "folder x")).getMessage();
        assertTrue(odd.startsWith("folder x has 48×48 images; DCGAN needs square 28, 32 or 64"), odd);
        String single = assertThrows(DataException.class, () -> GanModels.create(dcgan,
                new ModelSpec(new long[] {1, 28, 28}, List.of("all"), 1), "folder y")).getMessage();
        assertTrue(single.startsWith("folder y has a single class"), single);
        String points = assertThrows(DataException.class, () -> GanModels.create(dcgan,
                new ModelSpec(new long[] {2}, TEN, 1), "toy")).getMessage();
        assertTrue(points.contains("holds points"), points);
    }
}
