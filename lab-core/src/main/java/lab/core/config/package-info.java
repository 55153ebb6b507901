/**
 * experiments.yaml bound to records: {@link lab.core.config.ExperimentsFile} reads the file with
 * line and column kept for every key, so a bad value is reported as {@code FILE:LINE:COL: key: problem};
 * {@link lab.core.config.Check} holds the range checks records use. Uses Jackson and SnakeYAML.
 */
package lab.core.config;
