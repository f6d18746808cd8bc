"""The failure classes of sanctions.md §1.7 and §5, each on the smallest list that shows it."""

from __future__ import annotations

from veracity.matching import CandidateIndex, MatchConfig, Matcher, MatchQuery, NameModel
from veracity.model import Schema

from .conftest import FILLER_PEOPLE, listed


def top(
    matcher: Matcher, name: str, schema: str | None = None, **kw: object
) -> tuple[str, float, bool]:
    results = matcher.match(MatchQuery.build(name, schema, **kw))  # type: ignore[arg-type]
    if not results:
        return ("", 0.0, False)
    best = results[0]
    return best.party.id, best.score, best.match


def test_short_names_with_a_short_form_still_match(matcher: Matcher) -> None:
    # nomenklatura#366: "Jon Smith" ~ "John Smith" scored 0.50 in logic-v2.
    assert top(matcher, "Jon Smith", "Person")[::2] == ("t:smith", True)


def test_first_and_family_name_swapped(matcher: Matcher) -> None:
    assert top(matcher, "Putin Vladimir", "Person")[::2] == ("t:putin", True)
    assert top(matcher, "Vladimir Putin", "Person")[::2] == ("t:putin", True)


def test_initials_rank_the_right_person_first(matcher: Matcher) -> None:
    ranked = [r.party.id for r in matcher.match(MatchQuery.build("V. Putin", "Person"))]
    assert (
        ranked[0] == "t:putin" and ranked.index("t:putin") < ranked.index("t:potanin")
        if "t:potanin" in ranked
        else ranked[0] == "t:putin"
    )
    assert top(matcher, "Ron L Hubbard", "Person")[::2] == ("t:hubbard", True)


def test_a_different_given_name_is_someone_else(matcher: Matcher) -> None:
    pid, _, match = top(matcher, "Vladimir Potanin", "Person")
    assert pid == "t:potanin" and match
    assert all(
        r.party.id != "t:putin" or not r.match
        for r in matcher.match(MatchQuery.build("Vladimir Potanin", "Person"))
    )


def test_legal_form_overlap_alone_is_not_a_match(matcher: Matcher) -> None:
    # watchman#338: "emma daniels" scored EMMA LLC at 100%.
    assert not any(r.match for r in matcher.match(MatchQuery.build("emma daniels")))
    # An LLC query must not bring back every LLC on the list.
    results = matcher.match(MatchQuery.build("ZETA MARINE LLC", "Company"))
    assert not any(r.match for r in results)


def test_merged_tokens(matcher: Matcher) -> None:
    # watchman#594: "JSCARGUMENT" did not match "JSC ARGUMENT".
    assert top(matcher, "JSCARGUMENT", "Company")[::2] == ("t:argument", True)


def test_words_written_together_are_split_into_listed_words(matcher: Matcher) -> None:
    assert matcher.index.split_merged("VladimirPUTIN") == "vladimir putin"
    assert matcher.index.split_merged("Vladimir Putin") is None
    assert top(matcher, "VladimirPUTIN", "Person")[::2] == ("t:putin", True)


def test_abbreviated_legal_form(matcher: Matcher) -> None:
    # nomenklatura#245: "LUKOIL OIL COMP".
    assert top(matcher, "LUKOIL OIL COMP", "Company")[::2] == ("t:lukoil", True)


def test_cross_script_aliases_score_consistently(matcher: Matcher) -> None:
    # nomenklatura#248: one entity scored differently through its Latin and Cyrillic names.
    latin = top(matcher, "Vladimir Vladimirovich Putin", "Person")
    cyrillic = top(matcher, "Владимир Владимирович Путин", "Person")
    assert latin[0] == cyrillic[0] == "t:putin" and latin[2] and cyrillic[2]
    assert abs(latin[1] - cyrillic[1]) < 0.1


def test_kanji_names_meet_their_romaji(matcher: Matcher) -> None:
    assert top(matcher, "山田太郎", "Person")[::2] == ("t:yamada", True)


def test_an_identifier_alone_is_strong_evidence(matcher: Matcher) -> None:
    pid, score, match = top(matcher, "Unrelated Name", identifier="100000001")
    assert pid == "t:putin" and match and score > 0.9
    assert top(matcher, "Some Ship", "Vessel", identifier="9300001")[::2] == ("t:vessel", True)


def test_birth_dates_qualify_but_do_not_make_a_name(matcher: Matcher) -> None:
    plain = top(matcher, "Vladimir Putin", "Person")[1]
    same = top(matcher, "Vladimir Putin", "Person", birth_date="1952-10-07")[1]
    other = top(matcher, "Vladimir Putin", "Person", birth_date="1980")[1]
    assert other < plain < same
    # yente#245: the same birth date must not lift an unrelated name into a match.
    assert not any(
        r.match
        for r in matcher.match(
            MatchQuery.build("Vladimir Smirnov", "Person", birth_date="1952-10-07")
        )
    )


def test_every_result_explains_itself(matcher: Matcher) -> None:
    results = matcher.match(
        MatchQuery.build("Vladimir Putin", "Person", birth_date="1952-10-07"), MatchConfig(limit=3)
    )
    features = {e.feature for e in results[0].evidence}
    assert {"names", "query_coverage", "dob_day_match"} <= features
    assert all(e.explanation.endswith(".") for e in results[0].evidence)
    assert "'putin'≈'putin'" in results[0].explanation


def test_a_name_screened_again_comes_back_the_same(matcher: Matcher) -> None:
    # The second time, the name's candidate scores come from the matcher's cache.
    fresh = Matcher(matcher.index, matcher.model)
    query = MatchQuery.build("Vladimir Putin", None, country="RU")
    first = [(r.party.id, r.score, r.explanation) for r in fresh.match(query)]
    again = [(r.party.id, r.score, r.explanation) for r in fresh.match(query)]
    assert first == again and first[0][0] == "t:putin"
    assert fresh.compare("Vladimir Putin", "PUTIN, Vladimir Vladimirovich", Schema.PERSON).match


def test_an_empty_list_matches_nothing() -> None:
    empty = Matcher(CandidateIndex([], "empty"), NameModel.load())
    assert empty.match(MatchQuery.build("Vladimir Putin", "Person")) == []


def test_rescue_adds_parties_romanised_apart_and_changes_no_other_score() -> None:
    # `Jo`/`Ju` and `Sonng`/`Son` share no spelling key: only the variant keys meet them.
    people = [listed("x", "Person", "Ju Son")]
    people += [listed(f"p{i}", "Person", n) for i, n in enumerate(FILLER_PEOPLE)]
    matcher = Matcher(CandidateIndex(people, "rescue"), NameModel.load())
    query = MatchQuery.build("Jo Sonng", "Person")
    plain = {r.party.id: r.score for r in matcher.match(query, MatchConfig(rescue=0))}
    rescued = {r.party.id: r.score for r in matcher.match(query)}
    assert "t:x" not in plain and rescued["t:x"] > 0.5
    assert all(rescued[p] == score for p, score in plain.items())
