#!/usr/bin/env python3
"""Baseline for scripts/bench-vote: Elekto's own counting code, transcribed.

What this transcribes, exactly: `schulze_d`, `schulze_p` and `schulze_rank`
of `elekto/core/__init__.py`, and `Election.__init__`, `Election.schulze` and
`Election.from_csv` of `elekto/core/election.py`, in elekto-io/elekto at
commit 14965cbfbc9170fa69b54fbb0ba3fea9ea79526d (the version with PR #104's
type hints; the counting has been unchanged in substance since December
2020). Same data structures and loops: dicts keyed by candidate tuples,
`defaultdict(list)` of wins, `sorted(wins.items())`.

The one substitution: `from_csv` receives a pandas DataFrame read with
`pandas.read_csv` and walks it with `iterrows()`. When pandas is installed
this script does exactly that; otherwise it reads the same file with the
`csv` module into the same `{voter: [(candidate, rank), ...]}` structure
(pandas' own parsing is then not part of the time, which only makes the
baseline faster).

Usage: elekto_count.py BALLOTS.csv  -> prints the ranking as JSON on stdout
and the seconds spent (read + count) on stderr.
"""

import csv
import json
import sys
import time
from collections import defaultdict


# ---- elekto/core/__init__.py -------------------------------------------------

# Higher rank numbers receive higher preference
def schulze_d(candidates, ballots):
    d = {(V, W): 0 for V in candidates for W in candidates if V != W}
    for voter in ballots.keys():
        for V, Vr in ballots[voter]:
            for W, Wr in ballots[voter]:
                if V != W:
                    d[(V, W)] += 1 if Vr > Wr else 0

    return d


def schulze_p(candidates, d):
    p = {}
    for X in candidates:
        for Y in candidates:
            if X != Y:
                strength = d.get((X, Y), 0)
                p[X, Y] = strength if strength > d.get((Y, X), 0) else 0

    for X in candidates:
        for Z in candidates:
            if X != Z:
                for Y in candidates:
                    if X != Y and Z != Y:
                        p[Z, Y] = max(p.get((Z, Y), 0), min(
                            p.get((Z, X), 0), p.get((X, Y), 0)))

    return p


def schulze_rank(candidates, p, no_winners=1):
    wins = defaultdict(list)

    for V in candidates:
        n = 0
        for W in candidates:
            if V != W and p.get((V, W), 0) > p.get((W, V), 0):
                n += 1
        wins[n].append(V)

    ranks = sorted(wins.items())
    return ranks


# ---- elekto/core/election.py -------------------------------------------------

class Election:
    def __init__(self, candidates, ballots, no_winners=1):
        self.candidates = candidates
        self.ballots = ballots
        self.no_winners = no_winners
        self.d = {}
        self.p = {}

    def schulze(self):
        self.d = schulze_d(self.candidates, self.ballots)
        self.p = schulze_p(self.candidates, self.d)
        self.ranks = schulze_rank(self.candidates, self.p, self.no_winners)

        return self

    @staticmethod
    def from_csv(df, no_winners):
        candidates = list(df.columns)
        ballots = {}

        for v, row in df.iterrows():
            ballots[v] = []
            for c in candidates:
                if row[c] == 'No opinion':
                    continue
                ballots[v].append((c, int(row[c])))

        return Election(candidates, ballots, no_winners)


# ---- the substitution when pandas is absent -----------------------------------

def from_csv_without_pandas(path, no_winners):
    with open(path, newline="") as f:
        reader = csv.reader(f)
        candidates = next(reader)
        ballots = {}
        for v, row in enumerate(reader):
            ballots[v] = []
            for c, cell in zip(candidates, row):
                if cell == 'No opinion':
                    continue
                ballots[v].append((c, int(cell)))
    return Election(candidates, ballots, no_winners)


def main():
    path = sys.argv[1]
    start = time.perf_counter()
    try:
        import pandas
        election = Election.from_csv(pandas.read_csv(path, dtype=str), 1)
        reader = "pandas"
    except ImportError:
        election = from_csv_without_pandas(path, 1)
        reader = "csv module"
    election.schulze()
    elapsed = time.perf_counter() - start
    json.dump([[n, sorted(group)] for n, group in election.ranks], sys.stdout)
    print()
    print(f"{elapsed:.3f} s (reader: {reader})", file=sys.stderr)


if __name__ == "__main__":
    main()
