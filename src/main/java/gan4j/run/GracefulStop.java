package gan4j.run;

import gan4j.train.StopSignal;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import sun.misc.Signal;

/**
 * Turns SIGTERM, Ctrl-C or SIGUSR1 (Slurm's {@code --signal} ahead of a time limit) into a stop
 * request and holds the JVM's exit until the trainer has finished its step and written a
 * checkpoint, as batch schedulers expect when they preempt a job. The process then exits with
 * {@link #PREEMPTED}, the code of a SIGTERM'd JVM, whichever signal it was. A second signal while
 * the checkpoint is written changes nothing: the JVM is already exiting, and waits for this hook.
 */
public final class GracefulStop implements AutoCloseable {

    /** 128 + SIGTERM: "stopped by the scheduler, checkpoint written, resume me". */
    static final int PREEMPTED = 143;
    private static final long GRACE_SECONDS = 300;

    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    GracefulStop(StopSignal signal, java.io.PrintWriter out) {
        hook = new Thread(() -> {
            out.println("stop requested: finishing the current step and writing a checkpoint...");
            signal.request();
            try {
                finished.await(GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "gan4j-graceful-stop");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * Makes SIGUSR1 exit like SIGTERM, through the shutdown hooks with {@link #PREEMPTED}, for the
     * whole process: the JVM's own default for it is to die at once with 138, which a scheduler reads
     * as a failure. Called first thing in {@code main}, since the signal may come while data loads.
     */
    public static void treatUsr1AsTerm() {
        Signal.handle(new Signal("USR1"), received -> System.exit(PREEMPTED));
    }

    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already exiting through the hook, which the countDown above released.
        }
    }
}
