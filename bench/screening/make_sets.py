"""Generate the two screening sets of bench/screening/sets/ from the real lists (seeded, regenerable).

Run: PYTHONPATH=. .venv/bin/python -m bench.screening.make_sets [--data ../shared/data]

- ``customer_variants.csv`` (set a): listed Entity List, MEU and SDN names as customers type them, each with
  the entry it must find (``list``, ``entry_id``). Kinds of change, one to three per row: legal form swapped
  or moved, abbreviations (Engg, Res., Inst., Univ., Tech., Trdg, Elec, Mfg, Intl, ...), one or two typos in
  long words, city or parenthetical dropped, word order, case and punctuation, pinyin syllables split or
  joined, the Chinese or Cyrillic name of the alias table (clearance/resources/aliases.csv) with its legal
  form or city dropped.
- ``hard_negatives.csv`` (set b): names that must not be a HIT: listed Chinese and Russian company names with
  the brand word replaced by another plausible brand (a word that is in no loaded list), generic-only names
  ("General Trading FZE") that equal no listed name, and well-known unlisted firms whose distinctive words
  are in no loaded list.

Every row carries its part of the fixed split (bench/screening/split.py), keyed by the source entry (or the
name for rows made from no entry). The sets are read with ``bench.screening.sets.load``.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from anyascii import anyascii
from rapidfuzz.distance import Levenshtein

from bench.screening.lists import load_lists
from bench.screening.split import part_of
from clearance.model.entity import Entity, NameKind, Schema

SETS = Path(__file__).parent / "sets"
SEED = 20261201
CYRILLIC_ROWS = 200
ALIASES = Path(__file__).resolve().parents[2] / "clearance" / "resources" / "aliases.csv"

ABBREVIATIONS = {
    "engineering": "Engg", "research": "Res.", "institute": "Inst.", "university": "Univ.",
    "technology": "Tech.", "technologies": "Techs", "trading": "Trdg", "electronics": "Elec",
    "electronic": "Elec", "electric": "Elec", "manufacturing": "Mfg", "international": "Intl",
    "department": "Dept", "association": "Assn", "science": "Sci.", "scientific": "Sci.",
    "company": "Co", "corporation": "Corp", "limited": "Ltd", "industrial": "Indl", "academy": "Acad.",
    "equipment": "Equip.", "industries": "Inds", "industry": "Ind.", "development": "Dev.",
    "laboratory": "Lab", "communication": "Comm", "communications": "Comms", "aviation": "Avn",
    "automation": "Autom.", "instrument": "Instr.", "instruments": "Instrs", "group": "Grp",
    "management": "Mgmt", "services": "Svcs", "systems": "Sys", "holding": "Hldg", "materials": "Matls",
}
LEGAL_SWAPS: list[tuple[str, str]] = [
    (r"\bCo\.?,? ?Ltd\.?$", "Company Limited"), (r"\bCompany,? Limited$", "Co., Ltd."),
    (r"\bLimited$", "Ltd"), (r"\bLtd\.?$", "Limited"), (r"\bLimited Liability Company$", "LLC"),
    (r"\bL\.?L\.?C\.?$", "Limited Liability Company"), (r"\bInc\.?$", "Incorporated"),
    (r"\bCorporation$", "Corp."), (r"\bCorp\.?$", "Corporation"), (r"\bJoint Stock Company$", "JSC"),
    (r"\bJSC$", "Joint Stock Company"), (r"^JSC\b", "Joint Stock Company"), (r"^OOO\b", "LLC"),
    (r"^LLC\b", "OOO"), (r"^AO\b", "JSC"), (r"^OAO\b", "Open Joint Stock Company"), (r"\bGmbH$", "G.m.b.H."),
]
LEGAL_TAIL = re.compile(
    r"[,\s]*\b(Co\.?,? ?Ltd\.?|Company,? Limited|Limited|Ltd\.?|LLC|L\.L\.C\.|Inc\.?|Corporation|Corp\.?|"
    r"Joint Stock Company|JSC|GmbH|FZE|FZCO|FZ-LLC|PJSC|OJSC|CJSC)$", re.I)
LEGAL_HEAD = re.compile(r"^(JSC|OOO|LLC|AO|OAO|PAO|PJSC|ZAO|CJSC|OJSC|NPO|NPP|FGUP|FSUE)\s+", re.I)
CITIES = {"beijing", "shanghai", "shenzhen", "guangzhou", "tianjin", "chongqing", "chengdu", "wuhan", "xian",
          "xi'an", "hangzhou", "nanjing", "suzhou", "hefei", "changsha", "harbin", "dalian", "qingdao", "xiamen",
          "zhuhai", "dongguan", "ningbo", "wuxi", "jinan", "shenyang", "zhengzhou", "kunming", "mianyang",
          "hong", "kong", "moscow", "st.", "petersburg", "saint", "novosibirsk", "yekaterinburg", "kazan",
          "tula", "izhevsk", "samara", "omsk", "tomsk", "perm", "ufa", "nizhny", "novgorod", "chelyabinsk"}
INDUSTRY = {"technology", "technologies", "tech", "science", "scientific", "electronics", "electronic",
            "electric", "information", "intelligent", "intelligence", "network", "networks", "digital",
            "industrial", "industry", "industries", "trading", "trade", "import", "export", "international",
            "development", "engineering", "research", "institute", "equipment", "machinery", "materials",
            "new", "software", "systems", "system", "semiconductor", "microelectronics", "communication",
            "communications", "instrument", "instruments", "optical", "optoelectronic", "precision", "power",
            "energy", "aviation", "aerospace", "defense", "defence", "logistics", "supply", "chain", "group",
            "holding", "holdings", "investment", "management", "services", "service", "manufacturing",
            "plant", "factory", "design", "bureau", "scientific-production", "production", "association",
            "enterprise", "company", "corporation", "limited", "co.,", "co.", "ltd.", "ltd", "co", "llc",
            "jsc", "joint", "stock", "and", "&", "of", "the", "general", "global", "automation", "control",
            "devices", "device", "components", "computer", "computing", "data", "cloud", "smart", "vision",
            "security", "radio", "radar", "laser", "chemical", "chemicals", "metal", "metals", "oil", "gas",
            "shipping", "marine", "heavy", "special", "center", "centre", "laboratory", "federal", "state",
            "open", "closed", "public", "scientific-research", "innovation", "innovative", "venture", "hi-tech"}
CN_BRANDS = ["Kaixin", "Lanfeng", "Ruiyuan", "Haotian", "Jinsheng", "Xinyao", "Boruan", "Mingjia", "Tianrui",
             "Yuanhang", "Huachen", "Zhongtai", "Anxun", "Hengda", "Qiming", "Shengda", "Weilai", "Jiahe",
             "Lianyi", "Fengrui", "Dingxin", "Kunpeng", "Hongyu", "Xinlian", "Baoli", "Yida", "Shunfa", "Zhiyuan",
             "Chuangxin", "Haiyue", "Jingcheng", "Ruixiang", "Tongda", "Xingyun", "Yingke", "Zhanhong",
             "Longwei", "Huarui", "Mingyang", "Sanhe", "Wanli", "Xianglong", "Yufeng", "Zhengtong", "Anda",
             "Beiyang", "Chenguang", "Dongfang", "Fuxing", "Guanghua"]
RU_BRANDS = ["Vostokstroy", "Severtekh", "Uralpribor", "Volgatron", "Baikalsoft", "Ladoga", "Sibirtekh",
             "Neva-Elektro", "Kamatekh", "Avangard-M", "Rubezh", "Yantar-Tekh", "Polyus-Pro", "Tekhnoservis",
             "Energomash-Yug", "Optitekh", "Radiotekh", "Mikrosistema", "Spektr-Avto", "Gorizont-Invest",
             "Kvant-Servis", "Zenit-Pribor", "Orbita-Trade", "Signal-Tekh", "Merkuriy", "Iskra-Yug", "Akvilon",
             "Pegas-Tekh", "Sokol-Trade", "Vega-Soft"]
GENERIC_HEADS = ["General", "Global", "International", "Universal", "United", "Premier", "Eastern", "Golden",
                 "Modern", "First", "Asia Pacific", "Middle East", "Euro", "Star", "Prime", "Royal"]
GENERIC_TRADES = ["Trading", "Industrial Equipment Supply", "Electronics Trading", "Technology", "Logistics",
                  "Import and Export", "Engineering Services", "Machinery", "Supply Chain", "Components",
                  "Marine Services", "Investment", "Holdings", "Petroleum Products", "Aviation Services",
                  "Electronic Components", "Scientific Instruments", "Energy Solutions"]
GENERIC_FORMS = ["FZE", "FZCO", "LLC", "Co., Ltd.", "Limited", "Ltd", "Inc.", "GmbH", "Sdn Bhd", "L.L.C.",
                 "Trading LLC", "DMCC", "Pte Ltd", "Corporation", "OOO", "JSC"]
WELL_KNOWN = [
    "Apple Inc.", "Microsoft Corporation", "Alphabet Inc.", "Amazon.com, Inc.", "Siemens AG", "Bosch GmbH",
    "Toyota Motor Corporation", "Honda Motor Co., Ltd.", "Sony Group Corporation", "Panasonic Holdings Corporation",
    "Samsung Electronics Co., Ltd.", "LG Electronics Inc.", "Hyundai Motor Company", "Nestle S.A.",
    "Unilever PLC", "Procter & Gamble Company", "Johnson & Johnson", "Pfizer Inc.", "Novartis AG",
    "Roche Holding AG", "BASF SE", "Bayer AG", "Volkswagen AG", "BMW AG", "Mercedes-Benz Group AG",
    "Airbus SE", "Boeing Company", "Lockheed Martin Corporation", "General Electric Company", "IBM Corporation",
    "Intel Corporation", "Advanced Micro Devices, Inc.", "NVIDIA Corporation", "Qualcomm Incorporated",
    "Texas Instruments Incorporated", "Cisco Systems, Inc.", "Oracle Corporation", "SAP SE",
    "Ericsson AB", "Nokia Corporation", "Philips N.V.", "ASML Holding N.V.", "Taiwan Semiconductor Manufacturing "
    "Company Limited", "MediaTek Inc.", "Foxconn Technology Co., Ltd.", "Acer Incorporated", "ASUSTeK Computer Inc.",
    "Lenovo Group Limited", "Xiaomi Corporation", "Alibaba Group Holding Limited", "JD.com, Inc.",
    "Baidu, Inc.", "NetEase, Inc.", "Meituan", "PDD Holdings Inc.", "BYD Company Limited", "Geely Automobile "
    "Holdings Limited", "Haier Smart Home Co., Ltd.", "Midea Group Co., Ltd.", "Gree Electric Appliances, Inc. "
    "of Zhuhai", "TCL Technology Group Corporation", "China Mobile Limited", "Ping An Insurance (Group) Company "
    "of China, Ltd.", "Industrial and Commercial Bank of China Limited", "Kweichow Moutai Co., Ltd.",
    "Anta Sports Products Limited", "Li Ning Company Limited", "Tsingtao Brewery Company Limited",
    "Yili Industrial Group Co., Ltd.", "Fuyao Glass Industry Group Co., Ltd.", "Great Wall Motor Company "
    "Limited", "Shenzhou International Group Holdings Limited", "Anhui Conch Cement Company Limited",
    "Wuliangye Yibin Co., Ltd.", "Sany Heavy Industry Co., Ltd.", "Weichai Power Co., Ltd.",
    "Yandex N.V.", "Magnit PJSC", "X5 Retail Group N.V.", "Severstal PJSC", "Novolipetsk Steel",
    "Wildberries LLC", "Ozon Holdings PLC", "Lukoil Oil Company", "Tatneft PJSC", "Polyus PJSC", "PhosAgro PJSC",
    "Rostelecom PJSC", "Aeroflot PJSC", "MTS PJSC", "Norilsk Nickel", "Tata Consultancy Services Limited",
    "Infosys Limited", "Wipro Limited", "Reliance Industries Limited", "Mahindra & Mahindra Limited",
    "Petrobras S.A.", "Vale S.A.", "Embraer S.A.", "Grupo Bimbo S.A.B. de C.V.", "Cemex S.A.B. de C.V.",
    "Saudi Aramco", "Emirates Airline", "Etihad Airways", "Qatar Airways", "Turkish Airlines", "Koc Holding A.S.",
    "Arcelik A.S.", "Tesla, Inc.", "Caterpillar Inc.", "Deere & Company", "3M Company", "Honeywell "
    "International Inc.", "Schneider Electric SE", "ABB Ltd", "Hitachi, Ltd.", "Mitsubishi Electric Corporation",
    "Toshiba Corporation", "Fujitsu Limited", "NEC Corporation", "Canon Inc.", "Nikon Corporation",
    "Kyocera Corporation", "Murata Manufacturing Co., Ltd.", "TDK Corporation", "Infineon Technologies AG",
    "STMicroelectronics N.V.", "NXP Semiconductors N.V.", "Broadcom Inc.", "Micron Technology, Inc.",
    "SK Hynix Inc.", "Dell Technologies Inc.", "HP Inc.", "Hewlett Packard Enterprise Company",
]

_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*")


def norm_tokens(name: str) -> list[str]:
    return [t.lower() for t in re.findall(r"[a-z0-9]+", anyascii(name).lower())]


def typo(word: str, rng: random.Random) -> str:
    k = rng.randrange(1, len(word) - 1)
    edit = rng.randrange(4)
    if edit == 0:
        return word[:k] + word[k + 1:]
    if edit == 1:
        return word[:k - 1] + word[k] + word[k - 1] + word[k + 1:]
    if edit == 2:
        return word[:k] + word[k] + word[k:]
    repl = rng.choice("aeiou" if word[k].lower() in "aeiou" else "bcdfghklmnprstvz")
    return word[:k] + repl + word[k + 1:]


def t_typo(name: str, rng: random.Random) -> str | None:
    words = name.split()
    long_words = [i for i, w in enumerate(words) if len(w) >= 6 and w.isalpha()]
    if not long_words:
        return None
    for i in rng.sample(long_words, min(len(long_words), rng.choice((1, 1, 2)))):
        words[i] = typo(words[i], rng)
    return " ".join(words)


def t_legal(name: str, rng: random.Random) -> str | None:
    for pattern, repl in rng.sample(LEGAL_SWAPS, len(LEGAL_SWAPS)):
        if re.search(pattern, name, re.I):
            return re.sub(pattern, repl, name, flags=re.I)
    m = LEGAL_TAIL.search(name)
    if m and rng.random() < 0.5:  # a legal form moved to the front ("JSC X" for "X JSC")
        return f"{m.group(1)} {name[:m.start()].strip(' ,')}"
    m2 = LEGAL_HEAD.match(name)
    if m2:
        return f"{name[m2.end():].strip()} {m2.group(1)}"
    return None


def t_abbrev(name: str, rng: random.Random) -> str | None:
    words = name.split()
    idx = [i for i, w in enumerate(words) if w.lower().strip(",.") in ABBREVIATIONS]
    if not idx:
        return None
    for i in rng.sample(idx, min(len(idx), rng.choice((1, 2, 3)))):
        w = words[i]
        tail = "," if w.endswith(",") else ""
        words[i] = ABBREVIATIONS[w.lower().strip(",.")] + tail
    return " ".join(words)


def t_drop(name: str, rng: random.Random) -> str | None:
    if "(" in name and rng.random() < 0.7:
        out = re.sub(r"\s*\([^)]*\)", "", name).strip()
        return out if out and out != name else None
    words = name.split()
    if len(words) > 2 and words[0].lower().strip(",") in CITIES:
        return " ".join(words[1:])
    m = re.search(r",\s*(\w+)$", name)
    if m and m.group(1).lower() in CITIES:
        return name[:m.start()]
    return None


def t_order(name: str, rng: random.Random) -> str | None:
    words = name.split()
    if len(words) > 2 and words[0].lower().strip(",") in CITIES:  # the city moved to the end
        m = LEGAL_TAIL.search(" ".join(words[1:]))
        rest = " ".join(words[1:])
        if m:
            return f"{rest[:m.start()].strip(' ,')} ({words[0]}) {m.group(1)}"
        return f"{rest}, {words[0]}"
    m = re.match(r"^(.*?)\s+(of|for)\s+(.*)$", name)
    if m and len(m.group(1).split()) <= 3:  # "Institute of X" -> "X Institute"
        return f"{m.group(3)} {m.group(1)}"
    return None


def t_case(name: str, rng: random.Random) -> str | None:
    out = re.sub(r"[,.;\"']", "" if rng.random() < 0.5 else " ", name)
    out = " ".join(out.split())
    return out.lower() if rng.random() < 0.4 else (out.upper() if not name.isupper() else out.title())


_INITIALS = ("zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r", "z",
             "c", "s", "y", "w")
_FINALS = ("iang", "iong", "uang", "ang", "eng", "ing", "ong", "ian", "iao", "uai", "uan", "ai", "ei", "ao", "ou",
           "an", "en", "in", "un", "ua", "uo", "ia", "ie", "iu", "ui", "er", "a", "o", "e", "i", "u")


_SYLLABLES: set[str] = set()


def real_syllables() -> set[str]:
    """Every toneless pinyin syllable of the CJK Unified Ideographs block (from pypinyin's dictionary)."""
    if not _SYLLABLES:
        from pypinyin import lazy_pinyin

        _SYLLABLES.update(s for s in lazy_pinyin([chr(c) for c in range(0x4E00, 0x9FA6)]) if s.isalpha())
    return _SYLLABLES


def pinyin_syllables(word: str) -> list[str] | None:
    """Split a pinyin word into syllables (greedy, longest final first), None when it is not pinyin."""
    out = _split_pinyin(word)
    return out if out and all(s in real_syllables() for s in out) else None


def _split_pinyin(word: str) -> list[str] | None:
    w = word.lower()
    out: list[str] = []
    i = 0
    while i < len(w):
        for ini in (*_INITIALS, "") if i == 0 else _INITIALS:  # a bare vowel syllable only at the start
            if w.startswith(ini, i):
                for fin in _FINALS:
                    if w.startswith(fin, i + len(ini)):
                        nxt = i + len(ini) + len(fin)
                        # do not take a final's n/g that starts the next syllable
                        if fin.endswith(("n", "ng")) and nxt < len(w) and w[nxt] in "aeiouv":
                            continue
                        out.append(w[i:nxt])
                        i = nxt
                        break
                else:
                    continue
                break
        else:
            return None
    return out if len(out) >= 2 else None


def t_pinyin(name: str, rng: random.Random) -> str | None:
    words = name.split()
    english = {"machine", "machinery", "home", "union", "ocean", "china", "online", "general", "line", "sino"}
    cands = [(i, s) for i, w in enumerate(words) if w.isalpha() and w.lower() not in INDUSTRY | CITIES | english
             and (s := pinyin_syllables(w)) is not None]
    if not cands:
        return None
    i, syl = rng.choice(cands)
    words[i] = " ".join(x.capitalize() for x in syl) if rng.random() < 0.7 else "-".join(x.capitalize() for x in syl)
    return " ".join(words)


TRANSFORMS: dict[str, Callable[[str, random.Random], str | None]] = {
    "legal-form": t_legal, "abbreviation": t_abbrev, "typo": t_typo, "drop": t_drop, "order": t_order,
    "case-punct": t_case, "pinyin": t_pinyin,
}

_HAN_LEGAL = re.compile(r"(股份有限公司|有限责任公司|有限公司|集团公司|公司)$")
_HAN_CITY = re.compile(r"^(北京市?|上海市?|深圳市?|广州市?|天津市?|重庆市?|成都市?|武汉市?|杭州市?|南京市?"
                       r"|西安市?|合肥市?)")
_CYR_LEGAL = re.compile(r"^(Общество с ограниченной ответственностью|Акционерное общество|Публичное акционерное "
                        r"общество|Открытое акционерное общество|Закрытое акционерное общество|ООО|АО|ПАО|ОАО|ЗАО)\s+",
                        re.I)


def native_variant(alias: str, script: str, rng: random.Random) -> tuple[str, str]:
    if script == "Han":
        out = alias.replace("（", "(").replace("）", ")") if rng.random() < 0.5 else alias
        if rng.random() < 0.6 and _HAN_LEGAL.search(out):
            return _HAN_LEGAL.sub("", out), "chinese-characters,legal-form"
        if _HAN_CITY.match(out) and len(out) > 6:
            return _HAN_CITY.sub("", out), "chinese-characters,drop"
        return out, "chinese-characters"
    out = alias.replace("«", "").replace("»", "").replace('"', "")
    kinds = ["cyrillic"]
    abbrev = {"общество с ограниченной ответственностью": "ООО", "акционерное общество": "АО",
              "публичное акционерное общество": "ПАО", "открытое акционерное общество": "ОАО"}
    m = _CYR_LEGAL.match(out)
    if m:
        full = m.group(1).lower()
        out = (abbrev.get(full, "") + " " + out[m.end():]).strip() if full in abbrev else (
            out[m.end():] + " " + m.group(1) if rng.random() < 0.5 else out[m.end():])
        kinds.append("legal-form")
    if rng.random() < 0.5:
        out = out.upper() if rng.random() < 0.5 else out.lower()
        kinds.append("case-punct")
    return " ".join(out.split()), ",".join(kinds)


def read_aliases() -> list[dict[str, str]]:
    if not ALIASES.is_file():
        return []
    with open(ALIASES, encoding="utf-8", newline="") as fh:
        return [r for r in csv.DictReader(row for row in fh if not row.startswith("#"))]


def customer_variants(lists: dict[str, list[Entity]], rng: random.Random, n_latin: int) -> list[dict[str, str]]:
    pool = [e for code in ("el", "meu", "sdn") for e in lists.get(code, []) if e.schema is not Schema.PERSON
            and (code != "sdn" or e.schema in (Schema.ORGANIZATION, Schema.COMPANY, Schema.LEGAL_ENTITY))]
    # Chinese and Russian parties first (the project's users' main counterparties), then the rest.
    cn_ru = [e for e in pool if set(e.countries) & {"CN", "RU", "HK"}]
    other = [e for e in pool if not set(e.countries) & {"CN", "RU", "HK"}]
    rng.shuffle(cn_ru)
    rng.shuffle(other)
    chosen = cn_ru[: int(n_latin * 0.7)] + other[: n_latin - int(n_latin * 0.7)]
    rows: list[dict[str, str]] = []
    for e in chosen:
        base = e.name
        names = [n.value for n in e.names if n.kind in (NameKind.PRIMARY, NameKind.ALIAS)
                 and len(n.value) >= 8 and not set(n.value) & set("ЀЁЂЃЄЅІЇЈЉЊЋЌЍЎЏАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ")]
        if names and rng.random() < 0.25:
            base = rng.choice(names)
        query = base
        kinds: list[str] = []
        order = list(TRANSFORMS)
        rng.shuffle(order)
        want = rng.choice((1, 2, 2, 3))
        for k in order:
            if k == "pinyin" and not set(e.countries) & {"CN", "HK", "TW"}:
                continue
            if len(kinds) >= want:
                break
            out = TRANSFORMS[k](query, rng)
            if out and out.strip() and out != query:
                query, kinds = out, [*kinds, k]
        if not kinds:
            query, kinds = t_case(base, rng) or base, ["case-punct"]
        if len(norm_tokens(query)) == 0:
            continue
        rows.append({"query": query, "list": e.list_code, "entry_id": e.entry_id, "listed_name": base,
                     "kinds": ",".join(kinds), "part": part_of(f"{e.list_code}:{e.entry_id}")})
    return rows


def native_rows(lists: dict[str, list[Entity]], rng: random.Random) -> list[dict[str, str]]:
    by_key = {(e.list_code, e.entry_id): e for es in lists.values() for e in es}
    rows: list[dict[str, str]] = []
    per_entry: dict[tuple[str, str, str], list[dict[str, str]]] = {}
    for a in read_aliases():
        if a["list"] in ("el", "meu", "sdn") and a["script"] in ("Han", "Cyrillic"):
            per_entry.setdefault((a["script"], a["list"], a["entry_key"]), []).append(a)
    # One alias per entry: every entry with a Chinese name, and CYRILLIC_ROWS of the entries with a Cyrillic one.
    han = sorted(k for k in per_entry if k[0] == "Han")
    cyr = sorted(k for k in per_entry if k[0] == "Cyrillic")
    for k in han + rng.sample(cyr, min(CYRILLIC_ROWS, len(cyr))):
        a = rng.choice(per_entry[k])
        e = by_key.get((a["list"], a["entry_key"]))
        if e is None:
            continue
        query, kinds = native_variant(a["alias"], a["script"], rng)
        rows.append({"query": query, "list": e.list_code, "entry_id": e.entry_id, "listed_name": e.name,
                     "kinds": kinds, "part": part_of(f"{e.list_code}:{e.entry_id}")})
    return rows


LEGAL_WORDS = {"obshchestvo", "aktsionernoe", "ogranichennoi", "otvetstvennostyu", "otkrytoe", "zakrytoe",
               "publichnoe", "liability", "federalnoe", "gosudarstvennoe", "unitarnoe", "predpriyatie", "unitary",
               "china", "chinese", "russian", "russia", "national", "people's", "peoples", "republic", "federation",
               "nauchno", "issledovatelsky", "institut", "zavod", "kompaniya", "gruppa", "firma", "tsentr"}


def brand_word(name: str, freq: Counter[str]) -> tuple[int, str] | None:
    """The distinctive word of a company name: its rarest word over all listed names that is no city, industry
    word, country word or legal form (transliterated Russian legal forms included)."""
    words = name.split()
    eligible: list[tuple[int, int, str]] = []
    for i, w in enumerate(words):
        lw = w.lower().strip(",.()\"'")
        if lw in INDUSTRY | CITIES | LEGAL_WORDS or LEGAL_HEAD.match(w + " ") or LEGAL_TAIL.search(w):
            continue
        eligible.append((freq[lw], i, w))
    eligible.sort()
    # A clean brand swap: one rare word (the brand, an alphabetic word of 4+ letters); every other word that
    # is not generic is common in the lists, so the changed name shares nothing distinctive with the entry.
    if not eligible or len(eligible[0][2]) < 4 or not eligible[0][2].strip(",.").isalpha():
        return None
    brand = eligible[0][2].strip(",.").lower()
    if sum(1 for w in words if w.lower().strip(",.()\"'") == brand) > 1:
        return None  # the word comes back elsewhere in the name: replacing one leaves the party recognisable
    if eligible[0][2].isupper() and (not name.isupper() or len(brand) <= 4):
        return None  # a group acronym (AVIC, CETC): the rest of the name is still the listed subsidiary
    if re.search(r",\s*(Institute|Subordinate|Branch|Academy)", name) or re.search(r"\b\d+(st|nd|rd|th)?\b", name):
        return None  # a unit of a listed body, or a numbered institute: identified by more than its brand
    if len(words) > 5 and re.search(r"\b(institute|academy|university|cent(er|re)|branch)\b", name, re.I):
        return None  # a long institution name stays recognisable without its "named after" word
    if len(eligible) > 1 and eligible[1][0] < 15:
        return None
    return eligible[0][1], eligible[0][2]


def hard_negatives(lists: dict[str, list[Entity]], rng: random.Random, n_swaps: int) -> list[dict[str, str]]:
    listed_tokens = {t for es in lists.values() for e in es for n in e.names for t in norm_tokens(n.value)}
    listed_names = {" ".join(norm_tokens(n.value)) for es in lists.values() for e in es for n in e.names}
    freq: Counter[str] = Counter(t for es in lists.values() for e in es for n in e.names
                                 for t in set(norm_tokens(n.value)))
    rows: list[dict[str, str]] = []
    def unlisted_word(brand: str) -> bool:
        """No listed word equals the brand or is a typo away from it (Akvilon / Avilon)."""
        return not any(Levenshtein.distance(t, w, score_cutoff=1) <= 1 for t in norm_tokens(brand)
                       for w in listed_tokens if abs(len(w) - len(t)) <= 1)

    cn_brands = [b for b in CN_BRANDS if unlisted_word(b)]
    # more two-syllable pinyin brands, drawn from syllables common in company names, until there are 40
    syl = ["an", "bao", "bo", "chen", "da", "ding", "feng", "fu", "guang", "hai", "hao", "heng", "hong", "hua",
           "jia", "jin", "jing", "kai", "kang", "li", "lian", "long", "ming", "qi", "rui", "sheng", "shun", "tai",
           "tian", "tong", "wei", "xin", "xing", "yao", "yi", "yu", "yuan", "ze", "zhi", "zhong"]
    combos = sorted({(a + b).capitalize() for a in syl for b in syl if a != b})
    rng.shuffle(combos)
    for c in combos:
        if len(cn_brands) >= 40:
            break
        if c not in cn_brands and unlisted_word(c):
            cn_brands.append(c)
    ru_brands = [b for b in RU_BRANDS if unlisted_word(b)]
    print(f"replacement brands in no listed name (nor a letter away from one): {len(cn_brands)} Chinese "
          f"of {len(CN_BRANDS)}, {len(ru_brands)} Russian of {len(RU_BRANDS)}")
    pool = [e for code in ("el", "meu", "sdn", "1260h", "ofac-cons") for e in lists.get(code, [])
            if e.schema is not Schema.PERSON and set(e.countries or ("CN",) if code == "1260h" else e.countries)
            & {"CN", "RU", "HK"}]
    rng.shuffle(pool)
    seen: set[str] = set()
    for e in pool:
        if len(rows) >= n_swaps:
            break
        bw = brand_word(e.name, freq)
        if bw is None or len(e.name.split()) < 3:
            continue
        i, word = bw
        ru = "RU" in e.countries
        new = rng.choice(ru_brands if ru else cn_brands)
        words = e.name.split()
        words[i] = (new.upper() if word.isupper() else new) + ("," if word.endswith(",") else "")
        query = " ".join(words)
        key = " ".join(norm_tokens(query))
        if key in seen or key in listed_names:
            continue
        seen.add(key)
        rows.append({"query": query, "kind": "brand-swap", "source_list": e.list_code, "source_entry": e.entry_id,
                     "source_name": e.name, "part": part_of(f"{e.list_code}:{e.entry_id}")})
    n_generic = 0
    while n_generic < 130:
        query = f"{rng.choice(GENERIC_HEADS)} {rng.choice(GENERIC_TRADES)} {rng.choice(GENERIC_FORMS)}"
        key = " ".join(norm_tokens(query))
        if key in seen or key in listed_names:
            continue
        seen.add(key)
        n_generic += 1
        rows.append({"query": query, "kind": "generic-only", "source_list": "", "source_entry": "",
                     "source_name": "", "part": part_of(f"generic:{query}")})
    generic_words = INDUSTRY | {"inc", "ag", "se", "plc", "pjsc", "n", "v", "s", "a", "b", "de", "c", "gmbh",
                                "corporation", "company", "incorporated", "motor", "group", "holdings", "limited"}
    for query in WELL_KNOWN:
        distinctive = [t for t in norm_tokens(query) if t not in generic_words]
        if not distinctive or any(t in listed_tokens for t in distinctive):
            continue  # a word of it is in some listed name: not a clean negative
        rows.append({"query": query, "kind": "well-known-unlisted", "source_list": "", "source_entry": "",
                     "source_name": "", "part": part_of(f"well-known:{query}")})
    return rows


def write(path: Path, rows: list[dict[str, str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=os.environ.get("CLEARANCE_DATA", "../shared/data"))
    ap.add_argument("--latin", type=int, default=600, help="Latin-script variants in set (a)")
    ap.add_argument("--swaps", type=int, default=380, help="brand swaps in set (b)")
    args = ap.parse_args()
    lists = load_lists(Path(args.data))
    rng = random.Random(SEED)
    a = customer_variants(lists, rng, args.latin) + native_rows(lists, random.Random(SEED + 1))
    b = hard_negatives(lists, random.Random(SEED + 2), args.swaps)
    write(SETS / "customer_variants.csv", a)
    write(SETS / "hard_negatives.csv", b)
    for label, rows in (("customer variants", a), ("hard negatives", b)):
        parts = {p: sum(1 for r in rows if r["part"] == p) for p in ("calibration", "test")}
        print(f"{label}: {len(rows)} rows, {parts}")


if __name__ == "__main__":
    main()
