package lab.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import lab.core.engine.Task;
import lab.core.engine.TaskEngine;
import lab.core.engine.TaskResult;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;

/**
 * Each task is a Spark job of one partition, all submitted at once: Spark runs as many as it has
 * cores, re-runs a task whose executor was lost or which threw (up to {@code spark.task.maxFailures},
 * 4 on a cluster; in {@code local[N,F]} F), and a job that still fails fails alone, so the other
 * tasks finish and the caller records that one as failed.
 */
final class SparkTaskEngine implements TaskEngine {
    private final JavaSparkContext spark;

    SparkTaskEngine(JavaSparkContext spark) {
        this.spark = spark;
    }

    @Override
    public <I extends Serializable, O extends Serializable> void runEach(String job, List<I> inputs, Task<I, O> task,
                                                                        Done<O> done) {
        List<JavaFutureAction<List<byte[]>>> jobs = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            spark.setJobDescription(job + " [" + (i + 1) + "/" + inputs.size() + "]");
            jobs.add(spark.parallelize(List.of(Serialized.bytes(inputs.get(i))), 1)
                    .map(new RunTask<>(task)).collectAsync());
        }
        for (int i = 0; i < jobs.size(); i++) {
            JavaFutureAction<List<byte[]>> running = jobs.get(i);
            TaskResult<O> result;
            try {
                result = TaskResult.of(Serialized.value(running.get().get(0)));
            } catch (ExecutionException e) {
                result = TaskResult.failed(SparkFailures.describe(e.getCause()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                jobs.forEach(j -> j.cancel(true));
                throw new IllegalStateException(job + ": interrupted while its Spark tasks ran", e);
            }
            jobs.set(i, null); // the result's bytes can go once handed over
            done.accept(i, result);
        }
    }

    @Override
    public int parallelism() {
        return spark.defaultParallelism();
    }

    @Override
    public String describe() {
        return "Spark " + spark.master() + " (" + spark.defaultParallelism() + " task slot(s))";
    }

    /** The task on the executor: bytes in, bytes out. */
    private record RunTask<I extends Serializable, O extends Serializable>(Task<I, O> task)
            implements Function<byte[], byte[]> {
        private static final long serialVersionUID = 1L;

        @Override
        public byte[] call(byte[] input) throws Exception {
            I value = Serialized.value(input);
            return Serialized.bytes(task.run(value));
        }
    }
}
