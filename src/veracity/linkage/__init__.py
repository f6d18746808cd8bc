"""Person record linkage: dedupe one list or link two, and score one pair, with explanations.

A Fellegi–Sunter model of our own (see `model`, `em`), on comparisons that encode the court-record
name rules (court_records.md §3): given-name variants, double surnames, swapped names, Z/S,
transposed or year-only birth dates, term-frequency weights.

    >>> result = link(records)                      # dedupe, unsupervised
    >>> result.clusters, result.links[0].score.explain()
    >>> compare_persons(claimed, record, NameFrequencies.from_census(...))  # one pair, < 1 ms
"""

from veracity.linkage.blocking import DEFAULT_RULES, BlockingRule
from veracity.linkage.compare import Comparison, Level, person_comparisons
from veracity.linkage.em import Fit
from veracity.linkage.frequencies import NameFrequencies
from veracity.linkage.link import LinkConfig, LinkResult, ScoredPair, link
from veracity.linkage.model import LinkModel
from veracity.linkage.records import PersonRecord, RecordId
from veracity.linkage.score import Contribution, PairScore, compare_persons

__all__ = [
    "DEFAULT_RULES",
    "BlockingRule",
    "Comparison",
    "Contribution",
    "Fit",
    "Level",
    "LinkConfig",
    "LinkModel",
    "LinkResult",
    "NameFrequencies",
    "PairScore",
    "PersonRecord",
    "RecordId",
    "ScoredPair",
    "compare_persons",
    "link",
    "person_comparisons",
]
