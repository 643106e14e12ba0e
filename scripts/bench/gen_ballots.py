#!/usr/bin/env python3
"""Write a deterministic ballots.csv for scripts/bench-vote.

Usage: gen_ballots.py OUT.csv BALLOTS CANDIDATES SEED

Each ballot ranks a random number of candidates by a noisy common
preference (so the count has a clear, tie-free order at the top), with
occasional equal ranks; the others are `No opinion` or, as Elekto's form
leaves untouched candidates, rank N.
"""

import random
import sys


def main():
    out, n_ballots, n_cands, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    rng = random.Random(seed)
    cands = [f"candidate{i:02d}" for i in range(n_cands)]
    strength = [rng.uniform(0, 10) for _ in cands]
    lines = [",".join(cands)]
    for _ in range(n_ballots):
        order = sorted(range(n_cands), key=lambda i: strength[i] + rng.gauss(0, 4))
        k = rng.randint(1, n_cands)
        ranks = ["No opinion"] * n_cands
        rank = 0
        for pos, i in enumerate(order[:k]):
            if pos == 0 or rng.random() > 0.1:
                rank = pos + 1
            ranks[i] = str(rank)
        untouched = str(n_cands) if rng.random() < 0.3 else "No opinion"
        for i in order[k:]:
            ranks[i] = untouched
        lines.append(",".join(ranks))
    with open(out, "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
