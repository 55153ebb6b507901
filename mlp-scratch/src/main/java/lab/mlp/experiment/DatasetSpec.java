package lab.mlp.experiment;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.nio.file.Path;
import lab.mlp.data.Dataset;

/**
 * The {@code dataset:} of an mlp experiment; its {@code type:} picks the record, named by the
 * record's {@code @JsonTypeName}. Each record has only its own keys (any other key is an unknown
 * key for that type), its defaults and its loader. A new type is a new record plus its name in
 * {@code permits}: the binder takes a sealed type's subtypes from there.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
public sealed interface DatasetSpec permits MoonsSpec, BlobsSpec, CirclesSpec, CsvSpec {

    /** The assignment's data: make_moons(200, noise=0.20), seed 0. */
    static DatasetSpec defaultMoons() {
        return new MoonsSpec(null, null, null);
    }

    /** @param baseDir relative paths resolve against this directory (the experiments file's) */
    Dataset load(Path baseDir);

    /** One line for logs and titles. */
    String describe();

    /** The {@code type:} value that picks this record. */
    default String typeName() {
        return getClass().getAnnotation(JsonTypeName.class).value();
    }
}
