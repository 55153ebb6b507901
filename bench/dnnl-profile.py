#!/usr/bin/env python3
"""Where a cnn benchmark's time goes, per oneDNN primitive.

Reads the output of a run with DNNL_VERBOSE=1 (oneDNN 2.3, bundled with libnd4j 1.0.0-M2.1) and
prints one row per primitive (kind, implementation, propagation, shape): calls and milliseconds
per training iteration, largest first, and the total. The iteration count comes from the bench's
own first line ("N warm-up + M timed iterations"), or --iterations.

    DNNL_VERBOSE=1 mvn -q -B exec:java -Dexp=bench > run.log 2>&1
    bench/dnnl-profile.py run.log [--markdown]
"""
import argparse
import collections
import re
import sys


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("log")
    p.add_argument("--iterations", type=int, help="training iterations in the log (default: from the bench line)")
    p.add_argument("--markdown", action="store_true", help="a Markdown table")
    args = p.parse_args()
    try:
        lines = open(args.log, encoding="utf-8", errors="replace").read().splitlines()
    except OSError as e:
        sys.exit("error: %s: %s" % (args.log, e.strerror))

    iterations = args.iterations
    isa = "?"
    rows = collections.OrderedDict()
    for line in lines:
        m = re.search(r"(\d+) warm-up \+ (\d+) timed iterations", line)
        if m and iterations is None:
            iterations = int(m.group(1)) + int(m.group(2))
        if not line.startswith("dnnl_verbose,"):
            continue
        f = line.split(",")
        if f[1] == "info" and len(f) > 3 and f[3].startswith("isa:"):
            isa = f[3][4:]
        if f[1] != "exec" or len(f) < 11:
            continue
        kind, impl, prop, shape, ms = f[3], f[4], f[5], f[9], float(f[10])
        if kind == "reorder":
            src_dst = re.findall(r"blocked:([A-Za-z0-9]+)", f[6])
            shape = "%s -> %s %s" % (src_dst[0] if src_dst else "?", src_dst[1] if len(src_dst) > 1 else "?", shape)
        key = (kind, impl, prop, shape)
        calls, total = rows.get(key, (0, 0.0))
        rows[key] = (calls + 1, total + ms)
    if not rows:
        sys.exit("error: %s has no dnnl_verbose exec lines (run with DNNL_VERBOSE=1 on a oneDNN build)" % args.log)
    if not iterations:
        sys.exit("error: no iteration count in %s: give --iterations N" % args.log)

    ordered = sorted(rows.items(), key=lambda kv: -kv[1][1])
    total = sum(t for _, (_, t) in ordered)
    if args.markdown:
        print("| primitive | implementation | propagation | shape | calls/iter | ms/iter |")
        print("|---|---|---|---|---|---|")
        for (kind, impl, prop, shape), (calls, t) in ordered:
            print("| %s | %s | %s | %s | %.2g | %.2f |" % (kind, impl, prop, shape, calls / iterations, t / iterations))
        print("| **all oneDNN primitives** | | | | | **%.1f** |" % (total / iterations))
        print("\n(oneDNN ISA: %s; %d iterations)" % (isa, iterations))
    else:
        print("oneDNN ISA: %s; %d iterations; ms per iteration" % (isa, iterations))
        for (kind, impl, prop, shape), (calls, t) in ordered:
            print("%8.2f ms  %5.2g calls  %-10s %-16s %-18s %s" % (t / iterations, calls / iterations, kind, impl, prop, shape))
        print("%8.1f ms  all oneDNN primitives" % (total / iterations))


if __name__ == "__main__":
    main()
