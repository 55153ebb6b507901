#!/usr/bin/env bash
# docs/cluster.md's measured table: the same work in one JVM, on Spark local[2], and on a 2-Worker
# standalone cluster on this machine (bench/spark-standalone.sh), one after the other:
#   - wall time of the suite smoke-seeds (4 members), engine local / spark;
#   - one epoch of the baseline: adam-relu-1epoch in one JVM, adam-relu-averaged (parameter
#     averaging, 2 workers) on local[2] and on the cluster: img/s and test accuracy.
# Writes results/cluster/<cpu>.json and .md. Run it on an otherwise quiet machine (about 20 min
# on 2 cores); the load average is recorded beside each figure.
#
#   bench/cluster-table.sh [--skip-epoch]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
epoch=1
[[ "${1:-}" == "--skip-epoch" ]] && epoch=0
work=$(mktemp -d /tmp/cluster-table.XXXXXX)
trap 'bench/spark-standalone.sh stop; rm -rf "$work"' EXIT
rows="$work/rows.tsv"
: > "$rows"

# run LABEL KIND EXPERIMENT MAVEN_ARGS...: times one command, results and runs in a fresh directory
run() {
  local label=$1 kind=$2 exp=$3; shift 3
  local out="$work/$label"
  mkdir -p "$out"
  local load; load=$(cut -d' ' -f1 /proc/loadavg)
  local start; start=$(date +%s.%N)
  if ! mvn -q -B -Pspark compile exec:java -Dexp="$exp" -Dresults.dir="$out/results" -Druns.dir="$out/runs" "$@" \
      > "$out/log" 2>&1; then
    echo "error: $label failed; its log: $out/log" >&2
    tail -5 "$out/log" >&2
    exit 1
  fi
  local end; end=$(date +%s.%N)
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$label" "$kind" "$exp" "$(echo "$end - $start" | bc)" "$load" "$out" >> "$rows"
  echo "$label: $(echo "$end - $start" | bc) s (load average before: $load)" >&2
}

mvn -q -B -Pspark compile > /dev/null  # compiled once, so no row times the compiler
run suite-local suite smoke-seeds -Dengine=local
run suite-local2 suite smoke-seeds -Dengine=spark -Dspark.master='local[2]'
if [[ $epoch == 1 ]]; then
  run epoch-1jvm epoch adam-relu-1epoch
  run epoch-local2 epoch adam-relu-averaged -Dspark.master='local[2]'
  run epoch-local2-lr2x epoch adam-relu-averaged-lr2x -Dspark.master='local[2]'
fi
master=$(bench/spark-standalone.sh start 2 1 | tail -1)
run suite-standalone suite smoke-seeds -Dengine=spark -Dspark.master="$master"
if [[ $epoch == 1 ]]; then
  run epoch-standalone epoch adam-relu-averaged -Dspark.master="$master"
fi
bench/spark-standalone.sh stop

python3 - "$rows" "$root/results/cluster" <<'EOF'
import json, os, platform, re, sys
rows_file, out_dir = sys.argv[1], sys.argv[2]
cpu = {}
for line in open('/proc/cpuinfo'):
    key, _, value = line.partition(':')
    cpu.setdefault(key.strip(), value.strip())
flags = cpu.get('flags', '').split()
isa = [f for f in ('avx2', 'fma', 'avx512f', 'avx512bw', 'avx512_bf16', 'amx_tile') if f in flags]
model = cpu.get('model name', platform.processor())
settings = {'local': 'one JVM (engine local)', 'local2': 'Spark `local[2]`', '1jvm': 'one JVM',
            'standalone': 'standalone cluster, 2 Workers x 1 core'}
rows = []
for line in open(rows_file):
    label, kind, exp, seconds, load, out = line.rstrip('\n').split('\t')
    row = {'label': label, 'kind': kind, 'experiment': exp, 'wall_seconds': round(float(seconds), 1),
           'load_average_before': float(load), 'setting': settings[label.split('-')[1]]}
    if kind == 'epoch':
        m = json.load(open(os.path.join(out, 'results', 'cnn', exp, 'metrics.json')))
        row.update(images_per_second=round(m['images_per_second'], 1), train_seconds=round(m['train_seconds'], 1),
                   test_accuracy=m['test_accuracy'], val_accuracy=m['val_accuracy'],
                   learning_rate=m['config']['learning_rate'], distributed=m['config'].get('distributed'))
    rows.append(row)
name = re.sub(r'[^a-z0-9]+', '-', model.lower()).strip('-')
os.makedirs(out_dir, exist_ok=True)
doc = {'cpu_model': model, 'isa_flags': isa, 'cores': os.cpu_count(), 'command': 'bench/cluster-table.sh', 'rows': rows}
with open(os.path.join(out_dir, name + '.json.tmp'), 'w') as f:
    json.dump(doc, f, indent=2)
os.replace(os.path.join(out_dir, name + '.json.tmp'), os.path.join(out_dir, name + '.json'))
lines = [f'# Spark engines on one machine: {model}', '',
         f'{os.cpu_count()} cores; flags {", ".join(isa)}. Made by `bench/cluster-table.sh`; each row ran alone, '
         'one after the other, nothing else running; "load" is the 1-minute load average just before it started '
         '(the row before it still shows there).', '',
         '| work | setting | wall time of the command | img/s (training) | test accuracy | load |', '|---|---|---:|---:|---:|---:|']
for r in rows:
    work = ('suite `smoke-seeds` (4 members)' if r['kind'] == 'suite'
            else f"one epoch of the baseline: `{r['experiment']}` (Adam {r['learning_rate']:g})")
    ips = f"{r['images_per_second']:.0f}" if 'images_per_second' in r else ''
    acc = f"{100 * r['test_accuracy']:.2f} %" if 'test_accuracy' in r else ''
    lines.append(f"| {work} | {r['setting']} | {r['wall_seconds']:.0f} s | {ips} | {acc} | {r['load_average_before']:.2f} |")
lines += ['', 'Data-parallel rows: `distributed: ' + json.dumps(next((r['distributed'] for r in rows if r.get('distributed')), None)) + '`.']
with open(os.path.join(out_dir, name + '.md.tmp'), 'w') as f:
    f.write('\n'.join(lines) + '\n')
os.replace(os.path.join(out_dir, name + '.md.tmp'), os.path.join(out_dir, name + '.md'))
print(os.path.join(out_dir, name + '.md'))
EOF
