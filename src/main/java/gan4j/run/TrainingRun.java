package gan4j.run;

import gan4j.augment.Augmentation;
import gan4j.config.ConfigException;
import gan4j.config.GanConfig;
import gan4j.data.BatchStream;
import gan4j.data.Dataset;
import gan4j.data.ImageFolderDataset;
import gan4j.data.ToyDataset;
import gan4j.event.MetricsLog;
import gan4j.event.NonFiniteGuard;
import gan4j.event.ProgressReporter;
import gan4j.io.AtomicFiles;
import gan4j.io.RunException;
import gan4j.model.GanModel;
import gan4j.model.GanModels;
import gan4j.model.ModelSpec;
import gan4j.nn.NativeGarbageCollector;
import gan4j.nn.OpThreads;
import gan4j.nn.backend.CpuBackend;
import gan4j.objective.Objective;
import gan4j.objective.Objectives;
import gan4j.penalty.Regularizers;
import gan4j.random.RandomStreams.Purpose;
import gan4j.random.RandomStreams;
import gan4j.report.ImageSampleRenderer;
import gan4j.report.PlotWriter;
import gan4j.report.SampleGridWriter;
import gan4j.report.SampleRenderer;
import gan4j.report.ToySampleRenderer;
import gan4j.train.RunEvent;
import gan4j.train.RunListener;
import gan4j.train.SampleInputs;
import gan4j.train.StopSignal;
import gan4j.train.Trainer;
import gan4j.train.TrainingState;
import gan4j.train.Variant;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * One {@code gan train} invocation: turns a validated configuration into data, networks, a variant
 * and listeners, then runs the trainer, new or resumed from the newest checkpoint.
 */
public final class TrainingRun {

    /**
     * How the run was asked for and where it reports; {@code resumeFrom}, when not null, is the
     * checkpoint to resume instead of the newest readable one.
     */
    public record Options(Resume resume, Path resumeFrom, PrintWriter out, boolean interactive) {
    }

    /**
     * Whether to continue from a checkpoint: never, always, or when the run directory holds one
     * (what a requeued or retried batch task wants: the same command continues or starts).
     */
    public enum Resume { NO, YES, AUTO }

    /** The checkpoint a resumed run continues from, and its file. */
    private record ResumePoint(Path file, Checkpoint checkpoint) {
    }

    private final GanConfig config;
    private final Options options;

    public TrainingRun(GanConfig config, Options options) {
        this.config = config;
        this.options = options;
    }

    /** Trains and returns the final state; throws the user-facing exceptions of each stage. */
    public TrainingState execute() {
        RunDirectory dir = new RunDirectory(config.output().dir());
        try (RunLock lock = RunLock.acquire(dir.root())) {
            dir.removeStaleTemporaries();
            return execute(dir);
        }
    }

    private TrainingState execute(RunDirectory dir) {
        PrintWriter out = options.out();
        CheckpointStore store = new CheckpointStore(dir.checkpoints(), config.output().keepCheckpoints());
        Optional<Path> latest = store.latest();
        boolean resume = switch (options.resume()) {
            case NO -> false;
            case YES -> true;
            case AUTO -> latest.isPresent();
        };
        if (!resume && latest.isPresent()) {
            throw new RunException(dir.root() + " already holds checkpoints (newest " + latest.get().getFileName()
                    + "); add --resume to continue that run, or start a new one with --set output.dir=DIR.");
        }
        if (!resume) {
            dir.foreignEntry().ifPresent(entry -> {
                throw new RunException(dir.root() + " holds " + entry + ", which no gan4j run wrote; train into an"
                        + " empty or new directory with --set output.dir=DIR.");
            });
        }
        if (resume && options.resumeFrom() == null && latest.isEmpty()) {
            throw new RunException("nothing to resume: " + dir.checkpoints()
                    + " holds no checkpoint; drop --resume to start a new run there.");
        }
        RandomStreams random = new RandomStreams(config.seed());
        try (Dataset data = Datasets.open(config.data(), config.seed())) {
            ModelSpec spec = ModelSpec.of(data);
            Objective objective = Objectives.byName(config.objective().type(), config.objective().params());
            Augmentation augmentation = Augmentation.from(config.augment());
            GanModel model;
            TrainingState state;
            if (resume) {
                ResumePoint point = resumePoint(store, dir);
                Checkpoint checkpoint = point.checkpoint();
                ResumeCheck.firstIncompatibleKey(checkpoint.configYaml(), config.resolvedYaml()).ifPresent(key -> {
                    throw new ConfigException(point.file() + " was written with a different " + key
                            + "; resume with the same config (only train.steps and output.* may change).");
                });
                if (!checkpoint.model().spec().equals(spec)) {
                    throw new RunException(point.file() + " holds a model of " + checkpoint.model().spec().describe()
                            + ", which does not fit " + data.describe() + "; resume with the data it was trained on.");
                }
                model = checkpoint.model();
                state = checkpoint.state();
                out.println("resuming " + dir.root() + " from " + point.file().getFileName());
            } else {
                model = GanModels.create(config, spec, data.describe());
                state = new TrainingState(0, augmentation.initialState());
            }
            if (state.step() >= config.train().steps()) {
                out.println("nothing to do: the run is at step " + state.step() + " of train.steps="
                        + config.train().steps() + "; raise train.steps to train longer.");
                return state;
            }
            Provenance provenance = Provenance.of(config.resolvedYaml(), config.seed(), data.describe());
            AtomicFiles.writeString(dir.config(), config.resolvedYaml());
            AtomicFiles.writeString(dir.provenance(), new Dump(DumpSettings.builder()
                    .setDefaultFlowStyle(FlowStyle.BLOCK).build())
                    .dumpToString(new LinkedHashMap<>(provenance.values())));
            out.println("run directory: " + dir.root());
            out.println("data: " + data.describe());
            out.println(CpuBackend.describe());

            Regularizers regularizers = Regularizers.from(config.regularizers());
            Variant variant = new Variant(model.architecture(), objective, regularizers.penalties(),
                    regularizers.constraints(), regularizers.inputNoise(),
                    config.train().discriminatorStepsPerGeneratorStep(), config.train().reuseFakeBatch(),
                    augmentation);
            OpThreads.configure(config.train().batchSize() * model.widestActivationPerSample());
            List<RunListener> listeners = listeners(dir, store, model, provenance,
                    renderer(data, model, objective, random));
            StopSignal stop = new StopSignal();
            int k = variant.discriminatorStepsPerGeneratorStep();
            TrainingState end;
            try (GracefulStop ignored = new GracefulStop(stop, out);
                 // The trainer is done with each batch before it asks for the next, so arrays can be recycled.
                 BatchStream batches = new BatchStream(data, config.train().batchSize(), config.seed(),
                         state.step() * k, BatchStream.DEFAULT_PREFETCH, config.data().workers(),
                         BatchStream.Memory.REUSED)) {
                Trainer trainer = new Trainer(model.sampleGenerator(), model.sampleCritic(), variant, random,
                        listeners);
                end = trainer.run(state, config.train().steps(), batches::next, stop);
                // Reported before the stop hook is released: after a SIGTERM the JVM exits right then.
                if (data instanceof ImageFolderDataset folder && folder.skippedFiles() > 0) {
                    out.println("warning: " + folder.skippedFiles() + " unreadable image(s) were skipped"
                            + " (named above).");
                }
                out.println((stop.requested() ? "stopped" : "finished") + " at step " + end.step() + "; samples in "
                        + dir.samples() + ", checkpoints in " + dir.checkpoints());
            }
            return end;
        }
    }

    /**
     * The checkpoint asked for, or else the newest one that reads: a damaged newest checkpoint (a
     * disk that filled up, a copy cut short) costs the steps since the one before, not the run.
     */
    private ResumePoint resumePoint(CheckpointStore store, RunDirectory dir) {
        if (options.resumeFrom() != null) {
            return new ResumePoint(options.resumeFrom(), CheckpointStore.read(options.resumeFrom()));
        }
        List<Path> all = store.list();
        for (int i = all.size() - 1; i >= 0; i--) {
            try {
                return new ResumePoint(all.get(i), CheckpointStore.read(all.get(i)));
            } catch (RunException e) {
                options.out().println("warning: " + e.getMessage()
                        + (i > 0 ? " Trying " + all.get(i - 1).getFileName() + " instead." : ""));
            }
        }
        throw new RunException("no checkpoint in " + dir.checkpoints() + " can be read (see the"
                + " warnings above); start the run again without --resume in a new output.dir.");
    }

    private List<RunListener> listeners(RunDirectory dir, CheckpointStore store, GanModel model,
                                        Provenance provenance, SampleRenderer renderer) {
        List<RunListener> listeners = new ArrayList<>();
        // The guard comes first so that a diverged step is never checkpointed.
        listeners.add(new NonFiniteGuard());
        listeners.add(new MetricsLog(dir.metrics()));
        listeners.add(new ProgressReporter(options.out(), options.interactive(), config.output().logEvery()));
        listeners.add(new SampleGridWriter(dir.samples(), config.output().sampleEvery(), renderer));
        listeners.add(new PlotWriter(dir.metrics(), dir.plots().resolve("training.png"), config.name(),
                config.output().sampleEvery()));
        listeners.add(new CheckpointWriter(store, config.output().checkpointEvery(), model, config.resolvedYaml(),
                provenance));
        NativeGarbageCollector collector = new NativeGarbageCollector();
        listeners.add(event -> {
            if (event instanceof RunEvent.StepCompleted) {
                collector.afterStep();
            }
        });
        return listeners;
    }

    private SampleRenderer renderer(Dataset data, GanModel model, Objective objective, RandomStreams random) {
        if (data instanceof ToyDataset toy) {
            int points = 2500;
            double[][] real = toy.mixture().sample(points, random.random(Purpose.FIXED_LATENT, 0, 1));
            SampleInputs inputs = model.gridInputs(points, random.random(Purpose.FIXED_LATENT, 0, 0));
            return new ToySampleRenderer(toy.mixture(), real, inputs, objective, config.name());
        }
        return new ImageSampleRenderer(model.gridInputs(config.output().samples(),
                random.random(Purpose.FIXED_LATENT, 0, 0)), config.output().gridScale());
    }
}
