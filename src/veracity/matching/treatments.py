"""Realistic variations of a listed name, to build training pairs from the lists themselves.

A screening query rarely spells a name the way the list does: typists drop or double letters,
swap first and family names, shorten given names to initials, drop middle names and legal forms,
join or split words. Each treatment below makes one such variation of a real list name; a name
and its variation are a positive training pair. (Treatments follow the kinds yente's validation
report applies in contrib/validation_report/treatments.py; the code is ours.)
"""

from __future__ import annotations

import random
from collections.abc import Callable

from veracity.names import person
from veracity.names.abbreviations import ABBREVIATIONS
from veracity.names.numbers import numeric

Treatment = Callable[[str, random.Random], str | None]
# (nickname, numbers_as_words, abbreviate, drop_repeat, punctuation: added for the classes of
# variation sanctions.md §5.2 lists: nicknames, digits and words, abbreviations.)

_VOWELS = "aeiou"
_KEYBOARD = {
    "a": "qsz",
    "b": "vn",
    "c": "xv",
    "d": "sf",
    "e": "wr",
    "f": "dg",
    "g": "fh",
    "h": "gj",
    "i": "uo",
    "j": "hk",
    "k": "jl",
    "l": "k",
    "m": "n",
    "n": "bm",
    "o": "ip",
    "p": "o",
    "q": "w",
    "r": "et",
    "s": "ad",
    "t": "ry",
    "u": "yi",
    "v": "cb",
    "w": "qe",
    "x": "zc",
    "y": "tu",
    "z": "x",
}
_TITLES = ("Mr", "Dr", "Mrs", "Sheikh", "General", "Haji")


def _words(name: str) -> list[str]:
    return name.replace(",", " ").split()


def _pick_long_word(words: list[str], rng: random.Random, min_len: int = 4) -> int | None:
    choices = [i for i, w in enumerate(words) if len(w) >= min_len and w.isalpha()]
    return rng.choice(choices) if choices else None


def typo(name: str, rng: random.Random) -> str | None:
    """One keyboard slip in one word: a neighbour key, a dropped, doubled or swapped letter."""
    words = _words(name)
    i = _pick_long_word(words, rng)
    if i is None:
        return None
    w, j = words[i], rng.randrange(1, len(words[i]) - 1)
    kind = rng.randrange(4)
    if kind == 0:
        near = _KEYBOARD.get(w[j].lower(), w[j])
        w = w[:j] + rng.choice(near) + w[j + 1 :]
    elif kind == 1:
        w = w[:j] + w[j + 1 :]
    elif kind == 2:
        w = w[:j] + w[j] + w[j:]
    else:
        w = w[: j - 1] + w[j] + w[j - 1] + w[j + 1 :]
    words[i] = w
    return " ".join(words)


def vowel_change(name: str, rng: random.Random) -> str | None:
    """A vowel spelled differently, as transliterations do (Mohammed/Muhammad)."""
    words = _words(name)
    i = _pick_long_word(words, rng)
    if i is None:
        return None
    spots = [j for j, c in enumerate(words[i]) if c.lower() in _VOWELS and j > 0]
    if not spots:
        return None
    j = rng.choice(spots)
    words[i] = (
        words[i][:j] + rng.choice(_VOWELS.replace(words[i][j].lower(), "")) + words[i][j + 1 :]
    )
    return " ".join(words)


def reorder(name: str, rng: random.Random) -> str | None:
    """The words in another order (family name first, or last)."""
    words = _words(name)
    if len(words) < 2:
        return None
    if "," in name:
        family, _, given = name.partition(",")
        return f"{given.strip()} {family.strip()}"
    k = rng.randrange(1, len(words))
    return " ".join(words[k:] + words[:k])


def drop_middle(name: str, rng: random.Random) -> str | None:
    """A middle word left out (a middle name or patronymic)."""
    words = _words(name)
    if len(words) < 3:
        return None
    del words[rng.randrange(1, len(words) - 1)]
    return " ".join(words)


def initials(name: str, rng: random.Random) -> str | None:
    """A given or middle name cut to its initial."""
    words = _words(name)
    if len(words) < 2:
        return None
    i = rng.randrange(0, len(words) - 1)
    words[i] = words[i][0] + rng.choice(("", "."))
    return " ".join(words)


def join_words(name: str, rng: random.Random) -> str | None:
    """Two neighbouring words written as one."""
    words = _words(name)
    if len(words) < 2:
        return None
    i = rng.randrange(len(words) - 1)
    return " ".join([*words[:i], words[i] + words[i + 1], *words[i + 2 :]])


def split_word(name: str, rng: random.Random) -> str | None:
    """A long word written as two."""
    words = _words(name)
    i = _pick_long_word(words, rng, 8)
    if i is None:
        return None
    cut = rng.randrange(3, len(words[i]) - 3)
    words[i : i + 1] = [words[i][:cut], words[i][cut:]]
    return " ".join(words)


def title(name: str, rng: random.Random) -> str | None:
    """A title or honorific added in front."""
    return f"{rng.choice(_TITLES)} {name}"


def drop_last_word(name: str, _rng: random.Random) -> str | None:
    """The last word left out (a legal form, a second family name)."""
    words = _words(name)
    return " ".join(words[:-1]) if len(words) >= 3 else None


def case_and_punctuation(name: str, rng: random.Random) -> str | None:
    """Upper or lower case, hyphens and dots changed."""
    text = name.replace("-", " ") if rng.random() < 0.5 else name.replace(" ", "-", 1)
    return text.upper() if rng.random() < 0.5 else text.title()


def nickname(name: str, rng: random.Random) -> str | None:
    """A given name written as another form of it (William -> Bill, Mohammed -> Muhammad)."""
    words = _words(name)
    options = [
        (i, sorted(person.given_name_variants(w.lower()) - {w.lower()}))
        for i, w in enumerate(words)
    ]
    options = [(i, v) for i, v in options if v]
    if not options:
        return None
    i, variants = rng.choice(options)
    words[i] = rng.choice(variants).title()
    return " ".join(words)


def numbers_as_words(name: str, rng: random.Random) -> str | None:
    """A number written out or as digits (`3` -> `three`, `Third` -> `3rd`)."""
    words = _words(name)
    spots = [i for i, w in enumerate(words) if numeric(w.lower()) is not None]
    if not spots:
        return None
    i = rng.choice(spots)
    value = int(numeric(words[i].lower()) or 0)
    words[i] = _SPELLED.get(value, str(value)) if words[i][0].isdigit() else str(value)
    return " ".join(words)


def abbreviate(name: str, rng: random.Random) -> str | None:
    """A word of an organisation's name abbreviated (`INTERNATIONAL` -> `INTL`)."""
    words = _words(name)
    spots = [i for i, w in enumerate(words) if w.lower() in _LONG_FORMS]
    if not spots:
        return None
    i = rng.choice(spots)
    words[i] = rng.choice(_LONG_FORMS[words[i].lower()]).upper()
    return " ".join(words)


def drop_repeat(name: str, _rng: random.Random) -> str | None:
    """A word written twice in the listed name written once (`Htun Htun` -> `Htun`)."""
    words = _words(name)
    for i in range(1, len(words)):
        if words[i].lower() == words[i - 1].lower():
            return " ".join(words[:i] + words[i + 1 :])
    return None


def punctuation(name: str, rng: random.Random) -> str | None:
    """Hyphens, apostrophes or dots put in or left out (`Al Rashid` -> `Al-Rashid`)."""
    words = _words(name)
    if len(words) < 2:
        return None
    i = rng.randrange(len(words) - 1)
    mark = rng.choice(("-", "'", ". "))
    return " ".join([*words[:i], words[i] + mark + words[i + 1], *words[i + 2 :]])


_SPELLED = {
    1: "one",
    2: "two",
    3: "three",
    4: "four",
    5: "five",
    6: "six",
    7: "seven",
    8: "eight",
    9: "nine",
    10: "ten",
    12: "twelve",
    20: "twenty",
    44: "forty-four",
}
_LONG_FORMS: dict[str, list[str]] = {}
for _short, _long in ABBREVIATIONS.items():
    _LONG_FORMS.setdefault(_long, []).append(_short)


PERSON_TREATMENTS: tuple[Treatment, ...] = (
    nickname,
    drop_repeat,
    punctuation,
    typo,
    vowel_change,
    reorder,
    drop_middle,
    initials,
    join_words,
    title,
    case_and_punctuation,
)
ORG_TREATMENTS: tuple[Treatment, ...] = (
    abbreviate,
    numbers_as_words,
    punctuation,
    typo,
    vowel_change,
    join_words,
    split_word,
    drop_last_word,
    case_and_punctuation,
)


def vary(name: str, treatments: tuple[Treatment, ...], rng: random.Random, steps: int = 1) -> str:
    """Apply `steps` random treatments that apply to `name` (the name itself if none do)."""
    text = name
    for _ in range(steps):
        for treatment in rng.sample(treatments, len(treatments)):
            result = treatment(text, rng)
            if result and result != text:
                text = result
                break
    return text
