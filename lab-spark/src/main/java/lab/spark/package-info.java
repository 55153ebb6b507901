/**
 * The {@code spark} engine: one shared {@link org.apache.spark.api.java.JavaSparkContext} per JVM
 * ({@link lab.spark.SparkContexts}: {@code -Dspark.master}, default {@code local[*]}, Kryo with
 * ND4J's registrator), and {@link lab.spark.SparkTaskEngine}, which runs each task of a suite or a
 * search as a Spark job of its own, so a task that fails after Spark's retries fails alone.
 * Data-parallel training is in {@code lab.spark.distributed}.
 * Uses {@code lab.core.engine}; of cnn and mlp it knows only a class name per module, to send that
 * module's classes to a cluster's executors ({@link lab.spark.AppJars}).
 */
package lab.spark;
