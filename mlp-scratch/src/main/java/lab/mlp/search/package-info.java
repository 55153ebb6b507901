/**
 * {@code kind: mlp-search}: hyperparameter search over mlp experiments with seeded
 * train/validation splits, through lab.core.search.
 */
package lab.mlp.search;
