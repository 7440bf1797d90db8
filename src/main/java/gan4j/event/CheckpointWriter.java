package gan4j.event;

import gan4j.run.Checkpoint;
import gan4j.run.CheckpointStore;
import gan4j.run.Provenance;
import java.util.List;

/** Writes a checkpoint every {@code every} steps and when the run ends, but never after a failure. */
public final class CheckpointWriter implements RunListener {

    private final CheckpointStore store;
    private final int every;
    private final String configYaml;
    private final List<String> classNames;
    private final long[] sampleShape;
    private final Provenance provenance;
    private long lastWritten = -1;

    public CheckpointWriter(CheckpointStore store, int every, String configYaml, List<String> classNames,
                            long[] sampleShape, Provenance provenance) {
        this.store = store;
        this.every = every;
        this.configYaml = configYaml;
        this.classNames = List.copyOf(classNames);
        this.sampleShape = sampleShape.clone();
        this.provenance = provenance;
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
        store.write(new Checkpoint(event.networks(), event.state(), configYaml, classNames, sampleShape, provenance));
        lastWritten = event.state().step();
    }
}
