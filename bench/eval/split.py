"""Split the qingdan evaluation questions into dev and held-out sets.

Run ONCE on 2026-11-30 (`python3 bench/eval/split.py`); all.csv was deleted
afterwards, so only dev.csv and heldout.csv remain.  The script is kept for the
record: it documents exactly how the split was drawn.  If all.csv is ever
rebuilt from dev.csv + heldout.csv (same rows, same qids), running it again
reproduces the same split (it is deterministic and idempotent).

Method
  * seed: random.Random(20261130)
  * target share held out: 35 %
  * stratified by source_id: questions are grouped by source, sources are put
    in a seeded random order and questions shuffled inside each source; a
    systematic sample (step 1/0.35, seeded random offset) is then taken over
    that grouped order.  Every source therefore contributes floor or ceil of
    35 % of its questions (most sources have one question, so each source
    lands wholly in one side with probability 0.35), and the held-out total is
    round(0.35 * N) +- 1.
  * the `split` column is set to dev / heldout; row order is by qid.
"""
import csv
import math
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 20261130
SHARE = 0.35


def main(path_in=os.path.join(HERE, "all.csv")):
    with open(path_in, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        fields = reader.fieldnames
        rows = list(reader)
    rng = random.Random(SEED)
    by_src = {}
    for r in sorted(rows, key=lambda r: r["qid"]):
        by_src.setdefault(r["source_id"], []).append(r)
    sources = sorted(by_src)
    rng.shuffle(sources)
    order = []
    for s in sources:
        grp = list(by_src[s])
        rng.shuffle(grp)
        order.extend(grp)
    offset = rng.random()
    held = set()
    for i, r in enumerate(order):
        if math.floor((i + 1) * SHARE + offset) - math.floor(i * SHARE + offset) == 1:
            held.add(r["qid"])
    for r in rows:
        r["split"] = "heldout" if r["qid"] in held else "dev"
    rows.sort(key=lambda r: r["qid"])
    for name, keep in (("dev.csv", "dev"), ("heldout.csv", "heldout")):
        with open(os.path.join(HERE, name), "w", encoding="utf-8", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=fields)
            w.writeheader()
            w.writerows(r for r in rows if r["split"] == keep)
    n_h = len(held)
    print(f"{len(rows)} questions: {len(rows) - n_h} dev, {n_h} heldout")


if __name__ == "__main__":
    main(*sys.argv[1:])
