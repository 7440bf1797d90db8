package gan4j.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The classifier's accuracy on real test images next to its accuracy on generated ones, per class:
 * the first bounds what the second can mean (a class the classifier confuses on real data will
 * look poorly generated too).
 */
public record ClassConditionalReport(ClassAccuracy realTest, ClassAccuracy generated) {

    public ClassConditionalReport {
        if (!realTest.classNames().equals(generated.classNames())) {
            throw new IllegalArgumentException("real and generated accuracies cover different classes: "
                    + realTest.classNames() + " and " + generated.classNames());
        }
    }

    /**
     * A sentence saying what was counted, then a table with one row per class and an overall row,
     * e.g. {@code Trouser          96.9%      98.2%}.
     */
    public List<String> lines() {
        int nameWidth = "overall".length();
        for (String name : realTest.classNames()) {
            nameWidth = Math.max(nameWidth, name.length());
        }
        String row = "%-" + nameWidth + "s  %9s  %9s";
        List<String> lines = new ArrayList<>();
        lines.add("classifier accuracy on " + count(realTest) + " real test images and " + count(generated)
                + " generated ones:");
        lines.add(String.format(Locale.ROOT, row, "class", "real test", "generated"));
        for (int c = 0; c < realTest.classNames().size(); c++) {
            lines.add(String.format(Locale.ROOT, row, realTest.classNames().get(c), percent(realTest.of(c)),
                    percent(generated.of(c))));
        }
        lines.add(String.format(Locale.ROOT, row, "overall", percent(realTest.overall()),
                percent(generated.overall())));
        return lines;
    }

    private static int count(ClassAccuracy accuracy) {
        int all = 0;
        for (int n : accuracy.total()) {
            all += n;
        }
        return all;
    }

    private static String percent(double fraction) {
        return Double.isNaN(fraction) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
    }
}
