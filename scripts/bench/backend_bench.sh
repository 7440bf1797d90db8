#!/usr/bin/env bash
# Backend benchmark: DCGAN-28 and DCGAN-64 full GAN steps at batch 64, for
#   default   nd4j-native linux-x86_64 (no oneDNN), helpers off         GAN4J_NATIVE=generic GAN4J_ONEDNN=0
#   noshim    linux-x86_64-onednn-avx512, helpers asked for, shim removed from the classpath (lookup fails)
#   onednn    linux-x86_64-onednn-avx512, shim, helpers on              (defaults)
#   torch     PyTorch (Debian python3-torch), scripts/bench/torch_dcgan.py
# Rounds are interleaved (A B C D, A B C D, ...) so that each configuration sees similar load on a shared
# machine. gan4j's side is bench-step's trainer step (gan4j.bench.StepBenchmark, the same code as
# scripts/bench-step); each run prints its median s/step, /usr/bin/time -v gives peak RSS.
#
# Usage: scripts/bench/backend_bench.sh [rounds] [threads] [configs] [models]   (from the repository root)
#   e.g. scripts/bench/backend_bench.sh 3 2 "default noshim onednn torch" "dcgan28 dcgan64"
# Needs: mvn -DskipTests package done; apt-get install python3-torch libopenblas0-openmp for the torch runs.
set -euo pipefail
ROUNDS=${1:-3}
THREADS=${2:-2}
CONFIGS=${3:-"default noshim onednn torch"}
MODELS=${4:-"dcgan28 dcgan64"}
OUT=${OUT:-target/bench}
mkdir -p "$OUT"
CP="target/classes:target/lib/*"
# A copy of the classes without the shim, for the "noshim" configuration.
rm -rf "$OUT/noshim-classes" && cp -r target/classes "$OUT/noshim-classes" && rm -rf "$OUT/noshim-classes/org/nd4j/nativeblas"
CP_NOSHIM="$OUT/noshim-classes:target/lib/*"
JAVA="java -Xmx6g -Djava.awt.headless=true"

steps_for() { # model -> "warmup steps"
  case "$1" in dcgan28) echo "3 10" ;; dcgan64) echo "2 5" ;; esac
}

run() { # round config model
  local r=$1 c=$2 m=$3 ws log bench
  ws=($(steps_for "$m"))
  bench=(gan4j.bench.StepBenchmark --model "${m/dcgan/dcgan-}" --warmup "${ws[0]}" --steps "${ws[1]}" --batch 64)
  log="$OUT/$m-$c-t$THREADS-r$r.log"
  echo "== round $r $c $m (load: $(cut -d' ' -f1-3 /proc/loadavg))" | tee -a "$OUT/summary.txt"
  case "$c" in
    default) env OMP_NUM_THREADS=$THREADS GAN4J_NATIVE=generic GAN4J_ONEDNN=0 /usr/bin/time -v $JAVA -cp "$CP" "${bench[@]}" >"$log" 2>&1 ;;
    noshim)  env OMP_NUM_THREADS=$THREADS /usr/bin/time -v $JAVA -cp "$CP_NOSHIM" "${bench[@]}" >"$log" 2>&1 ;;
    onednn)  env OMP_NUM_THREADS=$THREADS /usr/bin/time -v $JAVA -cp "$CP" "${bench[@]}" >"$log" 2>&1 ;;
    avx2)    env OMP_NUM_THREADS=$THREADS GAN4J_NATIVE=avx2 /usr/bin/time -v $JAVA -cp "$CP" "${bench[@]}" >"$log" 2>&1 ;;
    torch)   env OMP_NUM_THREADS=$THREADS /usr/bin/time -v /usr/bin/python3 scripts/bench/torch_dcgan.py --model "$m" --threads "$THREADS" --warmup "${ws[0]}" --steps "${ws[1]}" >"$log" 2>&1 ;;
  esac
  { grep -h "backend:\|median of\|RESULT" "$log"
    grep -h "Maximum resident set size\|Exception\|Exit status" "$log"; } | tee -a "$OUT/summary.txt" || true
}

for r in $(seq 1 "$ROUNDS"); do
  for m in $MODELS; do
    for c in $CONFIGS; do
      run "$r" "$c" "$m"
    done
  done
done
