package gan4j.train;

import java.util.concurrent.atomic.AtomicBoolean;

/** A request, from another thread, to end training after the current step. */
public final class StopSignal {

    private final AtomicBoolean requested = new AtomicBoolean();

    public void request() {
        requested.set(true);
    }

    public boolean requested() {
        return requested.get();
    }
}
