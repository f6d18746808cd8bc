"""Fitting the logistic regressions (scikit-learn, an optional dependency used only to train)."""

from __future__ import annotations

from veracity.exc import ConfigError
from veracity.matching.features import FEATURE_NAMES
from veracity.matching.model import KINDS, Coefficients, NameModel, sigmoid


def fit_logistic(
    x: list[list[float]], y: list[bool], groups: list[int], kinds: list[str], seed: int
) -> NameModel:
    """Per kind: fit on 80% of the parties, score the other 20%; choose the F1-best threshold on
    all held-out pairs together; refit each kind on all its pairs."""
    held_scores: list[tuple[float, bool]] = []
    final: dict[str, Coefficients] = {}
    for kind in KINDS:
        rows = [i for i, k in enumerate(kinds) if k == kind]
        xs, ys, gs = [x[i] for i in rows], [y[i] for i in rows], [groups[i] for i in rows]
        train, held = _split(xs, ys, gs, seed)
        first = _fit([xs[i] for i in train], [ys[i] for i in train])
        held_scores += [(sigmoid(first.logit(xs[i])), ys[i]) for i in held]
        final[kind] = _fit(xs, ys)
    threshold, metrics = _best_threshold(held_scores)
    return NameModel(final, threshold, {"held_out": metrics})


def _split(
    x: list[list[float]], y: list[bool], groups: list[int], seed: int
) -> tuple[list[int], list[int]]:
    from sklearn.model_selection import GroupShuffleSplit

    split = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=seed)
    train, held = next(split.split(x, y, groups))
    return list(train), list(held)


def _fit(x: list[list[float]], y: list[bool]) -> Coefficients:
    try:
        from sklearn.linear_model import LogisticRegression
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise ConfigError("training needs scikit-learn: pip install 'veracity[train]'") from exc
    fitted = LogisticRegression(C=1.0, max_iter=3000).fit(x, y)
    weights = {n: round(float(c), 4) for n, c in zip(FEATURE_NAMES, fitted.coef_[0], strict=True)}
    return Coefficients(weights, round(float(fitted.intercept_[0]), 4))


def _best_threshold(scored: list[tuple[float, bool]]) -> tuple[float, dict[str, float]]:
    best: tuple[float, float, dict[str, float]] = (0.0, 0.5, {})
    for step in range(30, 96):
        t = step / 100
        tp = sum(s >= t and truth for s, truth in scored)
        fp = sum(s >= t and not truth for s, truth in scored)
        fn = sum(s < t and truth for s, truth in scored)
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        if f1 > best[0]:
            metrics = {"f1": round(f1, 4), "precision": round(tp / (tp + fp), 4),
                       "recall": round(tp / (tp + fn), 4), "pairs": len(scored)}  # fmt: skip
            best = (f1, t, metrics)
    return best[1], best[2]
