"""Fitting the logistic regression (scikit-learn, an optional dependency used only to train)."""

from __future__ import annotations

from typing import Any

from veracity.exc import ConfigError
from veracity.matching.features import FEATURE_NAMES
from veracity.matching.model import NameModel, sigmoid


def fit_logistic(x: list[list[float]], y: list[bool], groups: list[int], seed: int) -> NameModel:
    """Fit on 80% of the parties, choose the F1-best threshold on the other 20%, refit on all."""
    try:
        from sklearn.linear_model import LogisticRegression
        from sklearn.model_selection import GroupShuffleSplit
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise ConfigError("training needs scikit-learn: pip install 'veracity[train]'") from exc
    split = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=seed)
    train, held = next(split.split(x, y, groups))
    first = LogisticRegression(C=1.0, max_iter=2000).fit(
        [x[i] for i in train], [y[i] for i in train]
    )
    held_model = _model(first, 0.5, {})
    threshold, metrics = _best_threshold(held_model, [x[i] for i in held], [y[i] for i in held])
    final = LogisticRegression(C=1.0, max_iter=2000).fit(x, y)
    return _model(final, threshold, {"held_out": metrics})


def _model(fitted: Any, threshold: float, info: dict[str, Any]) -> NameModel:
    coef = {
        name: round(float(c), 4) for name, c in zip(FEATURE_NAMES, fitted.coef_[0], strict=True)
    }
    return NameModel(coef, round(float(fitted.intercept_[0]), 4), threshold, dict(info))


def _best_threshold(
    model: NameModel, x: list[list[float]], y: list[bool]
) -> tuple[float, dict[str, float]]:
    scores = [sigmoid(model.logit(v)) for v in x]
    best: tuple[float, float, dict[str, float]] = (0.0, 0.5, {})
    for step in range(30, 96):
        t = step / 100
        tp = sum(s >= t and truth for s, truth in zip(scores, y, strict=True))
        fp = sum(s >= t and not truth for s, truth in zip(scores, y, strict=True))
        fn = sum(s < t and truth for s, truth in zip(scores, y, strict=True))
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        if f1 > best[0]:
            best = (
                f1,
                t,
                {
                    "f1": round(f1, 4),
                    "precision": round(tp / (tp + fp), 4),
                    "recall": round(tp / (tp + fn), 4),
                    "pairs": len(y),
                },
            )
    return best[1], best[2]
