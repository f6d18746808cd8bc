"""Party matching: candidate index, name features, calibrated scores, explanations."""

from veracity.matching.index import CandidateIndex
from veracity.matching.matcher import MatchConfig, Matcher
from veracity.matching.model import NameModel
from veracity.matching.query import Evidence, MatchQuery, MatchResult
from veracity.matching.service import load_index, load_matcher

ALGORITHMS: dict[str, type[Matcher]] = {Matcher.NAME: Matcher}
"""Matching algorithms by NAME (the API's `algorithm=` parameter)."""

__all__ = [
    "ALGORITHMS",
    "CandidateIndex",
    "Evidence",
    "MatchConfig",
    "MatchQuery",
    "MatchResult",
    "Matcher",
    "NameModel",
    "load_index",
    "load_matcher",
]
