#!/usr/bin/env bash
# gan4j's bench-step against PyTorch running the same models (scripts/bench/torch_dcgan.py), in
# interleaved rounds so that both see the same machine load; prints every run, then per model the
# median s/step of each and their ratio, and the fastest run of each (the least disturbed by other
# load on the machine) and their ratio. Both warm up for at least 5 steps and 15 s: the JVM needs
# about 50 DCGAN-28 steps to compile gan4j's hot Java code; PyTorch is at speed from its first steps.
#
#   scripts/bench/versus_torch.sh [ROUNDS=5] [THREADS=2] [MODELS="dcgan-64 dcgan-28 resnet-32"]
# Needs the build in target/ and Debian's python3-torch with libopenblas0-openmp.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/../.." && pwd)
rounds=${1:-5}
threads=${2:-2}
models=${3:-dcgan-64 dcgan-28 resnet-32}
warmup_seconds=15
log=$(mktemp)
for r in $(seq "$rounds"); do
  for m in $models; do
    steps=$([[ $m == dcgan-28 ]] && echo 50 || echo 10)
    # Machines here may set OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE for old OpenBLAS builds; they slow
    # PyTorch's transposed convolutions, so both sides run without them (the benchmark alone, never CI).
    g=$(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$root/scripts/bench-step" --model "$m" --threads "$threads" --steps "$steps" --warmup 5 \
      --warmup-seconds "$warmup_seconds" 2>&1 \
      | sed -n 's/.*median of [0-9]*: \([0-9.]*\) s\/step/\1/p')
    t=$(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE /usr/bin/python3 "$root/scripts/bench/torch_dcgan.py" --model "${m/dcgan-/dcgan}" --threads "$threads" \
      --warmup 5 --warmup-seconds "$warmup_seconds" --steps "$steps" | sed -n 's/.* median \([0-9.]*\) s\/step min.*/\1/p')
    echo "round $r $m gan4j $g torch $t" | tee -a "$log"
  done
done
python3 - "$log" <<'PY'
import statistics, sys
runs = {}
for line in open(sys.argv[1]):
    _, _, model, _, g, _, t = line.split()
    runs.setdefault(model, []).append((float(g), float(t)))
for model, pairs in runs.items():
    g = statistics.median(p[0] for p in pairs)
    t = statistics.median(p[1] for p in pairs)
    ratios = " ".join("%.2f" % (p[0] / p[1]) for p in pairs)
    print("%s: gan4j %.3f s/step, PyTorch %.3f s/step, ratio of medians %.2f (per round: %s)" % (model, g, t, g / t, ratios))
    gb = min(p[0] for p in pairs)
    tb = min(p[1] for p in pairs)
    print("%s: fastest runs: gan4j %.3f s/step, PyTorch %.3f s/step, ratio %.2f" % (model, gb, tb, gb / tb))
PY
rm -f "$log"
