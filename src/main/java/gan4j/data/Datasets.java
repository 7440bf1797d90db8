package gan4j.data;

import gan4j.config.DataConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Opens the dataset a configuration describes. */
public final class Datasets {

    private Datasets() {
    }

    /**
     * Opens {@code config}'s data; {@code seed} only matters for generated data (the toy mixtures).
     * IDX folders whose path mentions "fashion" get Fashion-MNIST's class names, others "0".."9".
     */
    public static Dataset open(DataConfig config, long seed) {
        if (config instanceof DataConfig.Idx idx) {
            return IdxDataset.inDirectory(idx.path(), idx.limit() == 0 ? IdxDataset.ALL : idx.limit());
        }
        if (config instanceof DataConfig.Folder folder) {
            if (!Files.isDirectory(folder.path())) {
                throw new DataException(missingFolder(folder.path()));
            }
            return ImageFolderDataset.open(folder.path(), folder.imageSize(), folder.channels());
        }
        if (config instanceof DataConfig.Toy toy) {
            return new ToyDataset(ToyMixture.valueOf(toy.mixture().toUpperCase(Locale.ROOT)), toy.points(), seed);
        }
        if (config instanceof DataConfig.Packed packed) {
            return PackedDataset.open(packed.path(), packed.limit() == 0 ? PackedDataset.ALL : packed.limit());
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
