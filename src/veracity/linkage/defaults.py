"""Default Fellegi–Sunter parameters: the model used before (or without) estimation.

`m` is the chance of each level when the two records are one person, `u` when they are two
different people. Batch linkage re-estimates both from the data (u from random pairs, m by EM),
starting from and smoothed towards these values; `compare_persons` uses them as they are unless
it is given a fitted model. They are set from reasoning, not fitted to any labelled data:

- u of the date levels assumes birth dates spread evenly over 80 years (29,220 days): the same
  date 1/29,220; within a year 2·366/29,220; within ten years 1 − (70/80)²; the same birth year
  1/80 and one apart 2/80.
- u of a name or value agreement is replaced by the value's frequency (`NameFrequencies`)
  when a frequency table covers it.
- m: records of one person agree exactly on a field most of the time (0.80–0.85), and the rest
  spreads over typos, variants and (for dates and places) real changes.

The prior for a single pair is one in the US resident population (331,449,281 on 1 April 2020,
Census 2020): two records drawn at random from US court dockets are that likely to be one
person. A caller that has narrowed the candidates (same docket, same county) passes its own.
"""

from __future__ import annotations

from typing import Final

US_POPULATION: Final = 331_449_281
"""US resident population, Census 2020."""
DEFAULT_PRIOR: Final = 1.0 / US_POPULATION
"""The chance that two random records are one person, before any field is compared."""

M: Final[dict[str, tuple[float, ...]]] = {
    # exact, part/variant, typo, initial, similar, different
    "given": (0.80, 0.06, 0.06, 0.02, 0.02, 0.04),
    "surname": (0.85, 0.04, 0.05, 0.01, 0.02, 0.03),
    # exact, transposed, typo, month, year, decade, different
    "date": (0.85, 0.01, 0.04, 0.02, 0.03, 0.02, 0.03),
    # same, one apart, different
    "year": (0.85, 0.12, 0.03),
    # exact, typo, similar, different
    "text": (0.80, 0.06, 0.04, 0.10),
    "state": (0.85, 0.03, 0.02, 0.10),
    "country": (0.90, 0.03, 0.02, 0.05),
}
"""Chance of each level for two records of one person, by comparison kind."""

U: Final[dict[str, tuple[float, ...]]] = {
    "given": (0.004, 0.002, 0.003, 0.003, 0.02, 0.968),
    "surname": (0.001, 0.0005, 0.002, 0.001, 0.01, 0.9855),
    "date": (3.4e-5, 1.3e-5, 1.5e-3, 2.1e-3, 0.025, 0.21, 0.761353),
    "year": (0.0125, 0.025, 0.9625),
    "text": (0.01, 0.005, 0.02, 0.965),
    # the chance that two US residents share a state is the sum of the squared state shares
    "state": (0.035, 0.01, 0.02, 0.935),
    # a country of birth or citizenship: one country can hold a large share of a docket
    "country": (0.1, 0.005, 0.01, 0.885),
}
"""Chance of each level for two records of different people, by comparison kind."""
