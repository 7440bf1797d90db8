package gan4j.run;

import gan4j.train.StopSignal;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Turns SIGTERM, Ctrl-C or SIGUSR1 (Slurm's {@code --signal} ahead of a time limit) into a stop
 * request and holds the JVM's exit until the trainer has finished its step and written a
 * checkpoint, as batch schedulers expect when they preempt a job. The process then exits with
 * {@link #PREEMPTED}, the code of a SIGTERM'd JVM, whichever signal it was.
 */
final class GracefulStop implements AutoCloseable {

    /** 128 + SIGTERM: "stopped by the scheduler, checkpoint written, resume me". */
    static final int PREEMPTED = 143;
    private static final long GRACE_SECONDS = 300;
    private static final Signal USR1 = new Signal("USR1");

    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;
    private final SignalHandler previousUsr1;

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
        // The JVM has no shutdown hook for SIGUSR1; exiting runs the hook above, as SIGTERM does.
        previousUsr1 = Signal.handle(USR1, received -> System.exit(PREEMPTED));
    }

    @Override
    public void close() {
        Signal.handle(USR1, previousUsr1);
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already exiting through the hook, which the countDown above released.
        }
    }
}
