"""Writes the shipped priors learnt from the development questions' labels (`make priors`):
queries/vectors/verdict-prior.marshal (whose kind of matter a question is) and
queries/vectors/intent-prior.marshal (what a story asks).

Trained on the development splits of bench/eval the priors learn from (bench.scoring.training_splits);
the splits that are only scored are never read. Run after adding or relabelling development questions;
tests/queries/test_verdict_prior.py and test_intent_prior.py fail until the weights match the labels
again. Before writing, the weights are checked to give, with numpy alone, the probabilities
scikit-learn gives.
"""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.scoring import load, training_splits  # noqa: E402
from qingdan.queries import intent_prior, verdict_prior  # noqa: E402
from qingdan.queries import text_classifier as tc  # noqa: E402

C = 10.0  # chosen by leaving out one development split at a time (bench/eval/README.md)
MIN_DF = 2


def verdict_rows() -> list[tuple[str, str]]:
    """One row per accepted verdict of each development question."""
    return [(q.text, v) for split in training_splits() for q in load(split) for v in sorted(q.verdicts)]


def intent_rows() -> list[tuple[str, str]]:
    """One row per development question: its labelled intent, under the name the resolver reads it by."""
    return [(q.text, intent_prior.LABEL_AS.get(q.intent, q.intent)) for split in training_splits() for q in load(split)]


def train(examples: list[tuple[str, str]]) -> tuple[tc.Model, np.ndarray, list[str]]:
    # scikit-learn only here (pip install -e '.[train]'): answering needs numpy alone, and the tests only read the rows
    from scipy.sparse import hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    texts = [t for t, _ in examples]
    views = [[tc.views(t)[k] for t in texts] for k in (0, 1)]
    vectorizers = [TfidfVectorizer(analyzer="char", ngram_range=tc.NGRAMS, sublinear_tf=True, min_df=MIN_DF,
                                   lowercase=False).fit(v) for v in views]
    x = hstack([vec.transform(v) for vec, v in zip(vectorizers, views)]).tocsr()
    lr = LogisticRegression(C=C, max_iter=10000).fit(x, [v for _, v in examples])
    vocab = tuple({g: int(i) for g, i in vec.vocabulary_.items()} for vec in vectorizers)
    model = tc.Model(tuple(str(c) for c in lr.classes_), (vocab[0], vocab[1]),
                     (vectorizers[0].idf_.astype(np.float32), vectorizers[1].idf_.astype(np.float32)),
                     lr.coef_.astype(np.float32), lr.intercept_.astype(np.float32), tc.fingerprint(examples))
    return model, lr.predict_proba(x), texts


def write(name: str, examples: list[tuple[str, str]], path: Path, reload: object) -> int:
    model, expected, texts = train(examples)
    worst = max(abs(model.probabilities(t)[c] - expected[i][k]) for i, t in enumerate(texts) for k, c in enumerate(model.classes))
    if worst > 1e-3:
        print(f"{name}：numpy 复算的概率与 scikit-learn 相差 {worst:.2g}，未写入", file=sys.stderr)
        return 1
    tc.write(path, model, len(examples))
    reload.cache_clear()  # type: ignore[attr-defined]
    again = reload()  # type: ignore[operator]
    if again is None or max(abs(again.probabilities(t)[c] - model.probabilities(t)[c]) for t in texts[:50] for c in model.classes) > 1e-6:
        print(f"{name}：写入的权重读回后与训练结果不符", file=sys.stderr)
        return 1
    print(f"{name} 已写入 {path.relative_to(ROOT)}：{len(examples)} 条（{len(set(texts))} 题），{len(model.classes)} 类，"
          f"{sum(len(v) for v in model.vocab)} 个特征；numpy 复算最大偏差 {worst:.1e}")
    return 0


def main() -> int:
    return (write("结论先验", verdict_rows(), verdict_prior.SHIPPED, verdict_prior.shipped)
            or write("问法先验", intent_rows(), intent_prior.SHIPPED, intent_prior.shipped))


if __name__ == "__main__":
    raise SystemExit(main())
