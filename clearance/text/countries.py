"""Country names and codes → ISO 3166-1 alpha-2, shared by parsers and screening.

Built on pycountry's ISO tables plus the spellings that the government lists actually use
("Korea, North", "Burma", "Iran", "Russia", "Hong Kong"...).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import pycountry

# Spellings seen in US, UN, UK and EU list files that ISO's names and pycountry's fuzzy search miss.
_EXTRA: dict[str, str] = {
    "burma": "MM",
    "north korea": "KP",
    "korea north": "KP",
    "korea, north": "KP",
    "dprk": "KP",
    "democratic people's republic of korea": "KP",
    "south korea": "KR",
    "korea south": "KR",
    "korea, south": "KR",
    "republic of korea": "KR",
    "korea": "KR",
    "russia": "RU",
    "iran": "IR",
    "syria": "SY",
    "laos": "LA",
    "vietnam": "VN",
    "viet nam": "VN",
    "taiwan": "TW",
    "hong kong": "HK",
    "macau": "MO",
    "macao": "MO",
    "china": "CN",
    "people's republic of china": "CN",
    "prc": "CN",
    "turkey": "TR",
    "turkiye": "TR",
    "czech republic": "CZ",
    "moldova": "MD",
    "bolivia": "BO",
    "venezuela": "VE",
    "tanzania": "TZ",
    "congo, democratic republic of the": "CD",
    "democratic republic of the congo": "CD",
    "congo, republic of the": "CG",
    "republic of the congo": "CG",
    "ivory coast": "CI",
    "cote d'ivoire": "CI",
    "united kingdom": "GB",
    "uk": "GB",
    "great britain": "GB",
    "england": "GB",
    "united states": "US",
    "usa": "US",
    "u.s.a.": "US",
    "united states of america": "US",
    "uae": "AE",
    "united arab emirates": "AE",
    "palestinian": "PS",
    "palestine": "PS",
    "west bank": "PS",
    "gaza": "PS",
    "kosovo": "XK",
    "crimea": "UA",
    "region: crimea": "UA",
    "brunei": "BN",
    "the bahamas": "BS",
    "bahamas, the": "BS",
    "gambia, the": "GM",
    "the gambia": "GM",
    "netherlands antilles": "AN",
    "micronesia": "FM",
    "vatican": "VA",
    "holy see": "VA",
    "macedonia": "MK",
    "swaziland": "SZ",
    "cape verde": "CV",
    "east timor": "TL",
    "st. kitts and nevis": "KN",
    "st. lucia": "LC",
    "st. vincent and the grenadines": "VC",
}


def _key(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", text.strip().lower().strip("."))


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    table: dict[str, str] = {}
    for c in pycountry.countries:
        code = c.alpha_2
        table[_key(c.alpha_2)] = code
        table[_key(c.alpha_3)] = code
        for attr in ("name", "official_name", "common_name"):
            value = getattr(c, attr, None)
            if value:
                table[_key(value)] = code
    for c in pycountry.historic_countries:
        if getattr(c, "alpha_2", None) and len(c.alpha_2) == 2:
            table.setdefault(_key(c.name), c.alpha_2)
    table.update({_key(k): v for k, v in _EXTRA.items()})
    return table


@lru_cache(maxsize=8192)
def country_code(text: str | None) -> str | None:
    """ISO alpha-2 code for a country name or code as lists write it; None when unknown."""
    if not text:
        return None
    key = _key(text)
    if not key:
        return None
    code = _table().get(key)
    if code is None and "," in key:
        # "Iran, Islamic Republic of" style: try the part before the comma.
        code = _table().get(key.split(",", 1)[0].strip())
    return code


def country_name(code: str) -> str:
    """The English short name of an ISO alpha-2 code (the code itself if unknown)."""
    c = pycountry.countries.get(alpha_2=code.upper())
    return str(getattr(c, "common_name", None) or c.name) if c else code
