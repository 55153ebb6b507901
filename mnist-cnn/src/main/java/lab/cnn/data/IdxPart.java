package lab.cnn.data;

import java.util.List;

/** The four files of an MNIST-style IDX dataset, by their canonical MNIST names. */
public enum IdxPart {
    TRAIN_IMAGES("train-images-idx3-ubyte"),
    TRAIN_LABELS("train-labels-idx1-ubyte"),
    TEST_IMAGES("t10k-images-idx3-ubyte"),
    TEST_LABELS("t10k-labels-idx1-ubyte");

    private final String fileName;

    IdxPart(String fileName) {
        this.fileName = fileName;
    }

    /** Images (IDX magic 2051), else labels (2049). */
    public boolean isImages() {
        return this == TRAIN_IMAGES || this == TEST_IMAGES;
    }

    public String fileName() {
        return fileName;
    }

    /**
     * Names this part may have on disk, preferred first: MNIST's own name, the dotted spelling
     * some mirrors use ({@code train-images.idx3-ubyte}), and both gzipped (Debian's
     * dataset-fashion-mnist ships {@code train-images-idx3-ubyte.gz}). Raw files come first
     * because they load faster; compression is detected from the content, not the name.
     */
    List<String> candidateNames() {
        String dotted = fileName.replace("-idx", ".idx");
        return List.of(fileName, dotted, fileName + ".gz", dotted + ".gz");
    }
}
