"""A small list the matching tests screen against: real-looking names, enough filler for weights."""

from __future__ import annotations

import pytest

from veracity.matching import CandidateIndex, Matcher, NameModel
from veracity.model import Identifier, Name, NameKind, PartialDate, Party, Provenance, Schema


def listed(pid: str, schema: str, *names: str, **facts: object) -> Party:
    kinds = [NameKind.PRIMARY] + [NameKind.ALIAS] * (len(names) - 1)
    names_ = tuple(Name(n, k) for n, k in zip(names, kinds, strict=True))
    prov = Provenance("t", "list.csv", 1)
    return Party(f"t:{pid}", "t", Schema(schema), names_, provenance=prov, **facts)  # type: ignore[arg-type]  # facts are Party fields


FILLER_COMPANIES = [
    "ALFA TRADING LLC",
    "BETA HOLDING LLC",
    "GAMMA IMPEX LLC",
    "DELTA GROUP LTD",
    "OMEGA SHIPPING LLC",
    "SIGMA INVEST LLC",
    "ATLAS CORP",
    "ORION LTD",
]
FILLER_PEOPLE = [
    "SMITH, Robert",
    "JONES, Mary",
    "IVANOV, Sergei Petrovich",
    "AL-HASSAN, Omar",
    "GARCIA LOPEZ, Maria",
    "KIM, Young Ho",
    "NGUYEN, Van Minh",
]


@pytest.fixture(scope="session")
def matcher() -> Matcher:
    parties = [
        listed(
            "putin",
            "Person",
            "PUTIN, Vladimir Vladimirovich",
            "Владимир Владимирович Путин",
            birth_dates=(PartialDate(1952, 10, 7),),
            identifiers=(Identifier("passport", "100000001"),),
        ),
        listed("potanin", "Person", "POTANIN, Vladimir Olegovich"),
        listed("smith", "Person", "John Smith"),
        listed("yamada", "Person", "YAMADA, Taro"),
        listed("hubbard", "Person", "L Ron Hubbard"),
        listed("emma", "Company", "EMMA LLC"),
        listed("argument", "Company", "JSC ARGUMENT"),
        listed("lukoil", "Company", "LUKOIL OIL COMPANY"),
        listed("vessel", "Vessel", "ARCTIC DAWN", identifiers=(Identifier("imo", "IMO 9300001"),)),
        *(listed(f"c{i}", "Company", n) for i, n in enumerate(FILLER_COMPANIES)),
        *(listed(f"p{i}", "Person", n) for i, n in enumerate(FILLER_PEOPLE)),
    ]
    return Matcher(CandidateIndex(parties, "test"), NameModel.load())
