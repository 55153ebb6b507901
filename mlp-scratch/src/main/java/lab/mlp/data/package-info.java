/**
 * 2-D toy data for the from-scratch MLP: make_moons, make_blobs, circles (seeded, as scikit-learn
 * makes them) and labelled points from CSV files. Uses lab.core only.
 */
package lab.mlp.data;
