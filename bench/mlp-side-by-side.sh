#!/usr/bin/env bash
# The mlp sweep (mvn -q compile exec:java -Dexp=mlp-bench: the Q1 report's 18 trainings) and its
# numpy reference (bench/mlp_sweep_numpy.py: the same trainings with the assignment's numpy code)
# timed in one run, alternating, ROUNDS rounds each. Writes
# results/bench/mlp-<cpu>[-avx2].json and .md: date, CPU model and flags, cores, the flags of each
# side, the load average around every run, every round's seconds, the medians and their ratio.
#
#   bench/mlp-side-by-side.sh [--isa native|avx2] [--rounds R] [--numpy-threads N]
#
#   --isa native   each side uses the widest vectors this CPU has (default)
#   --isa avx2     both sides capped at AVX2 on an AVX-512 machine: the JVM with
#                  -XX:UseAVX=2 -XX:MaxVectorSize=32 (4-lane vectors, AVX2 instructions only),
#                  numpy with OPENBLAS_CORETYPE=Haswell and NPY_DISABLE_CPU_FEATURES set to its
#                  AVX-512 dispatch targets
#   --rounds R     alternating rounds (default 3)
#   --numpy-threads N   OPENBLAS_NUM_THREADS for numpy (default 1; 2 measured the same: OpenBLAS
#                  does not split products this small, numpy runs on one core either way)
#
# Needs: Java 17 and Maven (as for the project), a python3 with numpy (PYTHON=... to choose one).
# Measure on a quiet machine: the load average is recorded beside every measurement.
set -euo pipefail
cd "$(dirname "$0")/.."

isa=native
rounds=3
numpy_threads=1
while [ $# -gt 0 ]; do
  case $1 in
    --isa) isa=${2:-}; shift 2 || { echo "error: --isa needs native or avx2" >&2; exit 2; } ;;
    --rounds) rounds=${2:-}; shift 2 || { echo "error: --rounds needs a number" >&2; exit 2; } ;;
    --numpy-threads) numpy_threads=${2:-}; shift 2 || { echo "error: --numpy-threads needs a number" >&2; exit 2; } ;;
    -h|--help) sed -n '2,24p' "$0"; exit 0 ;;
    *) echo "error: unknown argument '$1' (usage: $0 [--isa native|avx2] [--rounds R] [--numpy-threads N])" >&2; exit 2 ;;
  esac
done
case $isa in native|avx2) ;; *) echo "error: --isa must be native or avx2, got '$isa'" >&2; exit 2 ;; esac
[[ $rounds =~ ^[1-9][0-9]*$ ]] || { echo "error: --rounds must be a positive integer, got '$rounds'" >&2; exit 2; }
[[ $numpy_threads =~ ^[1-9][0-9]*$ ]] || { echo "error: --numpy-threads must be a positive integer, got '$numpy_threads'" >&2; exit 2; }

command -v mvn >/dev/null || { echo "error: mvn not found (Maven 3.8+ is needed to run the Java side)" >&2; exit 2; }
command -v java >/dev/null || { echo "error: java not found (Java 17 is needed)" >&2; exit 2; }
[ -f bench/mlp_sweep_numpy.py ] || { echo "error: bench/mlp_sweep_numpy.py missing" >&2; exit 2; }
python=${PYTHON:-}
if [ -z "$python" ]; then
  for p in python3 /usr/bin/python3; do
    if command -v "$p" >/dev/null && "$p" -c 'import numpy' 2>/dev/null; then python=$(command -v "$p"); break; fi
  done
fi
[ -n "$python" ] && "$python" -c 'import numpy' 2>/dev/null \
  || { echo "error: no python3 with numpy found (pip install numpy, apt-get install python3-numpy, or set PYTHON=...)" >&2; exit 2; }
grep -qw avx2 /proc/cpuinfo || { echo "error: this CPU has no AVX2; the bench compares AVX2 or wider paths" >&2; exit 2; }

cpu_model=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)
cpu_slug=$(echo "$cpu_model" | sed -E 's/\((R|TM|tm|r)\)//g; s/ CPU//; s/@.*//' | tr 'A-Z' 'a-z' | sed -E 's/[^a-z0-9]+/-/g; s/^-+|-+$//g')
avx_flags=$(grep -m1 '^flags' /proc/cpuinfo | tr ' ' '\n' | grep -E '^(avx|avx2|fma|avx512f|avx512dq|avx512bw|avx512vl)$' | sort | tr '\n' ' ' | sed 's/ $//')
cores=$(nproc)
java_version=$(java -version 2>&1 | head -1 | sed -E 's/.*version "([^"]+)".*/\1/')
numpy_version=$("$python" -c 'import numpy; print(numpy.__version__)')

jvm_flags=""
numpy_env=(OPENBLAS_NUM_THREADS="$numpy_threads")
suffix=""
if [ "$isa" = avx2 ]; then
  jvm_flags="-XX:UseAVX=2 -XX:MaxVectorSize=32"
  suffix="-avx2"
  # numpy refuses names it does not dispatch on: disable exactly its targets above AVX2.
  npy_disable=$("$python" -c '
try:
    from numpy._core import _multiarray_umath as m
except ImportError:
    from numpy.core import _multiarray_umath as m
print(" ".join(t for t in m.__cpu_dispatch__ if t.startswith("AVX512") or t == "X86_V4"))')
  numpy_env+=(OPENBLAS_CORETYPE=Haswell)
  [ -n "$npy_disable" ] && numpy_env+=(NPY_DISABLE_CPU_FEATURES="$npy_disable")
fi
expected_lanes=$([ "$isa" = avx2 ] && echo 4 || echo "")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
inputs=$work/mlp-bench-inputs.json
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

java_s=(); numpy_s=(); rows=()
lanes=""; numpy_header=""; numpy_agree=""; numpy_worst=""
for r in $(seq 1 "$rounds"); do
  l0=$(loadavg)
  if ! MAVEN_OPTS="${MAVEN_OPTS:-} $jvm_flags" mvn -q -B compile exec:java -Dexp=mlp-bench \
      -Dmlp.bench.export="$inputs" >"$work/java.out" 2>"$work/java.err"; then
    echo "error: the Java bench failed (mvn -q compile exec:java -Dexp=mlp-bench); its last lines:" >&2
    tail -5 "$work/java.err" "$work/java.out" >&2
    exit 1
  fi
  l1=$(loadavg)
  j=$(awk '/^sweep seconds:/ {print $3}' "$work/java.out")
  lanes=$(sed -nE '1s/.*, ([0-9]+)-lane vectors.*/\1/p' "$work/java.out")
  [ -n "$j" ] || { echo "error: the Java bench printed no 'sweep seconds:' line" >&2; tail -5 "$work/java.out" >&2; exit 1; }
  if [ -n "$expected_lanes" ] && [ "$lanes" != "$expected_lanes" ]; then
    echo "error: the JVM ran with ${lanes:-?}-lane vectors, not $expected_lanes (were the flags '$jvm_flags' ignored?)" >&2; exit 1
  fi
  if ! env "${numpy_env[@]}" "$python" bench/mlp_sweep_numpy.py --inputs "$inputs" >"$work/numpy.out" 2>"$work/numpy.err"; then
    echo "error: the numpy reference failed; its last lines:" >&2
    tail -5 "$work/numpy.err" >&2
    exit 1
  fi
  l2=$(loadavg)
  n=$(awk '/^sweep seconds:/ {print $3}' "$work/numpy.out")
  [ -n "$n" ] || { echo "error: the numpy reference printed no 'sweep seconds:' line" >&2; exit 1; }
  numpy_header=$(head -1 "$work/numpy.out")
  numpy_agree=$(sed -nE 's/^final losses within 1e-9 of Java.s: (.*)$/\1/p' "$work/numpy.out")
  numpy_worst=$(sed -nE 's/^largest relative difference of final losses vs Java: (.*)$/\1/p' "$work/numpy.out")
  echo "round $r: java $j s (load $l0 -> $l1), numpy $n s (load -> $l2)"
  java_s+=("$j"); numpy_s+=("$n")
  rows+=("$r|$j|$n|$l0|$l1|$l2")
done

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
mj=$(median "${java_s[@]}"); mn=$(median "${numpy_s[@]}")
ratio=$(awk -v n="$mn" -v j="$mj" 'BEGIN {printf "%.1f", n/j}')
echo "median of $rounds: java $mj s, numpy $mn s, numpy/java ${ratio}x ($isa)"

mkdir -p results/bench
base=results/bench/mlp-$cpu_slug$suffix
date_utc=$(date -u +%Y-%m-%dT%H:%M:%SZ)
java_cmd="MAVEN_OPTS='$jvm_flags' mvn -q compile exec:java -Dexp=mlp-bench"
numpy_cmd="$(printf '%q ' "${numpy_env[@]}")$python bench/mlp_sweep_numpy.py"

# JSON and Markdown, each written to a temporary file and renamed over the target.
export MSB_BASE="$base" MSB_DATE="$date_utc" MSB_ISA="$isa" MSB_CPU="$cpu_model" MSB_FLAGS="$avx_flags" \
  MSB_CORES="$cores" MSB_JAVA="$java_version" MSB_JVM_FLAGS="$jvm_flags" MSB_LANES="$lanes" MSB_JAVA_CMD="$java_cmd" \
  MSB_NUMPY="$numpy_version" MSB_PYTHON="$python" MSB_NUMPY_ENV="${numpy_env[*]}" MSB_NUMPY_HEADER="$numpy_header" \
  MSB_NUMPY_CMD="$numpy_cmd" MSB_AGREE="$numpy_agree" MSB_WORST="$numpy_worst" MSB_ROWS="$(printf '%s\n' "${rows[@]}")" \
  MSB_MJ="$mj" MSB_MN="$mn" MSB_RATIO="$ratio"
"$python" - <<'PY'
import json, os, re
e = os.environ
base = e["MSB_BASE"]
rows = [r.split("|") for r in e["MSB_ROWS"].strip().split("\n")]
data = {
    "date": e["MSB_DATE"],
    "isa": e["MSB_ISA"],
    "cpu_model": e["MSB_CPU"],
    "cpu_flags": e["MSB_FLAGS"],
    "cores": int(e["MSB_CORES"]),
    "java": {"version": e["MSB_JAVA"], "jvm_flags": e["MSB_JVM_FLAGS"], "vector_lanes": int(e["MSB_LANES"] or 0),
             "command": e["MSB_JAVA_CMD"]},
    "numpy": {"version": e["MSB_NUMPY"], "python": e["MSB_PYTHON"], "env": e["MSB_NUMPY_ENV"],
              "header": e["MSB_NUMPY_HEADER"], "command": e["MSB_NUMPY_CMD"],
              "final_losses_within_1e-9_of_java": e["MSB_AGREE"],
              "largest_relative_difference_vs_java": e["MSB_WORST"]},
    "rounds": [{"round": int(r[0]), "java_seconds": float(r[1]), "numpy_seconds": float(r[2]),
                "load_before_java": r[3], "load_after_java": r[4], "load_after_numpy": r[5]} for r in rows],
    "median_java_seconds": float(e["MSB_MJ"]),
    "median_numpy_seconds": float(e["MSB_MN"]),
    "numpy_over_java": float(e["MSB_RATIO"]),
}
md = [f"# mlp sweep: numpy reference vs dl4j-lab ({data['isa']})", "",
      f"- date: {data['date']}",
      f"- CPU: {data['cpu_model']}, {data['cores']} cores; flags: {data['cpu_flags']}",
      f"- Java {data['java']['version']}, {data['java']['vector_lanes']}-lane vectors, JVM flags: `{data['java']['jvm_flags'] or '(none)'}`; `{data['java']['command']}`",
      f"- numpy {data['numpy']['version']}: `{data['numpy']['command']}`",
      f"- numpy: {data['numpy']['header']}",
      f"- numpy's final losses within 1e-9 (relative) of Java's: {data['numpy']['final_losses_within_1e-9_of_java']}; largest difference {data['numpy']['largest_relative_difference_vs_java']}",
      "", "| round | Java sweep s | numpy sweep s | load before Java | after Java | after numpy |", "|---:|---:|---:|---|---|---|"]
for r in data["rounds"]:
    md.append(f"| {r['round']} | {r['java_seconds']:.3f} | {r['numpy_seconds']:.3f} | {r['load_before_java']} | {r['load_after_java']} | {r['load_after_numpy']} |")
md += ["", f"Medians of {len(rows)} alternating rounds: Java **{data['median_java_seconds']:.3f} s**, numpy **{data['median_numpy_seconds']:.3f} s**: numpy/Java **{data['numpy_over_java']}x**.", "",
       "Written by `bench/mlp-side-by-side.sh --isa " + data["isa"] + f" --rounds {len(rows)}`."]
def scrub(text):
    # results hold no machine paths: the home directory becomes ~, the run's temporary folder TMP
    text = re.sub(r"/tmp/tmp\.[A-Za-z0-9]+/", "TMP/", text)
    home = os.path.expanduser("~")
    return text.replace(home + "/", "~/") if home not in ("", "/") else text

for ext, text in (("json", json.dumps(data, indent=2) + "\n"), ("md", "\n".join(md) + "\n")):
    text = scrub(text)
    target = f"{base}.{ext}"
    tmp = os.path.join(os.path.dirname(target), f".{os.path.basename(target)}.{os.getpid()}.tmp")
    with open(tmp, "w") as f:
        f.write(text)
    os.replace(tmp, target)
print(f"wrote {base}.json and {base}.md")
PY
