package gan4j.run;

import gan4j.augment.Augmentation;
import gan4j.config.ConfigException;
import gan4j.config.GanConfig;
import gan4j.config.TrainConfig;
import gan4j.data.BatchStream;
import gan4j.data.Dataset;
import gan4j.data.ImageFolderDataset;
import gan4j.data.ToyDataset;
import gan4j.ema.GeneratorAverage;
import gan4j.config.DataConfig;
import gan4j.event.EvalHeadline;
import gan4j.event.EventLog;
import gan4j.event.MetricsLog;
import gan4j.event.NonFiniteGuard;
import gan4j.event.NonFiniteLossException;
import gan4j.event.ProgressReporter;
import gan4j.health.HealthMonitor;
import gan4j.html.ReportWriter;
import gan4j.io.AtomicFiles;
import gan4j.io.RunException;
import gan4j.metrics.ClassifierCache;
import gan4j.metrics.ClassifierTrainingEvaluator;
import gan4j.metrics.FeatureExtractor;
import gan4j.metrics.ImageSetTrainingEvaluator;
import gan4j.metrics.ToyTrainingEvaluator;
import gan4j.metrics.TrainingEvaluator;
import gan4j.model.GanModel;
import gan4j.model.GanModels;
import gan4j.model.ModelSpec;
import gan4j.nn.NativeGarbageCollector;
import gan4j.nn.Networks;
import gan4j.nn.OpThreads;
import gan4j.nn.backend.CpuBackend;
import gan4j.nn.features.FrozenGraphFeatures;
import gan4j.nn.features.PixelRange;
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
import gan4j.train.RollbackRequest;
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
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
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

    /** Where an attempt at training starts: the model, its step and the rollbacks that led there. */
    private record Start(GanModel model, TrainingState state, Rollbacks rollbacks) {
    }

    /** The checkpoint a resumed run continues from, its file, and what changed since it was written. */
    private record ResumePoint(Path file, Checkpoint checkpoint, List<ResumeCheck.Change> changes) {
        String changeList() {
            return changes.stream().map(ResumeCheck.Change::toString).collect(Collectors.joining(", "));
        }
    }

    /** The fixed-noise batch the health monitor measures diversity on: 2,016 pairs, milliseconds to compare. */
    private static final int DIVERSITY_SAMPLES = 64;

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
        try (Dataset data = Datasets.open(config.data(), config.seed())) {
            ModelSpec spec = ModelSpec.of(data);
            Start start;
            Provenance provenance = Provenance.of(config.resolvedYaml(), config.seed(), data.describe());
            if (resume) {
                ResumePoint point = resumed(store, dir, spec, data);
                start = new Start(point.checkpoint().model(), point.checkpoint().state(),
                        point.checkpoint().rollbacks());
                if (!point.changes().isEmpty()) {
                    provenance = provenance.with("changed_on_resume", point.file().getFileName() + ": "
                            + point.changeList());
                }
            } else {
                start = new Start(GanModels.create(config, spec, data.describe()), firstState(),
                        Rollbacks.NONE);
            }
            if (start.state().step() >= config.train().steps()) {
                out.println("nothing to do: the run is at step " + start.state().step() + " of train.steps="
                        + config.train().steps() + "; raise train.steps to train longer.");
                return start.state();
            }
            AtomicFiles.writeString(dir.config(), config.resolvedYaml());
            AtomicFiles.writeString(dir.provenance(), new Dump(DumpSettings.builder()
                    .setDefaultFlowStyle(FlowStyle.BLOCK).build())
                    .dumpToString(new LinkedHashMap<>(provenance.values())));
            out.println("run directory: " + dir.root());
            out.println("data: " + data.describe());
            out.println(CpuBackend.describe());

            Optional<TrainingEvaluator> evaluator = evaluator(data, dir);
            EventLog events = EventLog.open(dir.events(), start.state().step());
            StopSignal stop = new StopSignal();
            TrainingState end;
            try (GracefulStop ignored = new GracefulStop(stop, out)) {
                Start attempt = start;
                while (true) {
                    try {
                        end = train(attempt, data, dir, store, provenance, evaluator, stop);
                        break;
                    } catch (RollbackRequest failure) {
                        attempt = rollBack(attempt.rollbacks(), failure, dir, store, spec, data, events);
                    }
                }
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

    /** One attempt at training from {@code start} to {@code train.steps}; a rollback makes another. */
    private TrainingState train(Start start, Dataset data, RunDirectory dir, CheckpointStore store,
                                Provenance provenance, Optional<TrainingEvaluator> evaluator, StopSignal stop) {
        GanModel model = start.model();
        RandomStreams random = new RandomStreams(config.seed());
        Objective objective = Objectives.forGenerators(model.generators(), config.objective().type(),
                config.objective().params());
        Regularizers regularizers = Regularizers.from(config.regularizers());
        Variant variant = new Variant(model.architecture(), objective, regularizers.penalties(),
                regularizers.constraints(), regularizers.inputNoise(),
                config.train().discriminatorStepsPerGeneratorStep(), config.train().reuseFakeBatch(),
                Augmentation.from(config.augment()));
        OpThreads.configure(config.train().batchSize() * model.widestActivationPerSample());
        HealthMonitor health = new HealthMonitor(EventLog.open(dir.health(), start.state().step()), options.out(),
                config.output().sampleEvery(), HealthMonitor.generated(model.gridInputs(DIVERSITY_SAMPLES,
                        random.random(Purpose.FIXED_LATENT, 0, 0)).input()), config.health().onCollapse(), stop);
        EvalHeadline headline = new EvalHeadline();
        List<RunListener> listeners = new ArrayList<>();
        // The guard comes first so that a diverged step is never checkpointed.
        listeners.add(new NonFiniteGuard());
        // Before the writers, which then show, score and save the average of the step they write.
        model.averageGenerator().ifPresent(average ->
                listeners.add(new GeneratorAverage(average, config.train().ema().orElseThrow())));
        // Before the checkpoint writer: an evaluation at a checkpoint's step is then never lost to a kill.
        evaluator.ifPresent(scorer -> listeners.add(new PeriodicEvaluation(scorer, model,
                config.eval().orElseThrow().every(), config.eval().orElseThrow().samples(), config.seed(),
                new PeriodicEvaluation.Outlets(dir.evalLog(), headline, health, state -> store.writeBest(
                        new Checkpoint(model, state, config.resolvedYaml(), provenance, start.rollbacks())),
                        options.out()))));
        listeners.addAll(writers(dir, store, model, provenance, start.rollbacks(),
                showingAverage(renderer(data, model, objective, random), model), headline));
        listeners.add(health);
        int k = variant.discriminatorStepsPerGeneratorStep();
        // The trainer is done with each batch before it asks for the next, so arrays can be recycled.
        try (BatchStream batches = new BatchStream(data, config.train().batchSize(), config.seed(),
                start.state().step() * k, BatchStream.DEFAULT_PREFETCH, config.data().workers(),
                BatchStream.Memory.REUSED)) {
            Trainer trainer = new Trainer(model.sampleGenerator(), model.sampleCritic(), variant, random, listeners);
            TrainingState end = trainer.run(start.state(), config.train().steps(), batches::next, stop);
            health.collapse().ifPresent(collapse -> {
                throw new RunException("stopped at step " + end.step() + " on mode collapse (" + collapse.detail()
                        + "), as health.on_collapse: stop asks; the state is saved in " + dir.checkpoints()
                        + "; lower the generator's learning rate and start again, or set health.on_collapse: warn.");
            });
            return end;
        }
    }

    /**
     * What {@code train.on_divergence} (or {@code health.on_collapse: rollback}) makes of a failed
     * attempt: the failure itself, or a new start from the newest readable checkpoint before it (step
     * 0 if there is none) at lowered learning rates; the checkpoints of the failed attempt from then on
     * are deleted, so that a later resume cannot pick them. Every draw derives from the seed and step,
     * so the same configuration fails and rolls back alike.
     */
    private Start rollBack(Rollbacks sofar, RollbackRequest failure, RunDirectory dir, CheckpointStore store,
                           ModelSpec spec, Dataset data, EventLog events) {
        TrainConfig.Divergence policy = config.train().divergence();
        boolean diverged = failure instanceof NonFiniteLossException;
        if (diverged && policy.action() == TrainConfig.OnDivergence.STOP) {
            throw failure;
        }
        String what = failure.getMessage().replaceFirst(";.*", "");
        if (sofar.count() >= policy.maxRollbacks()) {
            String exhausted = what + ", after " + sofar.count() + " rollback(s), the most train.max_rollbacks allows; ";
            if (diverged) {
                throw new NonFiniteLossException(exhausted + "lower the learning rates or add a regularizer, then"
                        + " resume.");
            }
            throw new RunException(exhausted + "lower the generator's learning rate or add a regularizer and start"
                    + " again, or set health.on_collapse: warn.");
        }
        Rollbacks next = sofar.next(policy.learningRateFactor());
        store.deleteFrom(failure.before());
        Start start;
        if (store.list().isEmpty()) {
            start = new Start(GanModels.create(config, spec, data.describe(), next.learningRateScale()),
                    firstState(), next);
        } else {
            Checkpoint checkpoint = newestReadable(store, dir, written -> config, rollbacks -> next).checkpoint();
            start = new Start(checkpoint.model(), checkpoint.state(), next);
        }
        String detail = what + "; rolled back to step " + start.state().step() + " with learning rates x"
                + next.learningRateScale() + " (rollback " + next.count() + " of " + policy.maxRollbacks() + ")";
        options.out().println("warning: " + detail);
        events.record(start.state().step(), "rollback", detail);
        return start;
    }

    /** The checkpoint to resume, checked against the data, and said so. */
    private ResumePoint resumed(CheckpointStore store, RunDirectory dir, ModelSpec spec, Dataset data) {
        ResumePoint point = resumePoint(store, dir);
        if (!point.checkpoint().model().spec().equals(spec)) {
            throw new RunException(point.file() + " holds a model of " + point.checkpoint().model().spec().describe()
                    + ", which does not fit " + data.describe() + "; resume with the data it was trained on.");
        }
        options.out().println("resuming " + dir.root() + " from " + point.file().getFileName());
        if (!point.changes().isEmpty()) {
            options.out().println("changed since that checkpoint: " + point.changeList() + "; the run is no longer"
                    + " an exact continuation (recorded in " + dir.provenance().getFileName() + ").");
        }
        return point;
    }

    /** Step 0, with the augmentation probability a run starts at. */
    private TrainingState firstState() {
        return new TrainingState(0, Augmentation.from(config.augment()).initialState());
    }

    /**
     * The checkpoint asked for, or else the newest one that reads, with what changed since it was
     * written; a configuration that may not continue it is refused naming the key.
     */
    private ResumePoint resumePoint(CheckpointStore store, RunDirectory dir) {
        List<ResumeCheck.Change> changes = new ArrayList<>();
        UnaryOperator<GanConfig> check = written -> {
            ResumeCheck.Verdict verdict = ResumeCheck.compare(written.resolvedYaml(), config.resolvedYaml());
            verdict.forbidden().ifPresent(key -> {
                throw new ConfigException("the checkpoint was written with a different " + key + "; resume with"
                        + " the same " + key + " (only the optimizer settings, train.d_steps_per_g_step,"
                        + " train.on_divergence, train.steps, output.*, health.* and eval.* may change).");
            });
            changes.clear();
            changes.addAll(verdict.changes());
            return config;
        };
        ResumePoint point = options.resumeFrom() != null
                ? new ResumePoint(options.resumeFrom(), CheckpointStore.read(options.resumeFrom(), check, r -> r), null)
                : newestReadable(store, dir, check, r -> r);
        return new ResumePoint(point.file(), point.checkpoint(), List.copyOf(changes));
    }

    /**
     * The newest checkpoint that reads: a damaged newest checkpoint (a disk that filled up, a copy
     * cut short) costs the steps since the one before, not the run.
     */
    private ResumePoint newestReadable(CheckpointStore store, RunDirectory dir, UnaryOperator<GanConfig> buildWith,
                                       UnaryOperator<Rollbacks> rollbacksAfter) {
        List<Path> all = store.list();
        for (int i = all.size() - 1; i >= 0; i--) {
            try {
                return new ResumePoint(all.get(i), CheckpointStore.read(all.get(i), buildWith, rollbacksAfter), null);
            } catch (RunException e) {
                options.out().println("warning: " + e.getMessage()
                        + (i > 0 ? " Trying " + all.get(i - 1).getFileName() + " instead." : ""));
            }
        }
        throw new RunException("no checkpoint in " + dir.checkpoints() + " can be read (see the"
                + " warnings above); start the run again without --resume in a new output.dir.");
    }

    /** What records the run: metrics, progress, grids, plots, checkpoints, the report. */
    private List<RunListener> writers(RunDirectory dir, CheckpointStore store, GanModel model, Provenance provenance,
                                      Rollbacks rollbacks, SampleRenderer renderer, EvalHeadline headline) {
        List<RunListener> listeners = new ArrayList<>();
        listeners.add(new MetricsLog(dir.metrics()));
        listeners.add(new ProgressReporter(options.out(), options.interactive(), config.output().logEvery(),
                headline));
        listeners.add(new SampleGridWriter(dir.samples(), config.output().sampleEvery(), renderer));
        listeners.add(new PlotWriter(dir.metrics(), dir.plots().resolve("training.png"), config.name(),
                config.output().sampleEvery()));
        listeners.add(new CheckpointWriter(store, config.output().checkpointEvery(), model, config.resolvedYaml(),
                provenance, rollbacks));
        listeners.add(new ReportWriter(dir.reportFiles(), config.output().sampleEvery()));
        NativeGarbageCollector collector = new NativeGarbageCollector();
        listeners.add(event -> {
            if (event instanceof RunEvent.StepCompleted) {
                collector.afterStep();
            }
        });
        return listeners;
    }

    /**
     * What scores the run while it trains, when {@code eval} asks: the classifier (or eval.features)
     * against the test split for IDX data, eval.features against the training images for folders,
     * MMD and mode coverage for toys. Checked now, so that a missing test split or a bad feature file
     * fails before any training.
     */
    private Optional<TrainingEvaluator> evaluator(Dataset data, RunDirectory dir) {
        if (config.eval().isEmpty()) {
            return Optional.empty();
        }
        if (data instanceof ToyDataset toy) {
            return Optional.of(new ToyTrainingEvaluator(toy.mixture(), config.seed()));
        }
        // Loaded now, so that a file that is no frozen graph fails before any training.
        Optional<FeatureExtractor> network = config.eval().get().features().map(file ->
                FrozenGraphFeatures.load(file, null, null, PixelRange.parse("-1,1")));
        if (config.data() instanceof DataConfig.Idx idx) {
            return Optional.of(new ClassifierTrainingEvaluator(idx.path(), data.classNames(),
                    new ClassifierCache(dir.eval().resolve("classifier.zip")), network, options.out()));
        }
        return Optional.of(new ImageSetTrainingEvaluator(data, network.orElseThrow()));
    }

    private SampleRenderer renderer(Dataset data, GanModel model, Objective objective, RandomStreams random) {
        if (data instanceof ToyDataset toy) {
            int points = 2500;
            double[][] real = toy.mixture().sample(points, random.random(Purpose.FIXED_LATENT, 0, 1));
            SampleInputs inputs = model.gridInputs(points, random.random(Purpose.FIXED_LATENT, 0, 0));
            return new ToySampleRenderer(toy.mixture(), real, inputs, objective, config.name(), config.model().pack());
        }
        return new ImageSampleRenderer(model.gridInputs(config.output().samples(),
                random.random(Purpose.FIXED_LATENT, 0, 0)), config.output().gridScale());
    }

    /** The grids show the moving average of G when the run keeps one: what sampling will use. */
    private static SampleRenderer showingAverage(SampleRenderer renderer, GanModel model) {
        return model.averageGenerator().<SampleRenderer>map(average ->
                (networks, file) -> renderer.render(new Networks(average, networks.discriminator()), file))
                .orElse(renderer);
    }
}
