/**
 * {@code kind: search}: hyperparameter search over cnn experiments (candidates built from a
 * base experiment, trained on a subset), through lab.core.search.
 */
package lab.cnn.search;
