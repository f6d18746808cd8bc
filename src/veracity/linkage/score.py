"""One pair of person records scored and explained, line by line.

`compare_persons` is what the claims checker calls for one claimed person against one court
record; batch linkage builds the same `PairScore` for the pairs it reports. Each contribution
is a comparison's level, its weight in bits and a sentence with the two values, so a link can be
read as: before comparing, one pair in N is a match (−x bits); the surnames are the same
(Taylor, held by 1 in 85): +6.3 bits; the dates of birth are a month apart: +3.1 bits; ...
"""

from __future__ import annotations

from dataclasses import dataclass

from veracity.linkage.compare import Comparison, compare_vector
from veracity.linkage.frequencies import NameFrequencies
from veracity.linkage.model import LinkModel, log2_odds, probability
from veracity.linkage.records import TEXT_FIELDS, PersonRecord, Prepared, prepare


@dataclass(frozen=True, slots=True)
class Contribution:
    """What one comparison adds to the evidence that two records are one person."""

    comparison: str
    level: str
    bits: float
    """log2 of the Bayes factor: positive for, negative against, 0 for a missing value."""
    sentence: str


@dataclass(frozen=True, slots=True)
class PairScore:
    """The match probability of two records and the contributions that make it."""

    probability: float
    bits: float
    """The log2 odds of a match: the prior's bits plus every contribution."""
    prior_bits: float
    contributions: tuple[Contribution, ...]
    swapped: bool = False
    """The given name and surname agree better read the other way round."""

    def explain(self) -> list[str]:
        """One line a contribution (the prior first), with the weights in bits."""
        lines = [f"{self.prior_bits:+6.1f} bits  before comparing any field"]
        lines += [f"{c.bits:+6.1f} bits  {c.sentence}" for c in self.contributions if c.bits]
        lines.append(f"= {self.bits:+.1f} bits: match probability {self.probability:.3f}")
        return lines


def _value(record: PersonRecord, name: str) -> str:
    if name == "given_name":
        return record.given_names.strip()
    if name == "surname":
        return record.surnames.strip()
    if name in ("birth_date", "birth_year"):
        return str(record.birth_date) if record.birth_date else ""
    if name in TEXT_FIELDS:
        return str(getattr(record, name)).strip()
    return record.extra.get(name, "").strip()


def _share(frequency: float) -> str:
    return f"held by 1 in {1 / frequency:,.0f}" if frequency < 0.5 else f"held by {frequency:.0%}"


_SWAP = {"given_name": "surname", "surname": "given_name"}


def _shown(records: tuple[PersonRecord, PersonRecord], name: str, swapped: bool) -> tuple[str, str]:
    """The two values a comparison compared (across the name fields when they were swapped)."""
    other = _SWAP.get(name, name) if swapped else name
    return _value(records[0], name), _value(records[1], other)


def _sentence(
    comparison: Comparison, level: int, values: tuple[str, str], freq: float | None, swapped: bool
) -> str:
    if level < 0:
        return f"The {comparison.name.replace('_', ' ')} is missing on one side."
    text = comparison.levels[level].sentence.rstrip(".")
    detail = " / ".join(values)
    if freq is not None and comparison.levels[level].frequency:
        detail += f", {_share(freq)}"
    if swapped and comparison.name in _SWAP:
        detail += "; given name and surname read swapped"
    return f"{text} ({detail})."


def _frequency(freqs: NameFrequencies, comparison: Comparison, value: str | None) -> float | None:
    if value is None or comparison.table is None:
        return None
    return freqs.frequency(comparison.table, value)


def score_prepared(
    model: LinkModel,
    records: tuple[PersonRecord, PersonRecord],
    prepared: tuple[Prepared, Prepared],
    frequencies: NameFrequencies,
) -> PairScore:
    """Score two records already prepared with the model's extra fields."""
    levels, values, swapped = compare_vector(*prepared)
    contributions = []
    for index, comparison in enumerate(model.comparisons):
        freq = _frequency(frequencies, comparison, values[index])
        bits = model.weight(index, levels[index], freq)
        shown = _shown(records, comparison.name, swapped)
        sentence = _sentence(comparison, levels[index], shown, freq, swapped)
        level = comparison.levels[levels[index]].name if levels[index] >= 0 else "missing"
        contributions.append(Contribution(comparison.name, level, bits, sentence))
    prior_bits = log2_odds(model.prior)
    total = prior_bits + sum(c.bits for c in contributions)
    return PairScore(probability(total), total, prior_bits, tuple(contributions), swapped)


def compare_persons(
    a: PersonRecord,
    b: PersonRecord,
    frequencies: NameFrequencies,
    model: LinkModel | None = None,
) -> PairScore:
    """Score one pair of person records (default model: `defaults`, US prior)."""
    model = model or LinkModel.default()
    extra = model.extra_fields
    return score_prepared(model, (a, b), (prepare(a, extra), prepare(b, extra)), frequencies)
