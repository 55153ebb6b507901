#!/usr/bin/env bash
# DL4J (this project, `-Dexp=bench`) and the PyTorch reference (../shared/bench/torch_deep_mnist.py)
# timed on the same machine in one run, alternating, ROUNDS rounds each; prints every
# measurement, the medians and their ratio.
#
#   bench/side-by-side.sh [ROUNDS] [EXP]      defaults: 3 rounds, EXP=bench (batch 50)
#
# Needs: Debian's python3-torch and python3-numpy (apt-get install -y python3-torch python3-numpy),
# MNIST in data/mnist (mvn -q compile exec:java -Dexp=mnist-data), and a built project
# (mvn -q install -DskipTests). Measure on a quiet machine: the load average is printed.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
exp=${2:-bench}
batch=$(awk -v e="  $exp:" '$0 == e {f=1; next} f && /batch_size:/ {print $2; exit} f && /^  [^ ]/ {exit}' experiments.yaml)
batch=${batch:-50}
torch_script=${TORCH_BENCH:-../shared/bench/torch_deep_mnist.py}
[ -f "$torch_script" ] || { echo "error: $torch_script not found (set TORCH_BENCH=path/to/torch_deep_mnist.py)" >&2; exit 2; }
/usr/bin/python3 -c 'import torch' 2>/dev/null || { echo "error: python3-torch missing (apt-get install -y python3-torch python3-numpy)" >&2; exit 2; }
[ -f data/mnist/train-images-idx3-ubyte ] || { echo "error: data/mnist missing (mvn -q compile exec:java -Dexp=mnist-data)" >&2; exit 2; }

dl4j=(); torch=()
for r in $(seq 1 "$rounds"); do
  t=$(/usr/bin/python3 "$torch_script" --mnist data/mnist --bench 300 --batch "$batch" | awk '/^images\/second:/ {print $2}')
  d=$(mvn -q -B exec:java -Dexp="$exp" 2>/dev/null | awk '/^images\/second:/ {print $2}')
  echo "round $r: pytorch $t img/s, dl4j $d img/s, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  torch+=("$t"); dl4j+=("$d")
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
mt=$(median "${torch[@]}"); md=$(median "${dl4j[@]}")
echo "batch $batch, median of $rounds: pytorch $mt img/s, dl4j $md img/s, dl4j/pytorch $(awk -v d="$md" -v t="$mt" 'BEGIN {printf "%.2f", d/t}')"
