"""Small, documented guesses readers make when a list does not say: company or not, which script.

`names/` owns the full treatment of scripts and legal forms; `sources` may not import it
(ARCHITECTURE.md), so these are deliberately simple and only decide a party's schema and a
name's kind at load time.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from veracity.model import Schema


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Legal-form tokens, compared after dots are removed ("S.A." -> "SA", "CO." -> "CO").
LEGAL_FORMS = _words(
    "INC INCORPORATED LTD LIMITED LLC LLP LP PLC CO CORP CORPORATION COMPANY GMBH AG AB SA SL SRL"
    " SPA BV NV OY AS ASA PTE PVT PTY KG OHG JSC PJSC OJSC CJSC OOO OAO ZAO FZE FZC FZCO DMCC"
    " SARL SAS SDN BHD ANSTALT KFT ZRT SPZOO TOV AO PAO NAO OOD EOOD DOO LTDA ANONIM SIRKETI"
    " NPK NPP NPO LDA CV RL OU TOO CA SAC"
)
# Words that name a business or an organisation rather than a person, as the lists spell them.
BUSINESS_WORDS = _words(
    "AIRLINES AIRWAYS AIRLINE AIR AVIATION AEROCARGO CARGO FREIGHT SHIPPING LOGISTICS"
    " TRANSPORT TRANSPORTATION GROUP HOLDING HOLDINGS TRADING TRADE INTERNATIONAL INTERNACIONAL"
    " TECHNOLOGY TECHNOLOGIES TECH TECHNIK SYSTEMS ENGINEERING ELECTRONICS INDUSTRIES INDUSTRIE"
    " INDUSTRIAL ENTERPRISE ENTERPRISES SOLUTIONS COMPUTERS METALS SERVICES SERVICE MANUFACTURING"
    " EQUIPMENT CONTRACTING CONSTRUCTION PRODUCTS MACHINERY SUPPLY SUPPLIES EXPORT IMPORT EXPORTS"
    " IMPORTS BANK INVEST INVESTMENT INVESTMENTS MANAGEMENT SUPPORT VERTRIEBS HANDEL EMPRESA"
    " MICROWAVE DATA FIBERS NONWOVENS PROTOTYPE REFINING IBERICA RESULTS EXCHANGE HAWALA"
    " ASSOCIATES FACTORY PLANT SHIPYARD REFINERY"
)
# Words that name a non-commercial body: a state organ, an armed group, an institution.
BODY_WORDS = _words(
    "MINISTRY AGENCY DEPARTMENT DIRECTORATE OFFICE INSTITUTE UNIVERSITY ACADEMY CENTRE CENTER"
    " ORGANIZATION ORGANISATION FOUNDATION ASSOCIATION NETWORK FRONT ARMY BRIGADE BRIGADES"
    " BATTALION MOVEMENT PARTY COMMITTEE COUNCIL GUARD CORPS FORCE FORCES COMMAND AUTHORITY"
    " GOVERNMENT REGIME"
)
_WEB = re.compile(r"\.(?:NET|COM|ORG)\b")
_TOKEN = re.compile(r"[A-Z0-9]+")


def body_schema(name: str) -> Schema | None:
    """Company (legal form, business word, web name), Organization (a public or armed body's
    word), or None when the name reads like a person's."""
    upper = name.upper()
    tokens = set(_TOKEN.findall(upper.replace(".", "")))
    if tokens & LEGAL_FORMS or tokens & BUSINESS_WORDS or _WEB.search(upper):
        return Schema.COMPANY
    return Schema.ORGANIZATION if tokens & BODY_WORDS else None


def is_latin(text: str) -> bool:
    """Whether every letter of `text` is a Latin letter (accents included)."""
    if text.isascii():
        return True
    return all(_latin_letter(ch) for ch in text if ch.isalpha())


@cache
def _latin_letter(ch: str) -> bool:
    return unicodedata.name(ch, "").startswith("LATIN")
