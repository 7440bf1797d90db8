package gan4j.run;

import gan4j.config.DataConfig;
import gan4j.data.DataException;
import gan4j.data.Dataset;
import gan4j.data.IdxDataset;
import gan4j.data.ImageFolderDataset;
import gan4j.data.PackedDataset;
import gan4j.data.ToyDataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Opens the dataset a configuration describes. It lives with the run rather than in {@code gan4j.data}
 * so that the datasets know nothing of the configuration, which names their types.
 */
public final class Datasets {

    private Datasets() {
    }

    /**
     * Opens {@code config}'s data; {@code seed} only matters for generated data (the toy mixtures).
     * IDX folders whose path mentions "fashion" get Fashion-MNIST's class names, others "0".."9".
     */
    public static Dataset open(DataConfig config, long seed) {
        if (config instanceof DataConfig.Idx idx) {
            return IdxDataset.inDirectory(idx.path(), idx.limit().orElse(IdxDataset.ALL));
        }
        if (config instanceof DataConfig.Folder folder) {
            if (!Files.isDirectory(folder.path())) {
                throw new DataException(missingFolder(folder.path()));
            }
            return ImageFolderDataset.open(folder.path(), folder.imageSize(), folder.channels());
        }
        if (config instanceof DataConfig.Toy toy) {
            return new ToyDataset(toy.mixture(), toy.points(), seed);
        }
        if (config instanceof DataConfig.Packed packed) {
            return PackedDataset.open(packed.path(), packed.limit().orElse(PackedDataset.ALL));
        }
        throw new IllegalArgumentException("no dataset for " + config);
    }

    private static String missingFolder(Path path) {
        String message = "data folder " + path + " does not exist: put your images there (one sub-folder per class,"
                + " or all directly inside) or point data.path at them";
        if (path.toString().toLowerCase(Locale.ROOT).contains("celeba")) {
            message += "; for CelebA, download img_align_celeba.zip from the CelebA project page"
                    + " (mmlab.ie.cuhk.edu.hk/projects/CelebA.html) and unzip it into " + path + " (see data/README.md)";
        }
        return message + ".";
    }
}
