"""The batch API: dedupe one list, link two, on a handful of records written here."""

from __future__ import annotations

import pytest

from tests.linkage.factories import person
from veracity.exc import ConfigError
from veracity.linkage import LinkConfig, LinkModel, PersonRecord, link

# Three people: Maria Lopez-Cortez (three records), John Smith (two), Ann Lee (one); plus a
# second John Smith born elsewhere in time, who must stay apart.
DOCKET = [
    person("d1", "Maria", "Lopez-Cortez", "1980-05-07", state="TX", place="El Paso"),
    person("d2", "Maria", "López", "1980-05-07", state="TX", place="El Paso"),
    person("d3", "Cortez", "Maria", "1980-07-05", state="TX", place=""),
    person("d4", "John", "Smith", "1975-03-02", state="CA", place="Fresno"),
    person("d5", "Jon", "Smith", "1975-03-02", state="CA", place="Fresno"),
    person("d6", "Ann", "Lee", "1990-11-30", state="NY", place="Albany"),
    person("d7", "John", "Smith", "1962-08-19", state="FL", place="Tampa"),
]
# A fixed model: the defaults, with the prior of a small docket (one pair in ten a match).
FIXED = LinkConfig(model=LinkModel.default(prior=0.1), estimate=False)


def clusters(records: list[PersonRecord], config: LinkConfig = FIXED) -> set[frozenset[str]]:
    return {frozenset(c) for c in link(records, config=config).clusters}


def test_dedupe_finds_the_people() -> None:
    assert clusters(DOCKET) == {
        frozenset({"d1", "d2", "d3"}),
        frozenset({"d4", "d5"}),
        frozenset({"d6"}),
        frozenset({"d7"}),
    }


def test_links_come_with_explanations() -> None:
    result = link(DOCKET, config=FIXED)
    assert result.links and all(p.probability >= result.threshold for p in result.links)
    assert [p.probability for p in result.pairs] == sorted(
        (p.probability for p in result.pairs), reverse=True
    )
    swapped = next(p for p in result.links if {p.left, p.right} == {"d1", "d3"})
    assert swapped.score.swapped
    assert any(
        "given name and surname read swapped" in c.sentence for c in swapped.score.contributions
    )
    assert result.cluster_of("d5") == ("d4", "d5")


def test_link_two_lists() -> None:
    claims = [
        person("c1", "Bob", "Smith", "1975-03-02", state="CA"),
        person("c2", "Ann", "Lee", "1990-11-30"),
    ]
    docket = [person("r1", "Robert", "Smith", "1975-03-02", state="CA"), *DOCKET[5:]]
    result = link(claims, docket, config=FIXED)
    assert {(p.left, p.right) for p in result.links} == {("c1", "r1"), ("c2", "d6")}
    assert {frozenset(c) for c in result.clusters} >= {frozenset({"c1", "r1"})}


def test_unsupervised_dedupe_of_a_tiny_list_still_separates_people() -> None:
    found = clusters(DOCKET, LinkConfig())
    assert frozenset({"d7"}) in found and frozenset({"d6"}) in found


def test_duplicate_ids_are_refused() -> None:
    with pytest.raises(ConfigError, match="d1"):
        link([*DOCKET, person("d1")])


def test_a_model_for_other_fields_is_refused() -> None:
    records = [person("x", postcode="4011"), person("y", postcode="4011")]
    with pytest.raises(ConfigError, match="postcode"):
        link(records, config=FIXED)


def test_extra_fields_are_compared() -> None:
    records = [person(str(i), "A", "B", None, postcode=code) for i, code in enumerate("1123")]
    model = LinkModel.default(("postcode",), 0.1)
    result = link(records, config=LinkConfig(model=model, estimate=False))
    contributions = {c.comparison: c for c in result.pairs[0].score.contributions}
    assert contributions["postcode"].level == "exact" and contributions["postcode"].bits > 0
    assert contributions["postcode"].sentence == "The postcode is the same (1 / 1, held by 50%)."


def test_empty_and_single_inputs() -> None:
    assert link([]).clusters == ()
    assert link([person("a")]).clusters == (("a",),)
    result = link([person("a")], [])
    assert result.pairs == () and result.clusters == (("a",),) and result.fit is None
