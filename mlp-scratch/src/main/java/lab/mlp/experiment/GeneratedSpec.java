package lab.mlp.experiment;

/**
 * A dataset type drawn by a seeded generator, which can be asked for more points of the same
 * distribution (the mlp search draws its train, validation and test points this way).
 */
public interface GeneratedSpec {
    Integer n();

    /** The same generator, settings and seed asked for {@code n} points. */
    DatasetSpec withN(int n);
}
