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
 * Trains a cnn experiment's network data-parallel ({@code distributed:}); lab-spark supplies one
 * for each {@link Distributed.Mode} (META-INF/services/lab.cnn.experiment.DistributedTraining).
 * {@link CnnRunner} writes the model, metrics.json and the curves from what it returns, as for a
 * run in this JVM.
 */
public interface DistributedTraining {
    /** The {@code mode:} this implementation trains. */
    Distributed.Mode mode();

    /**
     * @param net         the network to train in place (its parameters are the driver's copy)
     * @param from        the start, or a checkpoint's state with {@code net} restored from it
     * @param checkpoints where a checkpoint goes at each epoch's end, or null for none
     * @return the run as {@link lab.cnn.train.CnnTrainer} reports one: loss and evaluations at each epoch's end
     */
    TrainingRun train(String name, MultiLayerNetwork net, CnnExperiment spec, CnnData data, Schedule schedule,
                      TrainingState from, CheckpointStore checkpoints);

    /** The implementation of {@code mode}, or one line saying which command brings it. */
    static DistributedTraining find(String experiment, Distributed.Mode mode) {
        return ServiceLoader.load(DistributedTraining.class, TaskEngines.loader()).stream()
                .map(ServiceLoader.Provider::get).filter(t -> t.mode() == mode).findFirst()
                .orElseThrow(() -> UserError.usage(experiment + ": distributed: {mode: " + mode + "} needs the "
                        + "lab-spark module on the class path: run "
                        + TaskEngines.SPARK_COMMAND.replace("NAME", experiment) + " (see docs/cluster.md)"));
    }
}
