#!/usr/bin/env bash
# dl4j-lab's Deep-MNIST training benchmark next to PyTorch, TensorFlow and JAX references of the
# same network (bench/*_deep_mnist.py), on this machine, in one go: R rounds, the implementations
# alternating (the order rotates every round), each run 20 warm-up + 300 timed training steps.
# Prints every measurement and writes results/bench/<cpu-slug>[-avx2].json and .md.
#
#   bench/side-by-side.sh [--isa native|avx2] [--rounds R] [--batch 50|128|50,128]
#                         [--only dl4j,pytorch,tensorflow,jax]
#
#   --isa native   every implementation uses what the CPU offers (default)
#   --isa avx2     emulate an AVX2-only machine: oneDNN, OpenBLAS/MKL, ATen, glibc and XLA capped at
#                  AVX2 (the environment below), and dl4j runs -Dexp=bench-avx2[-b128]
#   --rounds R     rounds (default 3); the medians of the R runs go into the table
#   --batch LIST   50 (-Dexp=bench), 128 (-Dexp=bench-b128), or both: 50,128 (default 50)
#   --only LIST    a subset of dl4j,pytorch,tensorflow,jax
#
# dl4j runs as its default chooses (native build, threads); the references get all cores.
# A reference whose framework is not installed is skipped with a warning and recorded as missing.
# Set up (see bench/README.md):
#   apt-get install -y python3-torch python3-numpy libopenblas0-openmp   # PyTorch, /usr/bin/python3
#   pip install tensorflow_cpu jax jaxlib optax                          # pip's python3
#   mvn -q -B install -DskipTests && mvn -q -B exec:java -Dexp=mnist-data
# Environment knobs (development; the defaults are the real measurement):
#   BENCH_ITERS=N         timed steps of the Python references (default 300; dl4j always does 300;
#                         with N != 300 the files get a -benchN suffix)
#   BENCH_RESULTS_DIR=D   where to write (default results/bench)
#   BENCH_SLUG=S          file name instead of the CPU model's slug
#   TORCH_PYTHON, TF_PYTHON, JAX_PYTHON   interpreter for a reference (default: the first of
#                         /usr/bin/python3 and python3 (torch) or python3 and /usr/bin/python3 that imports it)
#   JAX_AVX2_KEEP_YNNPACK=1   --isa avx2: leave XLA's YNNPACK convolutions/dots on (they are NOT capped:
#                         YNNPACK picks AVX-512 kernels from CPUID whatever XLA_FLAGS says)
# Measure on a quiet machine: the load average before and after every run is recorded.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 2
root=$PWD

die() { echo "error: $*" >&2; exit 2; }
warn() { echo "warning: $*" >&2; }

isa=native rounds=3 batch_list=50 only=dl4j,pytorch,tensorflow,jax
invocation="bench/side-by-side.sh $*"
while [ $# -gt 0 ]; do
  case "$1" in
    --isa) isa=${2:-}; shift 2 ;;
    --isa=*) isa=${1#*=}; shift ;;
    --rounds) rounds=${2:-}; shift 2 ;;
    --rounds=*) rounds=${1#*=}; shift ;;
    --batch) batch_list=${2:-}; shift 2 ;;
    --batch=*) batch_list=${1#*=}; shift ;;
    --only) only=${2:-}; shift 2 ;;
    --only=*) only=${1#*=}; shift ;;
    -h|--help) sed -n '2,/^set -uo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument '$1' (see --help)" ;;
  esac
done
case "$isa" in native|avx2) ;; *) die "--isa must be native or avx2, not '$isa'" ;; esac
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || die "--rounds must be a positive integer, not '$rounds'"
iters=${BENCH_ITERS:-300}
[[ "$iters" =~ ^[1-9][0-9]*$ ]] || die "BENCH_ITERS must be a positive integer, not '$iters'"
IFS=, read -r -a batches <<<"$batch_list"
[ ${#batches[@]} -gt 0 ] || die "--batch needs 50, 128 or 50,128"
IFS=, read -r -a wanted <<<"$only"
for i in "${wanted[@]}"; do
  case "$i" in dl4j|pytorch|tensorflow|jax) ;; *) die "--only: unknown implementation '$i'" ;; esac
done
want() { [[ ",$only," == *",$1,"* ]]; }

# ---- the dl4j experiment per batch: it must exist in experiments.yaml ----
declare -A dl4j_exp
for b in "${batches[@]}"; do
  case "$b" in 50) e=bench ;; 128) e=bench-b128 ;; *) die "--batch: $b has no dl4j experiment (50 or 128)" ;; esac
  [ "$isa" = avx2 ] && e=${e/bench/bench-avx2}
  dl4j_exp[$b]=$e
  if want dl4j && ! grep -q "^  $e:[[:space:]]*$" experiments.yaml; then
    die "experiments.yaml has no experiment '$e' (needed for --isa $isa --batch $b); add it, or leave dl4j out with --only"
  fi
done

# ---- prerequisites: MNIST and the built project ----
for f in train-images-idx3-ubyte train-labels-idx1-ubyte t10k-images-idx3-ubyte t10k-labels-idx1-ubyte; do
  [ -f "data/mnist/$f" ] || die "data/mnist/$f missing: run  mvn -q -B compile exec:java -Dexp=mnist-data"
done
if want dl4j; then
  command -v mvn >/dev/null || die "mvn not found"
  repo=${M2_REPO:-$HOME/.m2/repository}
  version=$(awk -F'[<>]' '/<version>/ {print $3; exit}' pom.xml)
  for m in lab-core lab-cli mnist-cnn; do
    [ -f "$repo/lab/dl4j/$m/$version/$m-$version.jar" ] ||
      die "the project is not installed ($repo/lab/dl4j/$m/$version/$m-$version.jar missing): run  mvn -q -B install -DskipTests"
  done
fi
report_py=$(command -v python3 || echo /usr/bin/python3)
[ -x "$report_py" ] || die "no python3 for writing the report"

# ---- the ISA environment, the same for every run ----
isa_vars=(DNNL_MAX_CPU_ISA ONEDNN_MAX_CPU_ISA MKL_ENABLE_INSTRUCTIONS OPENBLAS_CORETYPE ATEN_CPU_CAPABILITY
          GLIBC_TUNABLES XLA_FLAGS TF_SET_ONEDNN_FPMATH_MODE OMP_NUM_THREADS MKL_NUM_THREADS OPENBLAS_NUM_THREADS)
for v in "${isa_vars[@]}"; do
  [ -n "${!v+x}" ] && warn "ignoring $v=${!v} from the environment (the --isa path sets what it needs)"
  unset "$v"
done
# fp32 stays fp32: oneDNN may not use bf16/AMX for f32 primitives (strict is the default; said explicitly)
export DNNL_DEFAULT_FPMATH_MODE=STRICT ONEDNN_DEFAULT_FPMATH_MODE=STRICT
jax_extra=""
if [ "$isa" = avx2 ]; then
  export DNNL_MAX_CPU_ISA=AVX2 ONEDNN_MAX_CPU_ISA=AVX2    # oneDNN (dl4j's v2.3 reads DNNL_ only; v2.6+/v3 both)
  export MKL_ENABLE_INSTRUCTIONS=AVX2                      # MKL, if any library brings it
  export OPENBLAS_CORETYPE=Haswell                         # OpenBLAS (dl4j's, Debian's, numpy's)
  export ATEN_CPU_CAPABILITY=avx2                          # PyTorch's own vectorised kernels
  export GLIBC_TUNABLES=glibc.cpu.hwcaps=-AVX512F,-AVX512VL,-AVX512BW,-AVX512DQ,-AVX512CD  # memcpy & co.
  export XLA_FLAGS=--xla_cpu_max_isa=AVX2                  # XLA's generated code (JAX; TF with jit_compile)
  if [ "${JAX_AVX2_KEEP_YNNPACK:-0}" != 1 ]; then
    jax_extra="--xla_cpu_experimental_ynn_fusion_type=-individual_dot,-individual_convolution,-reduce"
  fi
fi
env_record=()
for v in DNNL_MAX_CPU_ISA ONEDNN_MAX_CPU_ISA MKL_ENABLE_INSTRUCTIONS OPENBLAS_CORETYPE ATEN_CPU_CAPABILITY \
         GLIBC_TUNABLES XLA_FLAGS DNNL_DEFAULT_FPMATH_MODE ONEDNN_DEFAULT_FPMATH_MODE MAVEN_OPTS; do
  [ -n "${!v+x}" ] && env_record+=("$v" "${!v}")
done

# ---- CPU ----
cpu_model=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)
cpu_model=${cpu_model:-unknown CPU}
cores=$(nproc)
cpu_flags=$(grep -m1 '^flags' /proc/cpuinfo | tr ' ' '\n' |
            grep -E '^(sse4_2|avx|avx2|fma|f16c|avx512[a-z0-9_]*|avx_vnni|amx[a-z0-9_]*)$' | sort -u | tr '\n' ' ')
slug=${BENCH_SLUG:-$(printf '%s' "$cpu_model" | sed -E 's/\((R|TM|r|tm)\)//g; s/ CPU / /; s/@.*//' |
                     tr 'A-Z' 'a-z' | sed -E 's/[^a-z0-9]+/-/g; s/^-+//; s/-+$//')}
[ "$isa" = avx2 ] && slug="$slug-avx2"
[ "$iters" != 300 ] && slug="$slug-bench$iters"
out_dir=${BENCH_RESULTS_DIR:-results/bench}
mkdir -p "$out_dir" || die "cannot create $out_dir"

# ---- the Python references: which interpreter has which framework ----
pick_python() {  # module, candidates...
  local mod=$1 py exe; shift
  for py in "$@"; do
    [ -n "$py" ] || continue
    exe=$(command -v "$py" 2>/dev/null) || continue
    if "$exe" -c "import $mod" >/dev/null 2>&1; then
      "$exe" -c 'import sys; print(sys.executable)'
      return 0
    fi
  done
  return 1
}
declare -A py script missing_note
script[pytorch]=bench/torch_deep_mnist.py
script[tensorflow]=bench/tf_deep_mnist.py
script[jax]=bench/jax_deep_mnist.py
impls=()
for i in dl4j pytorch tensorflow jax; do
  want "$i" || continue
  case "$i" in
    dl4j) impls+=(dl4j); continue ;;
    pytorch) p=$(pick_python "torch, numpy" "${TORCH_PYTHON:-}" /usr/bin/python3 python3)
             hint="apt-get install -y python3-torch python3-numpy libopenblas0-openmp" ;;
    tensorflow) p=$(pick_python "tensorflow, numpy" "${TF_PYTHON:-}" python3 /usr/bin/python3)
                hint="pip install tensorflow_cpu" ;;
    jax) p=$(pick_python "jax, optax, numpy" "${JAX_PYTHON:-}" python3 /usr/bin/python3)
         hint="pip install jax jaxlib optax" ;;
  esac
  if [ -n "$p" ]; then
    py[$i]=$p
    impls+=("$i")
  else
    missing_note[$i]="not installed ($hint)"
    warn "$i: not installed for /usr/bin/python3 or python3 ($hint); skipped, recorded as missing"
  fi
done
[ ${#impls[@]} -gt 0 ] || die "nothing to run"

work=$(mktemp -d "${TMPDIR:-/tmp}/side-by-side.XXXXXX") || die "mktemp failed"
trap 'rm -rf "$work"' EXIT
raw=$work/raw.tsv versions=$work/versions.jsonl
: >"$raw"; : >"$versions"

command_for() {  # impl batch -> prints the command, one word per line
  local i=$1 b=$2
  case "$i" in
    dl4j) printf '%s\n' mvn -q -B exec:java "-Dexp=${dl4j_exp[$b]}" ;;
    *) printf '%s\n' "${py[$i]}" "${script[$i]}" --mnist data/mnist --bench "$iters" --batch "$b" --threads "$cores" ;;
  esac
}
printable() { local s="" w; for w in "$@"; do [[ "$w" =~ [[:space:]] ]] && w="'$w'"; s+="${s:+ }$w"; done; printf '%s' "$s"; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

# ---- versions ----
for i in "${impls[@]}"; do
  [ "$i" = dl4j ] && continue
  v=$("${py[$i]}" "${script[$i]}" --versions 2>/dev/null | tail -n 1)
  [ -n "$v" ] && printf '%s\t%s\n' "$i" "$v" >>"$versions"
done
sys_json=$("$report_py" -c 'import json, sys; print(json.dumps(dict(zip(sys.argv[1::2], sys.argv[2::2]))))' \
  kernel "$(uname -r)" os "$(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME")" \
  glibc "$(getconf GNU_LIBC_VERSION 2>/dev/null)" \
  blas_alternative "$(readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3 2>/dev/null)")
printf 'system\t%s\n' "$sys_json" >>"$versions"

echo "# side-by-side: isa $isa, rounds $rounds, batches ${batches[*]}, $cpu_model, $cores cores, flags: $cpu_flags"
echo "# implementations: ${impls[*]}${missing_note[*]+; missing: ${!missing_note[*]}}; timed steps $iters; load $(loadavg)"
[ ${#env_record[@]} -gt 0 ] && echo "# environment: $(for ((k = 0; k < ${#env_record[@]}; k += 2)); do printf '%s=%s ' "${env_record[k]}" "${env_record[k+1]}"; done)"
[ -n "$jax_extra" ] && echo "# jax also: XLA_FLAGS+=' $jax_extra'"

dl4j_backend=""
run_one() {  # impl batch round
  local i=$1 b=$2 r=$3 cmd lb la t0 t1 rc v status note log secs shown
  mapfile -t cmd < <(command_for "$i" "$b")
  shown=$(printable "${cmd[@]}")
  log=$work/$i-$b-$r
  lb=$(loadavg); t0=$(date +%s.%N)
  if [ "$i" = jax ] && [ -n "$jax_extra" ]; then
    XLA_FLAGS="$XLA_FLAGS $jax_extra" timeout 3600 "${cmd[@]}" >"$log.out" 2>"$log.err"; rc=$?
    shown="XLA_FLAGS='$XLA_FLAGS $jax_extra' $shown"
  else
    timeout 3600 "${cmd[@]}" >"$log.out" 2>"$log.err"; rc=$?
  fi
  t1=$(date +%s.%N); la=$(loadavg)
  secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.1f", b - a}')
  v=$(awk '/^images\/second:/ {v = $2} END {print v}' "$log.out")
  if [ $rc -eq 0 ] && [ -n "$v" ]; then
    status=ok note=""
    echo "round $r  batch $b  $(printf '%-10s' "$i") $(printf '%8s' "$v") img/s   load $lb -> $la   ${secs}s"
  else
    status=failed v=""
    note=$(grep -v '^\s*$' "$log.err" "$log.out" 2>/dev/null | grep -i -E 'error|exception|fatal' | tail -n 1 | cut -c1-300)
    [ -n "$note" ] || note=$(cat "$log.err" "$log.out" | grep -v '^\s*$' | tail -n 1 | cut -c1-300)
    note="exit $rc: ${note//$'\t'/ }"
    echo "round $r  batch $b  $(printf '%-10s' "$i") FAILED ($note)   load $lb -> $la" >&2
    tail -n 5 "$log.err" | sed 's/^/    | /' >&2
  fi
  if [ "$i" = dl4j ] && [ -z "$dl4j_backend" ]; then
    dl4j_backend=$(awk '/^backend: / {sub(/^backend: /, ""); print; exit}' "$log.out")
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$b" "$r" "$i" "$status" "$v" "$lb" "$la" "$secs" "$shown" "$note" >>"$raw"
}

for ((r = 1; r <= rounds; r++)); do
  for b in "${batches[@]}"; do
    n=${#impls[@]}
    for ((k = 0; k < n; k++)); do
      run_one "${impls[$(( (k + r - 1) % n ))]}" "$b" "$r"
    done
  done
done
for i in "${!missing_note[@]}"; do
  for b in "${batches[@]}"; do
    printf '%s\t1\t%s\tmissing\t\t\t\t\t\t%s\n' "$b" "$i" "${missing_note[$i]}" >>"$raw"
  done
done

# ---- dl4j versions (after its first run: the backend line says which native build ran) ----
if want dl4j; then
  java_v=$(java -version 2>&1 | head -n 1)
  mvn_v=$(mvn -v 2>/dev/null | head -n 1 | sed 's/\x1b\[[0-9;]*m//g')
  dl4j_v=$(awk -F'[<>]' '/<dl4j.version>/ {print $3; exit}' pom.xml)
  "$report_py" -c 'import json, sys; print("dl4j\t" + json.dumps(dict(zip(sys.argv[1::2], sys.argv[2::2]))))' \
    dl4j "$dl4j_v" java "$java_v" maven "$mvn_v" backend "$dl4j_backend" >>"$versions"
fi

# ---- the report ----
notes=()
[ "$iters" != 300 ] && notes+=("development run: the Python references timed $iters steps, dl4j 300")
if [ "$isa" = avx2 ]; then
  notes+=("AVX2 emulated on a CPU with $(grep -q avx512f /proc/cpuinfo && echo AVX-512 || echo 'no AVX-512'): the caps above; the JVM's own JIT code is not capped unless MAVEN_OPTS has -XX:UseAVX=2")
  if [ -n "$jax_extra" ]; then
    notes+=("jax: XLA's YNNPACK convolution/dot/reduce fusions switched off ($jax_extra): YNNPACK ignores --xla_cpu_max_isa and would run AVX-512 kernels; XLA's Eigen and generated code run instead")
  else
    notes+=("jax: JAX_AVX2_KEEP_YNNPACK=1: YNNPACK's convolution and dot kernels are AVX-512 ones (not capped)")
  fi
fi
args=(--raw "$raw" --versions "$versions" --out "$out_dir/$slug" --date "$(date -Iseconds)"
      --command "${BENCH_ITERS:+BENCH_ITERS=$BENCH_ITERS }$invocation" --rounds "$rounds" --isa "$isa"
      --timed-steps "$iters" --cpu-model "$cpu_model" --cores "$cores" --flags "$cpu_flags")
for b in "${batches[@]}"; do args+=(--batch "$b=${dl4j_exp[$b]}"); done
for ((k = 0; k < ${#env_record[@]}; k += 2)); do args+=(--env "${env_record[k]}=${env_record[k+1]}"); done
for n in "${notes[@]}"; do args+=(--note "$n"); done
"$report_py" bench/side_by_side_report.py "${args[@]}" ||
  die "writing the report failed"
