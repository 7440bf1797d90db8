# Reference numbers for SampleQualityReferenceTest, computed once with NumPy 2.4 / SciPy 1.17:
#   python3 src/test/resources/gan4j/metrics/reference_metrics.py
# The arrays are formulas so the Java test builds the same ones without reading a file.
# Precision/recall/density/coverage follow the authors' reference code (pip package prdc,
# prdc/prdc.py): k-th neighbour radii with the point itself excluded, strict inequalities.
import numpy as np
from scipy import linalg

i = np.arange(60)[:, None]; j = np.arange(4)[None, :]
real = np.sin(1.7 * i + 0.3 * j) + 0.5 * np.cos(0.11 * i * j)
i = np.arange(50)[:, None]
fake = 1.2 * np.sin(1.1 * i + 0.7 * j) + 0.3

def mmd2_unbiased(x, y):
    d = x.shape[1]
    k = lambda a, b: (a @ b.T / d + 1) ** 3
    kxx, kyy, kxy = k(x, x), k(y, y), k(x, y)
    m, n = len(x), len(y)
    return ((kxx.sum() - np.trace(kxx)) / (m * (m - 1)) + (kyy.sum() - np.trace(kyy)) / (n * (n - 1))
            - 2 * kxy.mean())

def frechet(x, y):
    mu1, mu2 = x.mean(0), y.mean(0)
    s1, s2 = np.cov(x, rowvar=False), np.cov(y, rowvar=False)
    covmean = linalg.sqrtm(s1 @ s2).real
    return ((mu1 - mu2) ** 2).sum() + np.trace(s1 + s2 - 2 * covmean)

def dist(a, b):
    return np.sqrt(((a[:, None, :] - b[None, :, :]) ** 2).sum(-1))

def radii(x, k):
    return np.partition(dist(x, x), k, axis=1)[:, k]   # column 0 is the point itself

def prdc(real, fake):
    rr3, rr5, ff3 = radii(real, 3), radii(real, 5), radii(fake, 3)
    d = dist(real, fake)
    precision = (d < rr3[:, None]).any(axis=0).mean()
    recall = (d < ff3[None, :]).any(axis=1).mean()
    density = (1 / 5) * (d < rr5[:, None]).sum(axis=0).mean()
    coverage = (d.min(axis=1) < rr5).mean()
    return precision, recall, density, coverage

p = np.array([5, 3, 2, 0]) / 10
print("mmd2_unbiased", repr(mmd2_unbiased(real, fake)))
print("frechet", repr(frechet(real, fake)))
print("prdc", [repr(v) for v in prdc(real, fake)])
print("entropy", repr(-(p[p > 0] * np.log(p[p > 0])).sum()))
