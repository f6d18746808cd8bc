"""The load-time guesses: company, organisation or person; Latin script or not."""

from __future__ import annotations

import pytest

from veracity.model import Schema
from veracity.sources.heuristics import body_schema, is_latin


@pytest.mark.parametrize(
    ("name", "schema"),
    [
        ("EXAMPLE TRADING CO., LTD.", Schema.COMPANY),
        ("KOTO COMMERCIO IBERICA, S.L.", Schema.COMPANY),
        ("YARRA ANSTALT A.G.", Schema.COMPANY),
        ("AL NASER AIRLINES", Schema.COMPANY),
        ("SYNAPTIX.NET", Schema.COMPANY),
        ("HAQQANI NETWORK (HQN)", Schema.ORGANIZATION),
        ("Korean People's Army", Schema.ORGANIZATION),
        ("ABEL HERNANDEZ, JR.", None),
        ("Ivan Sergeyevich PETROV", None),
    ],
)
def test_body_schema(name: str, schema: Schema | None) -> None:
    assert body_schema(name) == schema


def test_is_latin() -> None:
    assert is_latin("Société Générale")
    assert is_latin("Pachodavová 12")
    assert not is_latin("Иван Петров")
    assert not is_latin("عبد الرحمن")
    assert not is_latin("Εταιρία “Inter Tobacco”")
