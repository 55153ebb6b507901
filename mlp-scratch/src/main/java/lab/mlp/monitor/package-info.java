/**
 * What an mlp run leaves for TensorBoard under the runs directory: the loss curve as scalars and
 * the decision-boundary frames as images. Uses lab.core.tensorboard, lab.mlp.train and
 * lab.mlp.plot (the frames it is handed); never trains.
 */
package lab.mlp.monitor;
