package gan4j.arch;

import gan4j.nn.Network;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * Builds the generator and discriminator of one architecture family. The networks are plain
 * function approximators: G maps a latent batch (plus any condition) to samples, D maps samples
 * (plus any condition) to one raw score each; neither knows it is part of a GAN.
 */
public interface Architecture {

    /** Shape of a latent batch as G expects it, without conditioning. */
    long[] latentShape(int batchSize);

    /** Shape of one generated sample. */
    long[] sampleShape();

    /** How many samples D judges jointly (PacGAN); D's input is that many samples side by side. */
    default int pack() {
        return 1;
    }

    /**
     * How many independent generators G is (MAD-GAN); sample j of a batch comes from generator j mod k,
     * and D then scores k+1 classes instead of one.
     */
    default int generators() {
        return 1;
    }

    /** G as a network ready to train, its parameters initialised from {@code spec}'s seed. */
    Network newGenerator(NetworkSpec spec);

    /** D as a network ready to train, its parameters initialised from {@code spec}'s seed. */
    Network newDiscriminator(NetworkSpec spec);

    /** What one network is built with: extra input channels for conditioning, init seed, optimizer. */
    record NetworkSpec(int conditionChannels, long seed, IUpdater updater, DataType dataType) {

        /**
         * The configuration every network starts from. Not "mini-batch": the trainer hands the
         * updater gradients that are already batch means, with batch size 1, and DL4J's division
         * by it still cost 1.3 ms of a 2.7 ms update of DCGAN-28's generator.
         */
        NeuralNetConfiguration.Builder configuration() {
            return new NeuralNetConfiguration.Builder().seed(seed).dataType(dataType).updater(updater).miniBatch(false);
        }
    }
}
