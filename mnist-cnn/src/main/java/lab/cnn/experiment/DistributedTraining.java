package lab.cnn.experiment;

import java.util.ServiceLoader;
import lab.cnn.train.CheckpointStore;
import lab.cnn.train.Schedule;
import lab.cnn.train.TrainingRun;
import lab.cnn.train.TrainingState;
import lab.core.UserError;
import lab.core.engine.TaskEngines;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Trains a cnn experiment's network data-parallel ({@code distributed:}); lab-spark supplies it
 * (META-INF/services/lab.cnn.experiment.DistributedTraining). {@link CnnRunner} writes the model,
 * metrics.json and the curves from what it returns, as for a run in this JVM.
 */
public interface DistributedTraining {
    /**
     * @param net         the network to train in place (its parameters are the driver's copy)
     * @param from        the start, or a checkpoint's state with {@code net} restored from it
     * @param checkpoints where a checkpoint goes at each epoch's end, or null for none
     * @return the run as {@link lab.cnn.train.CnnTrainer} reports one: loss and evaluations at each epoch's end
     */
    TrainingRun train(String name, MultiLayerNetwork net, CnnExperiment spec, CnnData data, Schedule schedule,
                      TrainingState from, CheckpointStore checkpoints);

    static DistributedTraining find(String experiment) {
        return ServiceLoader.load(DistributedTraining.class, TaskEngines.loader()).findFirst()
                .orElseThrow(() -> UserError.usage(experiment + ": distributed: needs the lab-spark module on the class "
                        + "path: run " + TaskEngines.SPARK_COMMAND.replace("NAME", experiment) + " (see docs/cluster.md)"));
    }
}
