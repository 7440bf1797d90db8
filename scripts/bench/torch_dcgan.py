#!/usr/bin/python3
"""PyTorch reference timing for the two benchmark GANs (same layers as gan4j.nn.backend.DcganNets).

One step = PyTorch's DCGAN example per batch: G forward on noise; D forward+backward on a real batch (label 1)
and on the detached fake batch (label 0); Adam step on D; D forward+backward on the fake batch (label 1)
through G; Adam step on G. Batch 64, float32, Adam(2e-4, betas (0.5, 0.999)), N(0, 0.02) weights.

Usage (Debian's python3-torch, so /usr/bin/python3 rather than a pyenv python):
    /usr/bin/python3 scripts/bench/torch_dcgan.py --model dcgan64 --threads 2 --warmup 3 --steps 10
Prints the time of each step and a RESULT line with the median in s/step.
"""
import argparse
import statistics
import time

import torch
import torch.nn as nn

NZ = 100


class View(nn.Module):
    def __init__(self, *shape):
        super().__init__()
        self.shape = shape

    def forward(self, x):
        return x.view(x.size(0), *self.shape)


def dcgan28():
    g = nn.Sequential(
        nn.Linear(NZ, 128 * 7 * 7, bias=False), View(128, 7, 7), nn.BatchNorm2d(128), nn.ReLU(True),
        nn.ConvTranspose2d(128, 64, 4, 2, 1, bias=False), nn.BatchNorm2d(64), nn.ReLU(True),   # 7 -> 14
        nn.ConvTranspose2d(64, 1, 4, 2, 1, bias=True), nn.Tanh())                               # 14 -> 28
    d = nn.Sequential(
        nn.Conv2d(1, 64, 4, 2, 1), nn.LeakyReLU(0.2, True),                                     # 28 -> 14
        nn.Conv2d(64, 128, 4, 2, 1, bias=False), nn.BatchNorm2d(128), nn.LeakyReLU(0.2, True),  # 14 -> 7
        nn.Flatten(), nn.Linear(128 * 7 * 7, 1), nn.Sigmoid())
    return g, d, (1, 28, 28), (NZ,)


def dcgan64(ngf=64, ndf=64, nc=3):
    g = nn.Sequential(
        nn.ConvTranspose2d(NZ, ngf * 8, 4, 1, 0, bias=False), nn.BatchNorm2d(ngf * 8), nn.ReLU(True),
        nn.ConvTranspose2d(ngf * 8, ngf * 4, 4, 2, 1, bias=False), nn.BatchNorm2d(ngf * 4), nn.ReLU(True),
        nn.ConvTranspose2d(ngf * 4, ngf * 2, 4, 2, 1, bias=False), nn.BatchNorm2d(ngf * 2), nn.ReLU(True),
        nn.ConvTranspose2d(ngf * 2, ngf, 4, 2, 1, bias=False), nn.BatchNorm2d(ngf), nn.ReLU(True),
        nn.ConvTranspose2d(ngf, nc, 4, 2, 1, bias=False), nn.Tanh())
    d = nn.Sequential(
        nn.Conv2d(nc, ndf, 4, 2, 1, bias=False), nn.LeakyReLU(0.2, True),
        nn.Conv2d(ndf, ndf * 2, 4, 2, 1, bias=False), nn.BatchNorm2d(ndf * 2), nn.LeakyReLU(0.2, True),
        nn.Conv2d(ndf * 2, ndf * 4, 4, 2, 1, bias=False), nn.BatchNorm2d(ndf * 4), nn.LeakyReLU(0.2, True),
        nn.Conv2d(ndf * 4, ndf * 8, 4, 2, 1, bias=False), nn.BatchNorm2d(ndf * 8), nn.LeakyReLU(0.2, True),
        nn.Conv2d(ndf * 8, 1, 4, 1, 0, bias=False), nn.Sigmoid(), nn.Flatten())
    return g, d, (nc, 64, 64), (NZ, 1, 1)


def init_weights(m):
    if isinstance(m, (nn.Conv2d, nn.ConvTranspose2d, nn.Linear)):
        nn.init.normal_(m.weight, 0.0, 0.02)
        if m.bias is not None:
            nn.init.zeros_(m.bias)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", choices=["dcgan28", "dcgan64"], default="dcgan28")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--warmup", type=int, default=3)
    ap.add_argument("--steps", type=int, default=10)
    ap.add_argument("--warmup-seconds", type=float, default=0,
                    help="untimed steps go on until this many seconds have passed too (as gan4j's bench-step)")
    args = ap.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(42)
    g, d, img, zshape = dcgan28() if args.model == "dcgan28" else dcgan64()
    g.apply(init_weights)
    d.apply(init_weights)
    g.train()
    d.train()
    opt_d = torch.optim.Adam(d.parameters(), lr=2e-4, betas=(0.5, 0.999))
    opt_g = torch.optim.Adam(g.parameters(), lr=2e-4, betas=(0.5, 0.999))
    loss = nn.BCELoss()
    b = args.batch
    real = torch.rand(b, *img) * 2 - 1
    ones = torch.ones(b, 1)
    zeros = torch.zeros(b, 1)

    def step():
        z = torch.randn(b, *zshape)
        c0 = time.process_time()
        t0 = time.perf_counter()
        fake = g(z)
        d.zero_grad()
        loss(d(real), ones).backward()
        loss(d(fake.detach()), zeros).backward()
        opt_d.step()
        g.zero_grad()
        loss(d(fake), ones).backward()
        opt_g.step()
        return time.perf_counter() - t0, time.process_time() - c0

    warmup_start = time.perf_counter()
    warmup = 0
    while warmup < args.warmup or time.perf_counter() - warmup_start < args.warmup_seconds:
        step()
        warmup += 1
    times = []
    cpu = []
    for _ in range(args.steps):
        dt, dc = step()
        times.append(dt)
        cpu.append(dc)
    print("steps: " + " ".join("%.3f" % t for t in times))
    print("RESULT %s torch %s threads %d median %.3f s/step min %.3f (n=%d, warmup %d) cpu median %.3f s/step" % (
        args.model, torch.__version__, torch.get_num_threads(), statistics.median(times), min(times),
        len(times), warmup, statistics.median(cpu)))


if __name__ == "__main__":
    main()
