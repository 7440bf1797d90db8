package gan4j.report;

import gan4j.train.RunEvent;
import gan4j.train.RunListener;
import java.nio.file.Path;

/**
 * Renders samples every {@code every} steps and at the end, into {@code samples/step-000500.png};
 * the renderer uses fixed inputs, so successive files show progress rather than new noise.
 */
public final class SampleGridWriter implements RunListener {

    private final Path dir;
    private final int every;
    private final SampleRenderer renderer;
    private long lastWritten = -1;

    public SampleGridWriter(Path dir, int every, SampleRenderer renderer) {
        this.dir = dir;
        this.every = every;
        this.renderer = renderer;
    }

    @Override
    public void on(RunEvent event) {
        boolean due = event instanceof RunEvent.StepCompleted && event.state().step() % every == 0
                || event instanceof RunEvent.RunFinished && event.state().step() != lastWritten;
        if (due) {
            renderer.render(event.networks(), dir.resolve(String.format("step-%06d.png", event.state().step())));
            lastWritten = event.state().step();
        }
    }
}
