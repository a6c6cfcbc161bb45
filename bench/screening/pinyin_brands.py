"""Unlisted Chinese / Hong Kong company names of the shape {two-syllable brand}{industry word}{legal form}, in
Chinese characters and in pinyin, screened against the SDN and Entity Lists (adversarial R43b-23: '恒通電子有限公司',
Hengtong Electronics, was a 0.98 HIT on SDN 'HENG, Tong' and a 0.92 HIT on SDN 'HONG KONG ELECTRONICS').

Run: PYTHONPATH=. .venv/bin/python -m bench.screening.pinyin_brands [--data ../shared/data] [--n 300] [--seed 22]

Prints how many names come out HIT (>= 0.70) and near-certain (>= 0.95), on which entries (by kind: persons,
entries of no stated kind written 'SURNAME, Given', short two-word entries, others), and lists them. A name whose
brand joined in pinyin ("hengtong") is a word of a listed name, or whose brand in characters is in a listed name, is
left out of the set: it may be the listed party (Jiangsu Hengtong Optic-Electric).
"""

from __future__ import annotations

import argparse
import random
import re
from collections import Counter
from pathlib import Path

from clearance.screening.index import build_index
from clearance.screening.model import Decision, Query
from clearance.screening.screen import screen_many
from clearance.sources import entity_list, ofac
from clearance.sources.aliases import shipped
from clearance.text.translit import to_latin

V3 = "clearance-name@3"
NEAR_CERTAIN = 0.95

# common characters of Chinese company brands (字号), simplified / traditional
BRAND = ("恒恒", "通通", "华華", "信信", "达達", "泰泰", "兴興", "隆隆", "盛盛", "昌昌", "富富", "利利", "源源", "宏宏",
         "鑫鑫", "金金", "海海", "天天", "宇宇", "联聯", "德德", "新新", "佳佳", "安安", "永永", "丰豐", "顺順", "祥祥",
         "和和", "荣榮", "瑞瑞", "嘉嘉", "凯凱", "威威", "创創", "力力", "胜勝", "美美", "辉輝", "光光", "明明", "星星",
         "亚亞", "远遠", "东東", "发發", "万萬", "成成", "康康", "博博", "腾騰", "长長", "航航", "汇匯", "银銀", "宝寶",
         "龙龍", "飞飛", "强強", "广廣", "益益", "诚誠", "正正", "伟偉", "鸿鴻", "浩浩", "峰峰", "豪豪", "晶晶", "润潤")
# industry words: simplified, traditional, English
INDUSTRY = (("电子", "電子", "Electronics"), ("科技", "科技", "Technology"), ("贸易", "貿易", "Trading"),
            ("实业", "實業", "Industrial"), ("国际", "國際", "International"), ("物流", "物流", "Logistics"),
            ("电器", "電器", "Electrical Appliances"), ("化工", "化工", "Chemical"), ("机械", "機械", "Machinery"),
            ("光电", "光電", "Optoelectronics"), ("五金", "五金", "Hardware"), ("塑胶", "塑膠", "Plastics"),
            ("投资", "投資", "Investment"), ("精密", "精密", "Precision"), ("电源", "電源", "Power Supply"),
            ("半导体", "半導體", "Semiconductor"), ("通讯", "通訊", "Communication"), ("仪器", "儀器", "Instruments"))
FORMS = (("有限公司", "有限公司", "Co., Ltd."), ("股份有限公司", "股份有限公司", "Co., Ltd."),
         ("有限公司", "有限公司", "Limited"), ("集团有限公司", "集團有限公司", "Group Co., Ltd."))


def _parse(parser: object, files: tuple[Path, ...]) -> list:
    out: list = []
    for pl in parser.parse(files):  # type: ignore[attr-defined]
        out.extend(pl.entities)
    return out


def entities(data: Path) -> list:
    el = _parse(entity_list.PARSER, (data / "us_bis" / "entity_list_2025-11-08.csv",))
    d = data / "us_ofac"
    sdn = _parse(ofac.PARSER, (d / "sdn_2024-05-03.csv", d / "add_2025-12-24.csv", d / "alt_2025-12-24.csv",
                               d / "sdn_comments_2025-12-24.csv"))
    return [*el, *sdn]


def _syllables(chars: str) -> list[str]:
    return to_latin(chars)[0].casefold().split()


def names(n: int, seed: int, listed_words: set[str], listed_text: str) -> list[tuple[str, str, str]]:
    """``n`` brands, each as (query, country, how written): characters (HK traditional or CN simplified), pinyin
    joined ("Hengtong Electronics Co., Ltd."), pinyin spaced ("Heng Tong Electronics Limited")."""
    rng = random.Random(seed)
    out: list[tuple[str, str, str]] = []
    seen: set[str] = set()
    while len(seen) < n:
        a, b = rng.sample(BRAND, 2)
        brand_s, brand_t = a[0] + b[0], a[1] + b[1]
        if brand_s in seen:
            continue
        syl = _syllables(brand_s)
        if len(syl) != 2 or "".join(syl) in listed_words or brand_s in listed_text or brand_t in listed_text:
            continue  # (a brand a listed name holds may be the listed party)
        seen.add(brand_s)
        ind = rng.choice(INDUSTRY)
        form = rng.choice(FORMS)
        hk = rng.random() < 0.5
        chars = brand_t + ind[1] + form[1] if hk else brand_s + ind[0] + form[0]
        country = "HK" if hk else "CN"
        out.append((chars, country, "characters"))
        out.append((f"{''.join(syl).capitalize()} {ind[2]} {form[2]}", country, "pinyin joined"))
        out.append((f"{' '.join(s.capitalize() for s in syl)} {ind[2]} {form[2]}", country, "pinyin spaced"))
    return out


def kind_of(hit: object) -> str:
    words = re.findall(r"[A-Za-z0-9]+", hit.matched_name)  # type: ignore[attr-defined]
    if hit.schema == "Person":  # type: ignore[attr-defined]
        return "person"
    if "," in hit.matched_name and len(words) <= 3:  # type: ignore[attr-defined]
        return "no kind, 'SURNAME, Given'"
    if len(words) <= 2:
        return "short name (two words or fewer)"
    return "other"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=Path("../shared/data"))
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--seed", type=int, default=22)
    ap.add_argument("--list", action="store_true", help="print every HIT")
    args = ap.parse_args()
    ents = entities(args.data)
    listed_words: set[str] = set()
    text: list[str] = []
    for e in ents:
        for nm in e.names:
            text.append(nm.value)
            listed_words.update(w.casefold() for w in re.findall(r"[A-Za-z]+", nm.value))
    index = build_index(ents, aliases=[r.extra_name() for r in shipped()])
    rows = names(args.n, args.seed, listed_words, "\n".join(text))
    results = screen_many([Query(q, c) for q, c, _ in rows], index, algorithm=V3)
    hit = Counter()
    near = Counter()
    on = Counter()
    shown: list[str] = []
    for (q, c, how), r in zip(rows, results, strict=True):
        hits = [h for h in r.hits if h.decision is Decision.HIT]
        if not hits:
            continue
        top = max(hits, key=lambda h: h.score)
        hit[how] += 1
        if top.score >= NEAR_CERTAIN:
            near[how] += 1
        for h in hits:
            on[kind_of(h)] += 1
        shown.append(f"{top.score:.3f} {how:14} {q!r} ({c}) -> {top.list_code} {top.matched_name!r} [{kind_of(top)}]"
                     + (f" +{len(hits) - 1} more" if len(hits) > 1 else ""))
    total = Counter(how for _, _, how in rows)
    print(f"{len(rows)} names ({args.n} brands, seed {args.seed}) against SDN + Entity List, {V3}")
    for how in total:
        print(f"  {how:14} {total[how]:4} names: HIT {hit[how]:4}, near-certain {near[how]:4}")
    print(f"  {'all':14} {len(rows):4} names: HIT {sum(hit.values()):4}, near-certain {sum(near.values()):4}")
    print("HITs by entry kind:", dict(on))
    if args.list:
        for line in sorted(shown, reverse=True):
            print(" ", line)


if __name__ == "__main__":
    main()
