package gan4j.health;

import java.util.ArrayDeque;

/** The last {@code size} values of one readout, and their mean. */
final class Window {

    private final int size;
    private final ArrayDeque<Double> values = new ArrayDeque<>();
    private double sum;

    Window(int size) {
        this.size = size;
    }

    void add(double value) {
        values.addLast(value);
        sum += value;
        if (values.size() > size) {
            sum -= values.removeFirst();
        }
    }

    boolean full() {
        return values.size() == size;
    }

    double mean() {
        return sum / values.size();
    }

    double first() {
        return values.getFirst();
    }

    double last() {
        return values.getLast();
    }
}
