#!/usr/bin/env python3
"""Reference timing for `./deepfact reproduce tensor --bench`: full-batch GroupRMSprop steps of a
CP factorization fitted to observed tensor entries, in numpy (float64, the BLAS numpy links).

Two implementations; the faster one is what DeepFact is compared against:
  dense   - the authors' route (they form the whole tensor each step): unfold the tensor into
            (first half of the modes) x (second half), T = KR(left factors) KR(right factors)^T by one
            matrix product, the residual on the observed entries as a dense unfolded matrix G, and
            the gradients from G KR(right) and G^T KR(left) (two more BLAS products);
  gather  - per observed entry: gather the factor rows, products, scatter-add with np.bincount.
Prints `numpy_<method>_iterations_per_second <value>` (wall clock) and
`numpy_<method>_cpu_iterations_per_second <value>` (process CPU time: fairer on a busy machine
with one BLAS thread) for each, then `numpy_best <value>`. Best of three stretches each.

usage: cp_numpy.py DIMS R M [SECONDS]   e.g. cp_numpy.py 10x10x10x10 1000 2000 3
"""
import sys
import time

import numpy as np

LR, BETA, EPS = 1e-2, 0.99, 1e-6


def khatri_rao(factors):
    """Rows indexed by the modes' multi-index (row-major), columns by the component."""
    out = factors[0]
    for f in factors[1:]:
        out = (out[:, None, :] * f[None, :, :]).reshape(-1, f.shape[1])
    return out


def side_gradients(dkr, factors):
    """d/dA_n of <dkr, KR(factors)> for every factor of one side."""
    dims = [f.shape[0] for f in factors]
    R = factors[0].shape[1]
    t = dkr.reshape(dims + [R])
    grads = []
    for n in range(len(factors)):
        g = t
        for k, f in enumerate(factors):
            if k != n:
                shape = [1] * len(factors) + [R]
                shape[k] = f.shape[0]
                g = g * f.reshape(shape)
        axes = tuple(k for k in range(len(factors)) if k != n)
        grads.append(g.sum(axis=axes) if axes else g)
    return grads


def make_dense_step(dims, idx, y, factors):
    N = len(dims)
    h = (N + 1) // 2
    rows = int(np.prod(dims[:h]))
    cols = int(np.prod(dims[h:]))
    flat = np.ravel_multi_index(idx.T, dims)
    m = len(y)

    def step():
        left = khatri_rao(factors[:h])
        right = khatri_rao(factors[h:])
        t = (left @ right.T).ravel()
        res = t[flat] - y
        g = np.zeros(rows * cols)
        g[flat] = (2.0 / m) * res
        g = g.reshape(rows, cols)
        return res, side_gradients(g @ right, factors[:h]) + side_gradients(g.T @ left, factors[h:])
    return step


def make_gather_step(dims, idx, y, factors):
    N = len(dims)
    m = len(y)

    def step():
        rows = [factors[n][idx[:, n]] for n in range(N)]
        prefix = [np.ones_like(rows[0])]
        for n in range(N):
            prefix.append(prefix[-1] * rows[n])
        res = prefix[N].sum(axis=1) - y
        c = ((2.0 / m) * res)[:, None]
        suffix = np.ones_like(rows[0])
        grads = [None] * N
        R = rows[0].shape[1]
        for n in range(N - 1, -1, -1):
            contrib = prefix[n] * suffix * c
            # scatter-add rows of contrib into the factor's rows (bincount on flattened positions)
            keys = (idx[:, n][:, None] * R + np.arange(R)[None, :]).ravel()
            grads[n] = np.bincount(keys, weights=contrib.ravel(), minlength=dims[n] * R).reshape(dims[n], R)
            suffix = suffix * rows[n]
        return res, grads
    return step


def timed(make, dims, idx, y, R, seconds):
    rng = np.random.default_rng(2)
    factors = [rng.standard_normal((d, R)) * 5e-3 for d in dims]
    step = make(dims, idx, y, factors)
    v, t = 0.0, 0

    def one():
        nonlocal v, t
        t += 1
        _, grads = step()
        v = BETA * v + (1 - BETA) * sum(float((g * g).sum()) for g in grads)
        eta = LR / (np.sqrt(v / (1 - BETA ** t)) + EPS)
        for n, g in enumerate(grads):
            factors[n] -= eta * g

    for _ in range(3):
        one()
    best, best_cpu = 0.0, 0.0
    for _ in range(3):
        n_it = 0
        start = time.perf_counter()
        cpu = time.process_time()
        while n_it == 0 or time.perf_counter() - start < seconds / 6:
            one()
            n_it += 1
        best = max(best, n_it / (time.perf_counter() - start))
        best_cpu = max(best_cpu, n_it / max(time.process_time() - cpu, 1e-9))
    return best, best_cpu


def main():
    dims = [int(d) for d in sys.argv[1].split("x")]
    R = int(sys.argv[2])
    m = int(sys.argv[3])
    seconds = float(sys.argv[4]) if len(sys.argv) > 4 else 3.0
    rng = np.random.default_rng(1)
    pos = rng.choice(int(np.prod(dims)), size=m, replace=False)
    idx = np.stack(np.unravel_index(pos, dims), axis=1)
    y = rng.standard_normal(m) * 1e-2
    best = 0.0
    for name, make in (("dense", make_dense_step), ("gather", make_gather_step)):
        ips, cpu = timed(make, dims, idx, y, R, seconds)
        print(f"numpy_{name}_iterations_per_second {ips:.3f}")
        print(f"numpy_{name}_cpu_iterations_per_second {cpu:.3f}")
        best = max(best, ips)
    print(f"numpy_best {best:.3f}")


if __name__ == "__main__":
    main()
