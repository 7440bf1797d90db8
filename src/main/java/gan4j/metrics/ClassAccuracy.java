package gan4j.metrics;

import java.util.List;

/** How many samples of each class a classifier labelled correctly, out of how many it saw. */
public record ClassAccuracy(List<String> classNames, int[] correct, int[] total) {

    public ClassAccuracy {
        classNames = List.copyOf(classNames);
        correct = correct.clone();
        total = total.clone();
        if (correct.length != classNames.size() || total.length != classNames.size()) {
            throw new IllegalArgumentException("need one count per class of " + classNames + ", got "
                    + correct.length + " and " + total.length);
        }
        for (int c = 0; c < total.length; c++) {
            if (correct[c] < 0 || correct[c] > total[c]) {
                throw new IllegalArgumentException("class " + classNames.get(c) + ": " + correct[c]
                        + " correct out of " + total[c]);
            }
        }
    }

    /** The fraction of class {@code label}'s samples labelled correctly; NaN if there were none. */
    public double of(int label) {
        return total[label] == 0 ? Double.NaN : (double) correct[label] / total[label];
    }

    /** The fraction of all samples labelled correctly; NaN if there were none. */
    public double overall() {
        int right = 0;
        int all = 0;
        for (int c = 0; c < total.length; c++) {
            right += correct[c];
            all += total[c];
        }
        return all == 0 ? Double.NaN : (double) right / all;
    }
}
