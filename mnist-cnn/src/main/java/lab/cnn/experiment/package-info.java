/**
 * The cnn experiment kinds: their YAML records ({@code kind: cnn}, {@code cnn-suite},
 * {@code cnn-bench}, {@code cnn-report}, {@code data}, {@code ui}) and runners, which put
 * data, model, training, monitoring and reports together. The top of the cnn packages: only
 * lab.cnn.search and lab.cnn.CnnKinds use it.
 */
package lab.cnn.experiment;
