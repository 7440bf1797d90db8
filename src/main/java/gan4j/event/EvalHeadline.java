package gan4j.event;

/**
 * The latest evaluation in a few words, set by whoever evaluates and shown by the progress line;
 * one per run, read and written on the training thread.
 */
public final class EvalHeadline {

    private String text = "";

    public void set(String text) {
        this.text = text;
    }

    /** Empty before the first evaluation. */
    public String text() {
        return text;
    }
}
