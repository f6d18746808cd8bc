"""Phonetic keys of a Latin token: Metaphone, Soundex and a consonant skeleton.

- Metaphone is what yente indexes (`name_phonetic`, sanctions.md §1.3) and what logic-v1 calls
  `person_name_phonetic_match`; Soundex is what OFAC's Sanctions List Search uses (FAQ 249).
  Both come from `jellyfish` (Rust core).
- The consonant skeleton is ours, for matching across scripts that do not write short vowels
  (Arabic, Hebrew) and across romanisation systems: digraphs become one letter, consonants that
  romanisations swap become one class, vowels and semivowels go, doubled letters collapse.
  `Muammar`, `معمر` (`mmr`) → `mr`; `Qadhafi`, `Gaddafi`, `Каддафи`, `القذافي` → `ktf`;
  `Mohammed`, `Muhammad`, `محمد` → `mhmt`. It is a lossy key: equal skeletons are evidence,
  not proof, and the matcher weighs them below an equal spelling.

All keys are cached per token: a list of 100,000 names has far fewer distinct tokens.
"""

from __future__ import annotations

import re
from functools import lru_cache

import jellyfish

_DIGRAPHS = re.compile(r"sch|kh|gh|dh|dj|th|sh|ch|zh|ph|ck")
_DIGRAPH_VALUE = {
    "sch": "s",  # German Sch- (Schamil for Shamil)
    "kh": "k",  # خ х: Khalid / Chalid / Halid
    "gh": "k",  # غ: Ghazi / Gazi
    "dh": "t",  # ذ ض: Qadhafi / Qaddafi
    "dj": "j",  # ج in French spelling: Djamel / Jamal
    "th": "t",  # ث: Uthman / Utman
    "sh": "s",  # ش ш: Shamil / Šamil (ASCII-folded Samil)
    "ch": "c",  # ч: kept apart from k: Chekhov is not Kekhov
    "zh": "j",  # ж ژ: Zhukov / Joukov (French) / Jukov
    "ph": "f",
    "ck": "k",
}
# One class for consonants that romanisations of the same letter swap.
_CLASSES = str.maketrans(
    {
        "g": "k",  # ق as g in Gulf and Libyan speech (Gaddafi), ج as g in Egypt (Gamal)
        "q": "k",  # ق: Qasim / Kasim
        "d": "t",  # د ط ض: Ahmed / Ahmet (Turkish)
        "z": "s",  # ز ظ: Aziz / Azis; German s for Russian з (Sacharow)
        "x": "ks",
        "b": "p",  # پ/ب: Pakistan; Korean ㅂ as b (RR) or p (M–R)
    }
)
# Vowels and semivowels: й is y/i, و is w/u/ou/o (Walid, Djouadi), ي is y/i/ee. (`j` stays a
# consonant: John, Jamal, Djamel; our romanisations never write й as j.)
_DROP = str.maketrans("", "", "aeiouyw")


@lru_cache(maxsize=131072)
def skeleton(token: str) -> str:
    """Consonant skeleton of a lower-case ASCII token ('' if it has no consonants)."""
    text = _DIGRAPHS.sub(lambda m: _DIGRAPH_VALUE[m.group()], token)
    text = text.translate(_CLASSES).translate(_DROP)
    return re.sub(r"(.)\1+", r"\1", text)


@lru_cache(maxsize=131072)
def metaphone(token: str) -> str:
    """Metaphone key of a token ('' for a token with no letters)."""
    return jellyfish.metaphone(token) if token.isalpha() else ""


@lru_cache(maxsize=131072)
def soundex(token: str) -> str:
    """Soundex key of a token ('' for a token with no letters)."""
    return jellyfish.soundex(token) if token.isalpha() else ""
