package gan4j.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassConditionalReportTest {

    private static final List<String> NAMES = List.of("Trouser", "Ankle boot");

    @Test
    void tableShowsRealAndGeneratedAccuracyPerClassAndOverall() {
        ClassAccuracy real = new ClassAccuracy(NAMES, new int[] {969, 946}, new int[] {1000, 1000});
        ClassAccuracy generated = new ClassAccuracy(NAMES, new int[] {491, 0}, new int[] {500, 0});

        assertEquals(List.of(
                "classifier accuracy on 2000 real test images and 500 generated ones:",
                "class       real test  generated",
                "Trouser         96.9%      98.2%",
                "Ankle boot      94.6%        n/a",
                "overall         95.8%      98.2%"), new ClassConditionalReport(real, generated).lines());
    }

    @Test
    void accuraciesOverDifferentClassesCannotShareATable() {
        ClassAccuracy real = new ClassAccuracy(NAMES, new int[] {1, 1}, new int[] {1, 1});
        ClassAccuracy other = new ClassAccuracy(List.of("a", "b"), new int[] {1, 1}, new int[] {1, 1});
        assertThrows(IllegalArgumentException.class, () -> new ClassConditionalReport(real, other));
    }

    @Test
    void moreCorrectThanSeenIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new ClassAccuracy(NAMES, new int[] {2, 0}, new int[] {1, 0}));
    }
}
