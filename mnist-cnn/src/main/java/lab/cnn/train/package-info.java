/**
 * The training loop over a DL4J network: schedule (epochs or iterations, evaluation and loss
 * intervals), evaluation points, checkpoints written atomically and resumed bit for bit, stop
 * requests (Ctrl-C). Uses lab.cnn.data and lab.cnn.backend; knows nothing of reports.
 */
package lab.cnn.train;
