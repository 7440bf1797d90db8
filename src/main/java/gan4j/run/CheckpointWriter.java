package gan4j.run;

import gan4j.model.GanModel;
import gan4j.train.RunEvent;
import gan4j.train.RunListener;

/** Writes a checkpoint every {@code every} steps and when the run ends, but never after a failure. */
public final class CheckpointWriter implements RunListener {

    private final CheckpointStore store;
    private final int every;
    private final GanModel model;
    private final String configYaml;
    private final Provenance provenance;
    private final Rollbacks rollbacks;
    private long lastWritten = -1;

    /**
     * {@code model} is the one the trainer trains: its networks are saved as they are at each write,
     * with the {@code rollbacks} the run has made to reach this model.
     */
    public CheckpointWriter(CheckpointStore store, int every, GanModel model, String configYaml,
                            Provenance provenance, Rollbacks rollbacks) {
        this.store = store;
        this.every = every;
        this.model = model;
        this.configYaml = configYaml;
        this.provenance = provenance;
        this.rollbacks = rollbacks;
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
        store.write(new Checkpoint(model, event.state(), configYaml, provenance, rollbacks));
        lastWritten = event.state().step();
    }
}
