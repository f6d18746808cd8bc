"""Organisation legal forms and generic words."""

from __future__ import annotations

import pytest

from veracity.names import is_generic, legal_form, normalize, split_org, tag_legal_forms, to_latin
from veracity.names.orgs import LegalForm, split_cjk_forms
from veracity.names.tokens import tokenize


def org(text: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    return split_org(tokenize(to_latin(normalize(text))))


def test_emma_llc_leaves_one_core_token() -> None:
    # watchman#338: "emma daniels" scored EMMA LLC at 100%.
    assert org("EMMA LLC") == (("emma",), ("llc",), ())


def test_comp_is_a_company_form() -> None:
    # nomenklatura#245: LUKOIL OIL COMP, supplied by a US auditor.
    assert org("LUKOIL OIL COMP") == (("lukoil", "oil"), ("co",), ())


def test_numbers_stay_in_the_core() -> None:
    # watchman#483: BELLETECH CORP at 100% against 11420 CORP. once the number was stripped.
    assert org("11420 CORP.") == (("11420",), ("corp",), ())


@pytest.mark.parametrize(
    ("text", "canonical", "group"),
    [
        ("LLC", "llc", "llc"),
        ("L.L.C.", "llc", "llc"),
        ("ООО", "llc", "llc"),
        ("OOO", "llc", "llc"),
        ("Общество с ограниченной ответственностью", "llc", "llc"),
        ("ТОО", "llc", "llc"),
        ("Limited", "ltd", "ltd"),
        ("Ltd.", "ltd", "ltd"),
        ("Company", "co", "co"),
        ("Co.", "co", "co"),
        ("Corporation", "corp", "corp"),
        ("Aktiengesellschaft", "ag", "jsc"),
        ("ЗАО", "cjsc", "jsc"),
        ("PAO", "pjsc", "jsc"),
        ("S.A.", "sa", "jsc"),
        ("Sp. z o.o.", "spzoo", "llc"),
        ("d.o.o.", "doo", "llc"),
        ("Tic. Ltd. Şti.", None, None),  # tic (ticaret, trade) is generic, not a form
        ("Ltd. Şti.", "ltdsti", "llc"),
        ("A.Ş.", "as", "jsc"),
        ("FZ-LLC", "fzllc", "llc"),
        ("Sdn Bhd", "sdnbhd", "ltd"),
        ("株式会社", "kk", "jsc"),
        ("有限公司", "ltd", "ltd"),
        ("شركة", "co", "co"),
        ("Emma", None, None),
    ],
)
def test_legal_form_spellings(text: str, canonical: str | None, group: str | None) -> None:
    expected = LegalForm(canonical, group) if canonical and group else None
    assert legal_form(text) == expected


def test_multi_word_forms_collapse_to_one_token() -> None:
    tokens, forms = tag_legal_forms(("limited", "liability", "company", "unmanned", "systems"))
    assert tokens == ("llc", "unmanned", "systems")
    assert forms[0] == LegalForm("llc", "llc") and forms[1:] == (None, None)
    assert org("ООО “Беспилотные Системы”")[1] == ("llc",)
    assert org("Общество с ограниченной ответственностью «РТЦ»") == (("rtts",), ("llc",), ())


def test_long_forms_match_across_mixed_romanisations() -> None:
    # OFAC prints ICAO and BGN spellings inside one form.
    name = org("OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU KOMPANIYA GAZ ALYANS")
    assert name[1] == ("llc",) and name[0] == ("gaz", "alyans")


def test_short_forms_only_at_the_edges() -> None:
    assert org("Bank SA Iran") == (("bank", "sa", "iran"), (), ())  # not a form inside
    assert org("AO Kalashnikov Concern") == (("kalashnikov",), ("jsc",), ("concern",))
    assert org("Emma Co. Ltd.") == (("emma",), ("co", "ltd"), ())
    assert org("Zala Aero Group LLC") == (("zala", "aero"), ("llc",), ("group",))


def test_generic_words() -> None:
    # nomenklatura#211: company stopwords (holding, investment).
    assert org("Global Holding Investment Trading Group") == (
        (),
        (),
        ("global", "holding", "investment", "trading", "group"),
    )
    assert is_generic("the") and is_generic("&") and is_generic("kholding")
    assert not is_generic("lukoil")


def test_cjk_forms_are_split_off() -> None:
    assert split_cjk_forms((normalize("华为技术有限公司"),)) == ("华为技术", "有限公司")
    assert split_cjk_forms(("アエロスキャン",)) == ("アエロスキャン",)
