package gan4j.event;

import gan4j.run.Checkpoint;
import gan4j.run.CheckpointStore;
import gan4j.run.Provenance;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** Writes a checkpoint every {@code every} steps and when the run ends, but never after a failure. */
public final class CheckpointWriter implements RunListener {

    private final CheckpointStore store;
    private final int every;
    private final String configYaml;
    private final List<String> classNames;
    private final Provenance provenance;
    private final Consumer<Path> onWritten;
    private long lastWritten = -1;

    public CheckpointWriter(CheckpointStore store, int every, String configYaml, List<String> classNames,
                            Provenance provenance, Consumer<Path> onWritten) {
        this.store = store;
        this.every = every;
        this.configYaml = configYaml;
        this.classNames = List.copyOf(classNames);
        this.provenance = provenance;
        this.onWritten = onWritten;
    }

    @Override
    public void on(RunEvent event) {
        if (event instanceof RunEvent.RunStarted started) {
            lastWritten = started.state().step();
        } else if (event instanceof RunEvent.StepCompleted done && done.state().step() % every == 0) {
            write(done);
        } else if (event instanceof RunEvent.RunFinished finished && finished.state().step() != lastWritten) {
            write(finished);
        }
        // RunFailed writes nothing: the networks may hold NaNs or half an update, and the newest
        // checkpoint must stay the last good one.
    }

    private void write(RunEvent event) {
        Path file = store.write(new Checkpoint(event.networks(), event.state(), configYaml, classNames, provenance));
        lastWritten = event.state().step();
        onWritten.accept(file);
    }
}
