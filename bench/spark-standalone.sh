#!/usr/bin/env bash
# A Spark standalone cluster on this machine, from the project's Maven class path (no Spark
# download): one Master and N Workers as separate JVMs, as docs/cluster.md describes.
#
#   bench/spark-standalone.sh start [WORKERS] [CORES_PER_WORKER]   # prints the master URL
#   bench/spark-standalone.sh stop
#
# Then: mvn -q -Pspark compile exec:java -Dexp=NAME -Dspark.master=$(cat target/spark-standalone/url)
# Logs: target/spark-standalone/{master,worker-N}.log; executors' in worker-N/app-*/*/stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
dir="$root/target/spark-standalone"
host=127.0.0.1
port=${SPARK_MASTER_PORT:-7077}

stop() {
  if [[ -f "$dir/pids" ]]; then
    while read -r pid; do kill "$pid" 2>/dev/null || true; done < "$dir/pids"
    rm -f "$dir/pids"
  fi
}

case "${1:-}" in
  start)
    workers=${2:-2}
    cores=${3:-1}
    stop
    mkdir -p "$dir/home/jars"
    echo "building the class path (mvn -Pspark) ..." >&2
    mvn -q -B -Pspark -pl lab-cli -am compile dependency:build-classpath -Dmdep.outputFile="$dir/cp.txt" >&2
    cp="$(cat "$dir/cp.txt")"
    for m in lab-core mlp-scratch mnist-cnn lab-spark lab-cli; do cp="$root/$m/target/classes:$cp"; done
    opts=$(sed -n 's:.*<spark.java17.options>\(.*\)</spark.java17.options>.*:\1:p' pom.xml)
    export SPARK_HOME="$dir/home" SPARK_SCALA_VERSION=2.12 SPARK_LOCAL_IP=$host SPARK_DIST_CLASSPATH="$cp"
    # shellcheck disable=SC2086 # opts is a list of JVM flags
    nohup java -Xmx512m $opts -cp "$cp" org.apache.spark.deploy.master.Master \
      --host $host --port "$port" --webui-port 8080 > "$dir/master.log" 2>&1 &
    echo $! > "$dir/pids"
    for ((i = 0; i < workers; i++)); do
      mkdir -p "$dir/worker-$i"
      # shellcheck disable=SC2086
      nohup java -Xmx512m $opts -cp "$cp" org.apache.spark.deploy.worker.Worker "spark://$host:$port" \
        --host $host --cores "$cores" --memory 4g --work-dir "$dir/worker-$i" --webui-port $((8081 + i)) \
        > "$dir/worker-$i.log" 2>&1 &
      echo $! >> "$dir/pids"
    done
    for ((t = 0; t < 60; t++)); do
      # the Master's web UI lists its Workers (its log shows only warnings under the lab's logback.xml)
      registered=$(curl -s http://$host:8080/json/ 2>/dev/null | grep -o '"state" *: *"ALIVE"' | wc -l || true)
      [[ "$registered" -ge "$workers" ]] && break
      sleep 1
    done
    if [[ "${registered:-0}" -lt "$workers" ]]; then
      echo "error: only ${registered:-0} of $workers Workers registered within 60 s; see $dir/*.log" >&2
      stop
      exit 1
    fi
    echo "spark://$host:$port" | tee "$dir/url"
    ;;
  stop)
    stop
    ;;
  *)
    echo "usage: bench/spark-standalone.sh start [WORKERS] [CORES_PER_WORKER] | stop" >&2
    exit 2
    ;;
esac
