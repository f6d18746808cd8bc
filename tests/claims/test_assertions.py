"""Claim text -> assertions: status, offences, characterisations, negation, words and offsets."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from veracity.claims import assertions as module
from veracity.claims.assertions import FILES, analyse_claim, parse_claim, pattern, vocabulary
from veracity.exc import SourceError
from veracity.model.justice import Assertion, AssertionKind, ClaimedStatus, OffenceKind, Severity

STATUS, OFFENCE, LABEL = AssertionKind.STATUS, AssertionKind.OFFENCE, AssertionKind.CHARACTERISATION
CONVICTED, CHARGED, ARRESTED = (
    ClaimedStatus.CONVICTED,
    ClaimedStatus.CHARGED,
    ClaimedStatus.ARRESTED,
)
K = OffenceKind
CHILD_SEX = {K.CHILD_ABUSE, K.SEX_OFFENCE}


def read(text: str) -> list[tuple[AssertionKind, str, ClaimedStatus | None, set[OffenceKind]]]:
    """(kind, words, status, offence kinds) of each assertion; checks every offset on the way."""
    out = parse_claim(text)
    for a in out:
        assert text[a.start : a.start + len(a.words)] == a.words
    return [(a.kind, a.words, a.status, set(a.offence_kinds)) for a in out]


def one(text: str, words: str) -> Assertion:
    (found,) = (a for a in parse_claim(text) if a.words == words)
    return found


def test_a_criminal_alien_convicted_of_two_offences() -> None:
    text = (
        "ICE arrested Dominic Ali, a criminal illegal alien convicted of second-degree assault "
        "and false imprisonment"
    )
    assert read(text) == [
        (LABEL, "criminal illegal alien", CONVICTED, set()),
        (STATUS, "convicted of", CONVICTED, set()),
        (OFFENCE, "assault", CONVICTED, {K.ASSAULT}),
        (OFFENCE, "false imprisonment", CONVICTED, {K.KIDNAPPING}),
    ]
    found = parse_claim(text)
    assert [a.start for a in found] == [28, 51, 78, 90]
    assert "pending charges" in found[0].rule  # DHS's own looser use is said
    assert "status from 'convicted of' at 51" in found[2].rule
    parsed = analyse_claim(text)
    assert [(s.words, s.start) for s in parsed.ignored] == [("arrested", 4)]
    assert "immigration arrest" in parsed.ignored[0].rule
    assert [s.words for s in parsed.unparsed] == ["ICE", "Dominic Ali, a", "second-degree", "and"]


def test_charged_with_endangering_a_child() -> None:
    assert read("Elmara Correia, charged with endangering the welfare of a child") == [
        (STATUS, "charged with", CHARGED, set()),
        (OFFENCE, "endangering the welfare of a child", CHARGED, {K.CHILD_ABUSE}),
    ]


def test_worst_of_the_worst_requires_a_felony_conviction() -> None:
    text = "the worst of the worst: child abusers and hostage takers"
    wow, abusers, takers = parse_claim(text)
    assert (wow.kind, wow.words, wow.start) == (LABEL, "worst of the worst", 4)
    assert (wow.status, wow.min_severity) == (CONVICTED, Severity.FELONY)
    assert "serious criminal convictions" in wow.rule
    # words for people who did the act state it as a fact: a conviction
    assert (abusers.words, abusers.status, set(abusers.offence_kinds)) == (
        "child abusers",
        CONVICTED,
        {K.CHILD_ABUSE},
    )
    assert "only a conviction establishes" in abusers.rule
    assert (takers.words, takers.status, takers.min_severity) == (
        "hostage takers",
        CONVICTED,
        Severity.VIOLENT_FELONY,
    )
    assert takers.offence_kinds == {K.KIDNAPPING}


def test_a_bare_offence_list_asserts_a_record_not_a_conviction() -> None:
    text = "an illegal alien from Guatemala with a history of DUI"
    parsed = analyse_claim(text)
    (dui,) = parsed.assertions
    assert (dui.kind, dui.words, dui.start, dui.status) == (OFFENCE, "DUI", 50, ARRESTED)
    assert (set(dui.offence_kinds), dui.min_severity, dui.negated) == ({K.OUI}, Severity.OUI, False)
    assert "at least an arrest, not a conviction" in dui.rule
    assert [s.words for s in parsed.ignored] == ["illegal alien"]  # immigration status only
    assert "from Guatemala with a history of" in [s.words for s in parsed.unparsed]


def test_no_criminal_record_is_a_negated_assertion() -> None:
    (record,) = parse_claim("He has no criminal record.")
    assert (record.kind, record.words, record.start) == (STATUS, "criminal record", 10)
    assert (record.status, record.negated) == (CHARGED, True)
    assert "negated by 'no'" in record.rule


def test_one_status_governs_a_list_of_offences() -> None:
    assert read("convicted of assault, robbery and DUI") == [
        (STATUS, "convicted of", CONVICTED, set()),
        (OFFENCE, "assault", CONVICTED, {K.ASSAULT}),
        (OFFENCE, "robbery", CONVICTED, {K.ROBBERY}),
        (OFFENCE, "DUI", CONVICTED, {K.OUI}),
    ]


def test_each_status_governs_until_the_next() -> None:
    text = "Convicted of theft in 2015 and later charged with assault; he has a DUI."
    assert [(w, s) for kind, w, s, _ in read(text) if kind is OFFENCE] == [
        ("theft", CONVICTED),
        ("assault", CHARGED),
        ("DUI", ARRESTED),  # a new sentence: no status word governs it
    ]


def test_a_status_right_after_an_offence_list_governs_it() -> None:
    assert read("He has two prior DUI and assault convictions.") == [
        (OFFENCE, "DUI", CONVICTED, {K.OUI}),
        (OFFENCE, "assault", CONVICTED, {K.ASSAULT}),
        (STATUS, "convictions", CONVICTED, set()),
    ]
    # a verb after an offence is about what follows it: membership is not said to be convicted
    assert [(w, st) for _, w, st, _ in read("a gang member convicted of murder")] == [
        ("gang member", ARRESTED),
        ("convicted of", CONVICTED),
        ("murder", CONVICTED),
    ]


@pytest.mark.parametrize(
    ("text", "words", "status"),
    [
        ("He was never convicted.", "convicted", CONVICTED),
        ("She was not charged with any crime", "charged with", CHARGED),
        ("He has no prior convictions", "convictions", CONVICTED),
        ("He hasn\u2019t been arrested for anything", "arrested for", ARRESTED),
        ("acquitted of murder", "acquitted", CONVICTED),
        ("without a criminal record", "criminal record", CHARGED),
    ],
)
def test_negated_status(text: str, words: str, status: ClaimedStatus) -> None:
    found = one(text, words)
    assert (found.kind, found.status, found.negated) == (STATUS, status, True)


def test_offences_under_a_negated_status_are_negated() -> None:
    murder = one("acquitted of murder", "murder")
    assert (murder.status, murder.negated) == (CONVICTED, True)
    assert "negated with its status" in murder.rule
    theft, assault = (
        a for a in parse_claim("convicted of theft but not assault") if a.kind is OFFENCE
    )
    assert (theft.negated, assault.negated, assault.status) == (False, True, CONVICTED)


def test_a_cue_beyond_two_words_or_a_comma_does_not_negate() -> None:
    assert not one("He had no lawful status and was convicted of DUI", "convicted of").negated
    assert not one("No, he was convicted of DUI", "convicted of").negated


def test_immigration_detention_is_not_an_arrest_for_an_offence() -> None:
    parsed = analyse_claim("He has been detained for three months at Cumberland County Jail.")
    assert parsed.assertions == ()
    assert [s.words for s in parsed.ignored] == ["detained for"]
    assert parsed.ignored[0].rule.endswith("no offence follows")
    assert read("He was detained for assault") == [
        (STATUS, "detained for", ARRESTED, set()),
        (OFFENCE, "assault", ARRESTED, {K.ASSAULT}),
    ]


@pytest.mark.parametrize(
    ("text", "words", "kinds", "severity"),
    [
        ("convicted of identity theft", "identity theft", {K.FRAUD}, None),  # not theft
        ("aggravated assault", "aggravated assault", {K.ASSAULT}, Severity.VIOLENT_FELONY),
        (
            "sexual abuse of a minor",
            "sexual abuse of a minor",
            {K.CHILD_ABUSE, K.SEX_OFFENCE},
            None,
        ),
        ("two robberies", "robberies", {K.ROBBERY}, Severity.VIOLENT_FELONY),
        ("known RAPISTS", "RAPISTS", {K.SEX_OFFENCE}, Severity.VIOLENT_FELONY),
        ("he kidnapped a neighbour", "kidnapped", {K.KIDNAPPING}, Severity.VIOLENT_FELONY),
        ("fentanyl trafficking", "fentanyl trafficking", {K.DRUG_TRAFFICKING}, Severity.FELONY),
        (
            "illegal re\u2011entry",
            "illegal re\u2011entry",
            {K.IMMIGRATION},
            Severity.IMMIGRATION_ONLY,
        ),
        ("illegal reentry", "illegal reentry", {K.IMMIGRATION}, Severity.IMMIGRATION_ONLY),
        ("an MS13 member", "MS13", {K.GANG}, None),
        ("a Tren de Aragua gang member", "Tren de Aragua", {K.GANG}, None),
        ("operating under the influence", "operating under the influence", {K.OUI}, Severity.OUI),
        ("human smugglers", "human smugglers", {K.IMMIGRATION}, Severity.FELONY),
    ],
)
def test_offence_words(
    text: str, words: str, kinds: set[OffenceKind], severity: Severity | None
) -> None:
    found = one(text, words)
    assert (found.kind, set(found.offence_kinds), found.min_severity) == (OFFENCE, kinds, severity)


def test_curly_quotes_and_dashes_keep_the_offsets_of_the_text() -> None:
    wow = "\u2018worst\u2010of\u2010the\u2010worst\u2019"
    text = f"a \u201cviolent\u201d criminal alien \u2014 {wow}"
    violent, alien, worst = parse_claim(text)
    assert (violent.words, violent.start, violent.violent) == ("violent", 3, True)
    assert (alien.words, alien.status) == ("criminal alien", CONVICTED)
    assert (worst.words, worst.start) == (wow[1:-1], 30)


@pytest.mark.parametrize(
    ("text", "status", "severity", "violent"),
    [
        ("a violent criminal", CONVICTED, None, True),
        ("a dangerous man", ARRESTED, None, False),  # vaguer than violent: any record
        ("a public safety threat", CHARGED, None, False),
        ("an egregious offender", CONVICTED, Severity.FELONY, False),
        ("a convicted felon", CONVICTED, Severity.FELONY, False),
    ],
)
def test_characterisations(
    text: str, status: ClaimedStatus, severity: Severity | None, violent: bool
) -> None:
    (label,) = (a for a in parse_claim(text) if a.kind is LABEL)
    assert (label.status, label.min_severity, label.violent) == (status, severity, violent)
    assert label.rule


def test_child_predator_and_non_violent() -> None:
    predator = one("a child predator", "child predator")
    assert (predator.status, set(predator.offence_kinds)) == (CONVICTED, CHILD_SEX)
    calm = one("nonviolent", "nonviolent")
    assert (calm.violent, calm.negated) == (True, True)
    offender = one("a non-violent offender", "violent offender")  # longer than non-violent
    assert (offender.violent, offender.negated) == (True, True)
    assert offender.rule.endswith("negated by 'non'")


def test_words_that_are_not_about_a_criminal_charge() -> None:
    parsed = analyse_claim("the officer in charge of the operation")
    assert parsed.assertions == ()
    assert [s.words for s in parsed.ignored] == ["in charge of"]


def test_hyphens_spaces_and_plurals_in_the_phrase_syntax() -> None:
    regex = re.compile(pattern("re-entry"), re.IGNORECASE)
    assert all(regex.fullmatch(t) for t in ("re-entry", "reentry", "re entry", "Re-Entries"))
    assert not regex.search("preentry")
    loose = re.compile(pattern("conviction* for"), re.IGNORECASE)
    assert loose.fullmatch("convictions  for") and not loose.fullmatch("conviction of")


def test_every_phrase_is_read_by_its_own_row() -> None:
    """No row is shadowed by a longer or earlier one: each alternative alone reads as its row."""
    phrases = vocabulary()
    assert {p.source for p in phrases} == set(FILES)
    for phrase in phrases:
        assert phrase.why, phrase
        for words in phrase.alternatives:
            text = words.replace("*", "")
            hits = module._hits(text)
            assert [(h.phrase, h.start, h.end) for h in hits] == [(phrase, 0, len(text))], words


def test_the_data_ships_in_the_package() -> None:
    data = resources.files("veracity.claims").joinpath("data")
    assert all(data.joinpath(name).is_file() for name in [*FILES, "claim_negations.csv"])


@pytest.fixture
def fresh_vocabulary() -> Iterator[None]:
    module.vocabulary.cache_clear()
    yield
    module.vocabulary.cache_clear()
    module._index.cache_clear()


def test_a_bad_data_row_names_its_file_and_line(
    monkeypatch: pytest.MonkeyPatch, fresh_vocabulary: None
) -> None:
    row = {"phrase": "jailed", "status": "JAILED", "negated": "", "why": "x"}
    monkeypatch.setattr(module, "read_vocabulary", lambda name, needed: [(7, row)])
    with pytest.raises(SourceError, match="'JAILED'") as error:
        vocabulary()
    assert (error.value.path, error.value.line) == ("claim_status.csv", 7)


_VOCABULARY = sorted({w.replace("*", "") for p in vocabulary() for w in p.alternatives})
_GLUE = st.sampled_from([" ", ", ", " and ", ". ", "; ", " not ", " no ", " \u2014 ", "\u2019s "])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_VOCABULARY), _GLUE, st.text(max_size=8)), max_size=12))
def test_any_text_gives_assertions_whose_words_are_in_the_text(parts: list[str]) -> None:
    text = "".join(parts)
    parsed = analyse_claim(text)
    spans = [(a.start, a.words) for a in parsed.assertions]
    spans += [(s.start, s.words) for s in (*parsed.ignored, *parsed.unparsed)]
    for start, words in spans:
        assert words and text[start : start + len(words)] == words
    ordered = sorted(spans)
    assert all(s1 + len(w1) <= s2 for (s1, w1), (s2, _) in itertools.pairwise(ordered))
