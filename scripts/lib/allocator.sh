# Sourced by scripts/gan and scripts/bench-step: preloads jemalloc when installed (scripts/setup installs
# libjemalloc2); GAN4J_JEMALLOC=0 keeps glibc's allocator.
#
# ND4J mallocs and frees thousands of native buffers per step, freeing them on its own threads. glibc
# keeps that memory: DCGAN Fashion-MNIST grew linearly to 3.7 GB over 1000 steps. Measured on
# dcgan-fashion-mnist (100 s) and bench-step dcgan-64 (2 threads):
#   glibc                                   375 steps, 2.4 GB and rising;  2.04 s/step, 2.46 GB peak
#   jemalloc defaults                       370 steps, flat 0.5 GB;        2.43 s/step, 1.45 GB peak
#   jemalloc, the settings below            430 steps, 0.58-0.89 GB;       2.01 s/step, 1.49 GB peak
# jemalloc's defaults hand buffers over 8 MB straight back to the OS, so every large activation is
# faulted in anew; oversize_threshold:0 keeps them in the arenas and a 1 s decay returns what stays unused.
if [[ ${GAN4J_JEMALLOC:-1} != 0 ]]; then
  # awk reads to the end: exiting at the first match would let ldconfig die of SIGPIPE, which
  # pipefail and set -e in the callers turn into a silent exit 141 of the whole launcher.
  jemalloc=$(ldconfig -p 2>/dev/null | awk '$1 == "libjemalloc.so.2" && !found { print $NF; found = 1 }')
  if [[ -n $jemalloc ]]; then
    export LD_PRELOAD="$jemalloc${LD_PRELOAD:+:$LD_PRELOAD}"
    export MALLOC_CONF=${MALLOC_CONF:-oversize_threshold:0,dirty_decay_ms:1000,muzzy_decay_ms:0}
  fi
fi
