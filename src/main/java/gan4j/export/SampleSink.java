package gan4j.export;

import java.io.IOException;

/** Where exported samples go, batch by batch, in order: a folder of PNGs or one .npz. */
interface SampleSink {

    void accept(ExportedBatch batch) throws IOException;

    /** Generates the samples into a sink. */
    @FunctionalInterface
    interface Producer {
        void produce(SampleSink sink) throws IOException;
    }
}
