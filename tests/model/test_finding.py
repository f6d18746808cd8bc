"""A finding always carries its evidence."""

from __future__ import annotations

import pytest

from veracity.model import Evidence, Finding


def test_a_finding_without_evidence_cannot_exist() -> None:
    with pytest.raises(ValueError, match="no evidence"):
        Finding("R01", "CHPL item", "The goods are on the CHPL.", 5.0, ())


def test_a_finding_serialises_with_its_evidence() -> None:
    ev = Evidence("shipment S1", "hs_code", "85423190", "CHPL 2024-02-23", "tier 1")
    data = Finding("R01", "CHPL item", "The goods are on the CHPL.", 5.0, (ev,)).as_dict()
    assert data["evidence"][0]["field"] == "hs_code" and "extra" not in data
