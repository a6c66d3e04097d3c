#!/usr/bin/python3.11
"""Searches for one linear change of coordinates L in which every two-pair step contracts, in the max norm.

Takes the Jacobians of every string of two pairs at the first 100 of about 1,200 states that random
strings reach (1,600 matrices), and lowers the largest ||L J L^-1||_inf over them by subgradient
descent, starting from L = I (3,000 iterations). Below 1, parallelotopes c + r L^-1 [-1, 1]^n of one
shape, whatever their radii r, would map into smaller ones of the same shape near those states, so
that a cover would not wrap; docs/import-research.md says what stood in the way. Writes L to OUTPUT.
Used for docs/import-research.md:

    /usr/bin/python3.11 adder-train/src/test/python/contraction_metric.py /tmp/hold/holdout-s107-lstm8-subtract.onnx /tmp/L.txt
"""

import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from jacobians import jacobian, load, reached_states, state_size, step  # noqa: E402

ITERATIONS = 3000


def two_step_jacobians(cell, states):
    pairs = [np.array([a, b], float) for a in (0, 1) for b in (0, 1)]
    return np.array([jacobian(cell, step(cell, s, x), y) @ jacobian(cell, s, x)
                     for s in states for x in pairs for y in pairs])


def main():
    path, output = sys.argv[1], sys.argv[2]
    cell = load(path)
    size = state_size(cell)
    jacobians = two_step_jacobians(cell, reached_states(cell)[:100])
    print("%s: %d two-step Jacobians, largest spectral radius %.3f, largest ||J||_inf %.3f" % (
        path.split("/")[-1], len(jacobians), max(max(abs(np.linalg.eigvals(j))) for j in jacobians),
        np.abs(jacobians).sum(2).max()))
    metric = np.eye(size)
    rate, best, best_metric = 0.02, np.inf, metric
    for iteration in range(ITERATIONS):
        inverse = np.linalg.inv(metric)
        transformed = metric @ jacobians @ inverse
        rows = np.abs(transformed).sum(2)
        largest = rows.max()
        if largest < best:
            best, best_metric = largest, metric.copy()
        weights = np.exp(200.0 * (rows - largest))
        weights[weights < 1e-4] = 0
        weights /= weights.sum()
        gradient = np.zeros((size, size))
        for k, i in zip(*np.nonzero(weights)):
            signs = np.zeros((size, size))
            signs[i] = np.sign(transformed[k, i])
            gradient += weights[k, i] * (signs @ inverse.T @ jacobians[k].T - transformed[k].T @ signs @ inverse.T)
        metric = metric - rate * gradient / max(np.linalg.norm(gradient), 1e-12) * np.linalg.norm(metric)
        if iteration % 700 == 699:
            rate /= 2
    print("largest ||L J L^-1||_inf: %.4f (L = I: %.4f), condition number of L %.1f" % (
        best, np.abs(jacobians).sum(2).max(), np.linalg.cond(best_metric)))
    np.savetxt(output, best_metric)


if __name__ == "__main__":
    main()
