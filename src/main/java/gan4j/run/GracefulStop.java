package gan4j.run;

import gan4j.train.StopSignal;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns SIGTERM or Ctrl-C into a stop request and holds the JVM's exit until the trainer has
 * finished its step and written a checkpoint, as batch schedulers expect when they preempt a job.
 */
final class GracefulStop implements AutoCloseable {

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
