#!/usr/bin/python3.11
"""How close an imported LSTM adder comes to a wrong bit after long runs of one pair.

For each lead pair q and repeated pair p: the state after q, then p repeated n times (n from 0 to
20,000 at 22 marks), then every string of 6 pairs; the smallest margin of the output logit on the
right side of 0 over all those steps (and the run's own steps), and the first string that reaches
it. A negative margin is a wrong bit. For files that `adder-train import` wrote (our contract: an LSTM node, then MatMul and
Add, the threshold already folded into the bias; "subtract" in the name for a subtractor). Used for
docs/import-research.md:

    /usr/bin/python3.11 adder-train/src/test/python/run_margins.py /tmp/imported/*lstm*.onnx
"""

import itertools
import os
import sys

import numpy as np
import onnx
from onnx import numpy_helper

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from jacobians import load  # noqa: E402
from slow_units import lstm_steps  # noqa: E402

MARKS = [0, 1, 2, 3, 5, 8, 13, 20, 30, 50, 80, 130, 200, 300, 500, 800, 1300, 2000, 3000, 5000, 10000, 20000]
SUFFIX = 6


def head(path):
    model = onnx.load(path)
    weights = {t.name: numpy_helper.to_array(t) for t in model.graph.initializer}
    matmul = [n for n in model.graph.node if n.op_type == "MatMul"][0]
    add = [n for n in model.graph.node if n.op_type == "Add"][0]
    return weights[matmul.input[1]].reshape(-1).astype(float), float(weights[add.input[1]].reshape(-1)[0])


def digit_and_state(a, b, state, subtract):
    """The output bit and the carry (a subtractor's borrow) out of one step."""
    if subtract:
        d = a - b - state
        return d & 1, (d < 0).astype(int)
    s = a + b + state
    return s & 1, s >> 1


def smallest_margin(path):
    cell, (weights, bias) = load(path), head(path)
    hidden, subtract = cell[2].shape[1], "subtract" in path
    suffixes = np.array(list(itertools.product(range(4), repeat=SUFFIX)))
    worst = (np.inf, None)

    def margins(states, bits):
        logits = states[:, :hidden] @ weights + bias
        return np.where(bits == 1, logits, -logits)

    for lead, repeated in itertools.product(range(4), repeat=2):
        state, carry, t = np.zeros((1, 2 * hidden)), np.zeros(1, int), 0
        for mark in MARKS:
            while t <= mark:
                pair = lead if t == 0 else repeated
                a, b = np.array([pair >> 1]), np.array([pair & 1])
                state, _ = lstm_steps(cell, state, np.stack([a, b], 1).astype(float))
                bit, carry = digit_and_state(a, b, carry, subtract)
                margin = margins(state, bit)[0]
                if margin < worst[0]:
                    worst = (margin, "%s then %s x%d" % (lead, repeated, t))
                t += 1
            states, carries = np.repeat(state, len(suffixes), 0), np.repeat(carry, len(suffixes))
            for k in range(SUFFIX):
                a, b = suffixes[:, k] >> 1, suffixes[:, k] & 1
                states, _ = lstm_steps(cell, states, np.stack([a, b], 1).astype(float))
                bit, carries = digit_and_state(a, b, carries, subtract)
                m = margins(states, bit)
                j = int(np.argmin(m))
                if m[j] < worst[0]:
                    worst = (m[j], "%s then %s x%d then %s" % (lead, repeated, mark, list(suffixes[j, :k + 1])))
    return worst


def main():
    for path in sys.argv[1:]:
        margin, where = smallest_margin(path)
        print("%-48s smallest margin %8.3f logits at %s (pairs as 2a + b)" % (os.path.basename(path), margin, where))


if __name__ == "__main__":
    main()
