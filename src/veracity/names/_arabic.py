"""Arabic-script (Arabic, Persian, Urdu, Pashto) → Latin for names.

Arabic writes consonants and long vowels only, so no rule can recover `Muammar` from `معمر`.
This rendering aims at what lists print for the letters that *are* written, in the simplified
style of the UN and OFAC lists (no diacritics, `kh`/`sh`/`th`/`dh`/`gh` digraphs, `q` for ق):

- the article ال is split off as its own token `al` (`القذافي` → `al qdhafi`), as the lists
  write `AL-QADHAFI`, which normalises to `al qadhafi`;
- alif is `a`, and waw/ya are `u`/`i` inside a word (long vowels: `يوسف` → `yusf`, `حسين` →
  `hsin`) but `w`/`y` at its start or before alif;
- ʿayn is dropped inside a word and `a` at its start (`علي` → `ali`, `معمر` → `mmr`), hamza is
  dropped, tāʾ marbūṭa is `a` (`فاطمة` → `fatma`).

The missing short vowels are the job of the consonant skeleton in `phonetic.skeleton`, which
maps `mmr` and `muammar` to the same key.
"""

from __future__ import annotations

import re
from functools import lru_cache

# fmt: off
_LETTERS = {
    "ء": "", "آ": "a", "أ": "a", "ؤ": "u", "إ": "i", "ئ": "i", "ا": "a", "ٱ": "a", "ب": "b",
    "ة": "a", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh", "ر": "r",
    "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "", "غ": "gh",
    "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "و": "u", "ى": "a",
    "ي": "i", "ـ": "",
    # Persian, Urdu, Pashto
    "پ": "p", "چ": "ch", "ژ": "zh", "ک": "k", "گ": "g", "ی": "i", "ے": "e", "ہ": "h", "ھ": "h",
    "ۀ": "e", "ٹ": "t", "ڈ": "d", "ڑ": "r", "ں": "n", "ټ": "t", "ځ": "dz", "څ": "ts", "ډ": "d",
    "ړ": "r", "ږ": "zh", "ښ": "sh", "ګ": "g", "ڼ": "n", "ۍ": "ai", "ې": "e",
}
# fmt: on
# Persian, Urdu and Pashto say ث ذ ض ظ as s z z z (Sanaullah, Nazir, Faiz, Zahir) and end
# names in a silent ه read as a/e (Akhundzada, Zadeh).
_PERSIAN = _LETTERS | {"ث": "s", "ذ": "z", "ض": "z", "ظ": "z"}
_SEMIVOWELS = {"و": "w", "ي": "y", "ی": "y"}
_ALIFS = frozenset("اأإآٱى")
_ARTICLE = "ال"
# Prefixes written joined to the next word: the article, `wa-l-` (and the), `ʿabd al-`.
_PREFIXES = (("عبدال", "abd al "), ("وال", "wal "), (_ARTICLE, "al "))

# Name-specific spellings the letter rules cannot reach (the word Allah, written with a
# doubled lam and a dagger alif that normalisation has removed).
_WORDS = {"الله": "allah", "عبدالله": "abdullah"}


# Theophoric compounds the lists write as one word: ʿAbd al-Rahman → ABDUL RAHMAN, Hidayat
# Allah → HIDAYATULLAH, Shams al-Din → SHAMSUDDIN (UN list, Afghan and Pakistani entries).
_COMPOUNDS = (
    (re.compile(r"\babd al (?=\w)"), "abdul "),
    (re.compile(r"(\w) allah\b"), r"\1ullah"),
    (re.compile(r"(\w) al din\b"), r"\1uddin"),
)


_TABLES = {False: str.maketrans(_LETTERS), True: str.maketrans(_PERSIAN)}
_SEMIVOWEL_BEFORE_ALIF = re.compile("([ويی])(?=[اأإآٱى])")


def _semivowel(match: re.Match[str]) -> str:
    return _SEMIVOWELS[match.group(1)]


@lru_cache(maxsize=65536)
def romanize(token: str, persian: bool = False) -> str:
    """Romanise one Arabic-script token (may return several tokens: `al x`).

    `persian` reads the letters as Persian, Urdu and Pashto names say them.
    """
    if token in _WORDS:
        return _WORDS[token]
    for prefix, value in _PREFIXES:
        if token.startswith(prefix) and len(token) > len(prefix) + 1:
            return value + romanize(token[len(prefix) :], persian)
    head, body, tail = "", token, ""
    if body[:1] in _SEMIVOWELS:  # waw and ya are consonants at the start of a word
        head, body = _SEMIVOWELS[body[0]], body[1:]
    elif body[:1] == "ع":
        head, body = "a", body[1:]
    if persian and len(token) >= 3 and body.endswith("ه") and body[-2:-1] not in _ALIFS:
        body, tail = body[:-1], "a"  # silent final he: Akhundzada, Zadeh
    body = _SEMIVOWEL_BEFORE_ALIF.sub(_semivowel, body)
    return head + body.translate(_TABLES[persian]) + tail


def join_compounds(text: str) -> str:
    """Join the theophoric compounds of a romanised name as the lists write them."""
    for pattern, replacement in _COMPOUNDS:
        text = pattern.sub(replacement, text)
    return text
