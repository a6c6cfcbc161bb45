"""The adversarial review's cases (tests/rules/adversary_round1.yaml to adversary_round6.yaml: written from the
regulation text by a helper playing an EAR specialist, without reading the code) through the determination workflow,
with the parties screened against the real loaded lists (Entity List 2025-11-08, DPL/MEU/UVL 2023-11-30, MIEU list,
SDN List 2024-05-03), the list ages the reviewer accepted.

Each case asserts, first, that an outcome the law does not clear never comes out clearing (no false clear), then
that the outcome is the expected one or one the case lists as acceptable. Cases the engine still gets wrong are
``xfail(strict=True)`` with the reason and who owns it, so that a fix makes the test fail until it is promoted.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from clearance.model.determination import Party, Request, Role
from clearance.model.regulation import RuleSet
from clearance.rules import load_rules
from clearance.settings import Settings
from clearance.store import Store
from clearance.workflows.determination import PartyScreener
from clearance.workflows.lists import load_paths
from clearance.workflows.order_files import read_scenarios

HERE = Path(__file__).resolve().parents[1] / "rules"
FILES = ("adversary_round1.yaml", "adversary_round2.yaml", "adversary_round3.yaml", "adversary_round4.yaml",
         "adversary_round5.yaml", "adversary_round6.yaml", "adversary_round7.yaml", "adversary_round8.yaml",
         "adversary_round9.yaml", "adversary_round10.yaml", "adversary_round10b.yaml",
         "adversary_round11.yaml", "adversary_round11b.yaml", "adversary_round12.yaml",
         "adversary_round13.yaml", "adversary_round14.yaml", "adversary_round15.yaml",
         "adversary_round15b.yaml", "adversary_round16.yaml", "adversary_round17.yaml",
         "adversary_round17b.yaml", "adversary_round18.yaml", "adversary_round18b.yaml", "adversary_round19.yaml",
         "adversary_round19b.yaml", "adversary_round19c.yaml", "adversary_round20.yaml",
         "adversary_round20b.yaml", "adversary_round21.yaml", "adversary_round21b.yaml",
         "adversary_round21c.yaml", "adversary_round22.yaml",
         "adversary_round22b.yaml", "adversary_round23.yaml",
         "adversary_round23b.yaml", "adversary_round23c.yaml", "adversary_round24.yaml",
         "adversary_round24b.yaml", "adversary_round24c.yaml", "adversary_round25.yaml",
         "adversary_round25b.yaml", "adversary_round26.yaml",
         "adversary_round26b.yaml", "adversary_round26c.yaml", "adversary_round27.yaml",
         "adversary_round27b.yaml", "adversary_round27c.yaml", "adversary_round28.yaml",
         "adversary_round28b.yaml", "adversary_round28c.yaml", "adversary_round29.yaml",
         "adversary_round29b.yaml", "adversary_round29c.yaml",
         "adversary_round29d.yaml", "adversary_round29e.yaml", "adversary_round30.yaml",
         "adversary_round30b.yaml", "adversary_round31.yaml",
         "adversary_round31b.yaml", "adversary_round31c.yaml", "adversary_round32.yaml",
         "adversary_round33.yaml", "adversary_round34.yaml", "adversary_round35.yaml",
         "adversary_round35b.yaml", "adversary_round36.yaml",
         "adversary_round36b.yaml", "adversary_round36c.yaml", "adversary_round37.yaml",
         "adversary_round37b.yaml", "adversary_round38.yaml", "adversary_round38b.yaml",
         "adversary_round39.yaml", "adversary_round39b.yaml", "adversary_round39c.yaml",
         "adversary_round40.yaml", "adversary_round40b.yaml", "adversary_round40c.yaml",
         "adversary_round41.yaml", "adversary_round41b.yaml", "adversary_round41c.yaml",
         "adversary_round42.yaml", "adversary_round42b.yaml", "adversary_round42c.yaml",
         "adversary_round43.yaml", "adversary_round43b.yaml",
         "adversary_round44.yaml", "adversary_round44b.yaml",
         "adversary_round45.yaml", "adversary_round46.yaml", "adversary_round47.yaml",
         "adversary_round47b.yaml", "adversary_round48.yaml", "adversary_round48b.yaml",
         "adversary_round49.yaml", "adversary_round49b.yaml", "adversary_round50.yaml",
         "adversary_round50b.yaml", "adversary_round51.yaml", "adversary_round51b.yaml")
AGES = {"dpl": 1200, "meu": 1200, "uvl": 1200, "sdn": 1000, "el": 1200}  # as accepted by the reviewer
CLEARING = {"NOT_SUBJECT", "NO_LICENSE_REQUIRED", "LICENSE_EXCEPTION"}

SCREENING = "screening (issue 10)"
# Still a false clear: the name is not found by screening, or the order cannot carry what decides it.
# (I02, U03, Z21, A25 were: screening misses, fixed in clearance-name@3 -- tests/screening/test_issue9_screening.py)
FALSE_CLEARS: dict[str, str] = {
    # (rounds 44 and 46 left five at session 22's end: R44-98 § 744.6(c)(2) service of a foreign-made etcher, R44b-23
    # 'DSO' alone, R44b-34 'Permskaya', R46-25/R46-26 § 744.9(a)(1)(iii) 0A919 incorporation -- fixed in session 23)
    # round 3: R3-61 ('Pvt Ltd', a word written apart), R3-86 (a ministry's initials) and R3-120 (KOMID in Korean
    # script, alias table) were, fixed by the screening work of session 4 (tests/screening/test_issue9_screening.py)
    # round 4 (tests/rules/adversary_round4.yaml): parties written with a district or street after the name screened
    # CLEAR; R4-44, R4-69, R4-75, R4-76, R4-77, R4-89 and R4-93 are found since the name line is also read without
    # its trailing address (clearance/screening/nameline.py); and R4-92 (a Macau street in Portuguese)
    # since session 5's street words (screen5); R4-53, R4-55, R4-84, R5-43 and R5-58 fixed by screen5 (session 5)
    # round 5 (tests/rules/adversary_round5.yaml): 33 false clears at its first run (main 422fc06); the end-use words
    # (lead, a9831e0), party-name signals, § 746.6 places, the ultimate destination's chart and ENC government end
    # users (rules, session 5) fixed all but these
    # R3-41 (YAMAGUCHI-GUMI in Japanese script) fixed by the alias table 2026-12-02.3 (screen6, session 6)
    # round 7 (tests/rules/adversary_round7.yaml): 7 false clears at its first run (main 527bb08); the exporter's
    # possible matches asked (R7-02, R7-36) and Iranian ports in rule 746.named_places (R7-22, R7-43, R7-48) fixed
    # (lead, session 6); R7-10 (an Indian address after the name: 'One BKC, Bandra Kurla Complex, Mumbai') fixed by
    # session 7's name-line reading (screen7: a legal form ends the name, Indian address words)
    # R7-49 (transit through the US said in words) fixed in session 7 (lead): route.via, and words that put a
    # foreign-made item in the United States without it are a question (clearance.text.destinations)
    # round 8 (tests/rules/adversary_round8.yaml): 12 false clears at its first run (main bddf59f); fixed by the lead
    # (session 7): R8-41 (names in the description screened, test_a_listed_party_named_only_in_the_words_is_asked),
    # R8-37 (entries "wherever located" have no country in screening: a possible match now); by rules8 (session 7):
    # R8-04 and R8-11 (§ 740.2(a)(4), (a)(5): rules 740.2.a4, 740.2.a5); by words8 (session 7): R8-21, R8-23 to R8-26,
    # R8-52, R8-53 (§§ 744.2-744.4 words: clearance/model/wmd_words.py, a question naming the section)
    # R8-20 (the order's own HTS 8542.32 contradicts its stated ear99_not_listed_part_746) fixed by hts746 (session
    # 8): the HTS codes an order names are looked up in Supp. Nos. 2, 5 and 7 to Part 746 (clearance/rules/hts746.py)
    # round 9 (tests/rules/adversary_round9.yaml): 6 false clears at its first run (main b0e1f65); fixed by the lead
    # (session 7): R9-21 (a listed university in lower case in the end use) and R9-22 (NUDT) by names in the words
    # read by the word heading an organisation's name and acronyms; R9-33 ('research ship', '-flagged': rule
    # 744.7.rule words); R9-34 ('howitzer', 'fire direction' red flags); R9-48 (§ 740.2(a)(12): a 600 series item
    # shipped from or made in D:5, licensing._shipped_from_d5); R9-24 (a Russian MoD unit abroad named otherwise:
    # rule 744.11.wherever_located, part744.wherever_located, E197/E198)
    # round 10 (tests/rules/adversary_round10.yaml, adversary_round10b.yaml): 3 false clears of 72 at its first run
    # (main 85eb827)
    # R10-06 fixed in session 8 (lead): § 734.9(c) and (d) modelled (rules fdp.9x515, fdp.600_series; E320-E327)
    # R10-39 (a Chinese city before a listed brand) and R10-70 (an SDN company in Arabic script) fixed by screen10
    # (session 8): tests/screening/test_issue9_screening.py
    # round 11 (tests/rules/adversary_round11.yaml, adversary_round11b.yaml): 2 false clears of 62 at its first run
    # (main d5f4972)
    # R11-14 (a region after the town: nameline 'regions') and R11-28 (loan words respelt: name_terms 'respell')
    # fixed in session 8 (lead)
    # round 12 (tests/rules/adversary_round12.yaml): 2 false clears of 43 at its first run (main b690067), both fixed
    # in session 9 (lead): R12-01 (NSO Group in Hebrew: Hebrew organisation words, letter names read as the acronym,
    # Israeli towns after a comma) and R12-05 (IRISL in Persian: Persian organisation words); test_issue9_screening.py
    # round 13 (tests/rules/adversary_round13.yaml): 5 false clears of 59 at its first run (main 6084c51); R13-26
    # (Candiru in Hebrew) fixed by session 9's Hebrew words; R13-23 (SDN 'JIHAD AL-BINA' in Arabic) fixed by session
    # 9's review: the Persian table's 'مؤسسه' (institute) had taken over the Arabic 'مؤسسة' (co). Fixed by screen17
    # (session 11; tests/screening/test_round13_screening.py): R13-08 (a brand the list writes joined, in Chinese
    # syllables: a query's words as written joined into whole-name keys), R13-25 (Hebrew loan words), R13-27 (Urdu
    # words, Latin letters by their Urdu names, Pakistani towns), R13-35 (Wade-Giles names' pinyin weak aliases),
    # R13-41 (UAE free-zone legal forms FZE, FZC, FZCO)
    # round 14 (tests/rules/adversary_round14.yaml): 1 false clear of 50 at its first run (main 6084c51): R14-50
    # (9A515.y to China) fixed in session 9 (lead): the CCL row's destinations read without the serial comma
    # round 15 (tests/rules/adversary_round15.yaml): 1 false clear of 59 at its first run (main 18990a0); the
    # follow-up adversary_round15b.yaml (written after that run) measured it: 4 more of 7. All five (R15-22, R15b-01
    # to R15b-04: NS 1 / MT 1 / RS 1 to the UK or Australia before the AUKUS rule, 89 FR 28594, eff. 2024-04-19) fixed
    # in session 10 (lead): the two Country Chart rows dated (tools/gen_regulations.py _aukus_row; E328-E331)
    # round 16 (tests/rules/adversary_round16.yaml): 5 false clears of 124 at its first run (main 18990a0); R16-83,
    # R16-85, R16-102 and R16-114 fixed by screen16 (whole-name candidate keys, a town of the entry's address after
    # the comma, entries of no stated kind also read as persons, capped at POSSIBLE)
    # round 17 (tests/rules/adversary_round17.yaml, adversary_round17b.yaml): 2 false clears of 58 at its first run
    # (main 6c8c782), 3 more of 11 in the follow-up written after it; all 5 fixed in session 11 (lead): R17-15,
    # R17-16, R17b-02, R17b-07 (§ 744.23(a)(3)(i)(B): 3A090.c to any destination but Macau and D:5, rule
    # 744.23.headquarters from 2024-12-02, O79-O81) and R17b-08 (a transfer within Iraq of a CCL item is the
    # § 746.3(a)(1) question, rule 746.3.transfer, O82)
    # round 18 (tests/rules/adversary_round18.yaml): 13 false clears of 110 at its first run (main 6c8c782)
    # R18-44, R18-73 (German spelling of Russian: clearance.text.romanise), R18-58 (a town after the postal code of
    # the entry's address), R18-79..81 (vessel lines), R18-17..19 (Chinese trade words), R18-66 (Persian سازی)
    # fixed in session 11 (screen19)
    # R18-67 (Iran Air in Persian with its acronym '(هما)' and a Dubai office) fixed in session 12 (screen20): a short
    # name in parentheses after the name is read as an alias, not a word of the name (nameline._short_name_after)
    # R18-70 (Qods Aviation Industries in Persian, Dubai) fixed in session 11 (lead): هوایی read as 'aviation'
    # round 18 follow-up (tests/rules/adversary_round18b.yaml, written after round 18's run): 6 false clears of 18
    # R18b-03, R18b-05 (German spelling), R18b-06 (French spelling), R18b-08 (Persian نفتکش, 'دفتر لندن') fixed in
    # session 11 (screen19)
    # round 20 (tests/rules/adversary_round20.yaml, adversary_round20b.yaml; tests/rules/adversary_round20_report.md):
    # 5 false clears of 72 at its first run (main d177c3a), 3 more of 19 in the follow-up written after it
    # R20-11 (§ 734.4(a)(3): no de minimis for US 9E003 hot-section technology) fixed in session 12 (lead): E336-E338
    # R20b-18 (§ 734.4(a)(3): no de minimis for US 9E003 hot-section technology) fixed in session 12 (lead): E336-E338
    # R20-21 (a Donetsk/Luhansk address against the stated ukraine_outside_covered_regions) fixed in session 12 (lead):
    # the contradiction is asked (onward.regions; E339-E341)
    # R20b-12 (a Donetsk/Luhansk address against the stated ukraine_outside_covered_regions) fixed in session 12 (lead):
    # the contradiction is asked (onward.regions; E339-E341)
    # R20-22 (whiskey HTS 2208.30 to Moscow) and R20b-14 (a car of HTS 8703.23) fixed in session 13 (lead): a code the
    # rule data does not hold, of a chapter or heading Supp. No. 5 to Part 746 draws its rows from (rule
    # 746.hts_headings.supp5, from secondary sources: the table is not held), is asked even with the stated
    # ear99_not_listed_part_746
    # R18-74 ('Wiktor Wekselberg, Zug'), R18b-09 ('Aleksej Mordaschow, Teneriffa') and R18b-10 ('Arkadi Rotenberg,
    # Nice') fixed in session 12 (screen20): a person's name and, after the comma, a place no table holds is also read
    # without the place (nameline.person_and_place); the town had been an unmatched word capping the match
    # R20-38 (CFTE in Chinese: 飞行 flight, 试验 test) and R20-48 (MMK Metalurji with a Turkish town and province after
    # its legal form) fixed by screen21 (session 12; tests/screening/test_round20_screening.py)
    # R16-113 (MEU SAMC after its parent's name COMAC) fixed by screen18 (session 11): a listed name's own initials
    # in parentheses are an alias, and a description whose words weigh together as much as a brand is a name
    # (tests/screening/test_issue9_screening.py)
    # R5-44 and R5-96 (a denied exporter or reexporter never screened) fixed in session 6 (lead): the order's exporter
    # is a party of role EXPORTER, screened against the Denied Persons and SDN Lists (test_the_exporter_is_screened)
    # round 21 (tests/rules/adversary_round21.yaml; tests/rules/adversary_round21_report.md): 6 false clears of 114 at
    # its first run (main b576375), besides R21-37 (withdrawn: MISMATCHES)
    # round 21 follow-up (tests/rules/adversary_round21b.yaml, written after round 21's first run): 9 false clears of 28
    # round 21 second follow-up (tests/rules/adversary_round21c.yaml, written after 21b's run): 5 false clears of 20
    # Fixed in session 13 (lead): R21-29, R21b-16, R21c-18 (end_use_located_outside_macau_d5 against an end user or
    # consignee in Macau/D:5 is asked: O92); R21-36, R21b-12, R21b-14, R21c-17 (no_us_person_involved against a party
    # in the US keeps the § 744.6 question: E352); R21-56, R21-57, R21b-01..R21b-05, R21b-09 (Cyrillic read romanised
    # in the fact vocabulary: E349-E351); R21-75, R21-78, R21c-08 (registered Chinese names in the alias table
    # 2026-12-03.2; tests/screening/test_round21_screening.py); R21c-02 (CASIC Second Academy) and R21c-06
    # (Intellifusion) in Chinese likewise (alias table 2026-12-03.4)
    # round 22 (tests/rules/adversary_round22.yaml; tests/rules/adversary_round22_report.md): 11 false clears of 49 at
    # its first run (adv22 on main fed6264); fixed in session 13 (lead): R22-01, R22-02, R22-04, R22b-02 (a party the
    # order shows to be a U.S. person: rule 744.6.us_person_signals; E352-E354), R22-08, R22b-03 (a purchaser in
    # Macau/D:5 against the § 744.23 location fact: O94), R22-17, R22b-04..R22b-06 (DNR/LNR towns held since 2014-2015:
    # E355), R22-23, R22-24, R22-26, R22-27, R22b-09, R22b-10 (tariff codes of the CN, the EAEU's ТН ВЭД, 'H.S.',
    # 'commodity code', 'HS-Code'), R22-25, R22b-11, R22b-12 (luxury goods named in words;
    # tests/rules/test_part746_hts.py); R22-30 (laptops 'HTS 8471.30' to Moscow: Supp. No. 4 to Part 746's chapters 84
    # and 85 from 88 FR 33422, rule 746.hts_headings.supp4 from the case's own statement, asked: E356, E357)
    # round 22 follow-up (tests/rules/adversary_round22b.yaml, written after round 22's first run): 9 false clears of 13
    # round 23 (tests/rules/adversary_round23.yaml; tests/rules/adversary_round23_report.md): 21 false clears of 74 at
    # its first run (adv23 on main 58b50f6)
    # fixed in session 14 (fix23a): R23-01, R23-04, R23-08, R23-09, R23b-01, R23b-05, R23c-01..R23c-03 (§ 744.6: a
    # US state or territory in parentheses or as 'a <State> corporation / LLC', its postal code after a US legal form,
    # permanent residents and 'U.S./... citizen', branches in other languages: rule 744.6.us_person_signals;
    # E380-E389); R23-42, R23-43, R23-45, R23-49, R23b-16, R23c-08, R23c-09 (military and intelligence end users in
    # Cyrillic and Chinese, read in the name as written: rules 744.21.name_signals, 744.22.name_signals; E390-E401)
    # R23-11 to R23-14, R23-16, R23-18, R23-20 (tariff codes after TARIC, HSN, 海关编码, Zolltarifnummer, ТНВЭД joined,
    # code NC, GTİP; Chinese and German luxury words) fixed by fix23b (session 14): the tariff words of other
    # nomenclatures and languages, and a number shaped like an HTS code whatever word comes before it (a question);
    # codes read in the end use and knowledge statements too (R23-17); tests/rules/test_part746_hts.py
    # round 23 follow-up (tests/rules/adversary_round23b.yaml, written after round 23's first run): 10 false clears
    # of 21
    # R23b-06 to R23b-08 ('fracción arancelaria', NCM, GTIP) and R23b-10 (a brand: 'Rolex Datejust 41', rule
    # 746.hts_headings.supp5 brands) fixed by fix23b (session 14)
    # round 23 second follow-up (tests/rules/adversary_round23c.yaml, written after 23b's run): 9 false clears of 12
    # R23c-04 ('item 7113.19 per invoice': a number shaped like a code, no tariff word) and R23c-05 ('código SA')
    # fixed by fix23b (session 14)
    # round 24 (tests/rules/adversary_round24.yaml; tests/rules/adversary_round24_report.md): 26 false clears of 62 at
    # its first run (adv24 on main 30f2af4)
    # round 24 follow-up (tests/rules/adversary_round24b.yaml, written after round 24's first run): 13 false clears of
    # 17
    # round 24 second follow-up (tests/rules/adversary_round24c.yaml, written after 24b's run): 6 false clears of 11
    # round 25 (tests/rules/adversary_round25.yaml, adversary_round25b.yaml; adversary_round25_report.md): 25 false
    # clears of 79 at its first run (adv25 on main dfae44f), 19 of 29 in the follow-up written after it
    # round 26 (tests/rules/adversary_round26.yaml, 26b, 26c; tests/rules/adversary_round26_report.md): 1 false clear of
    # 64, regulatory logic only (licence exception paragraphs and value limits, FDP dates, de minimis, chart by date);
    # R26-03 (LVS for one shipment of a split order said in the description) fixed in session 15: 740.3.order_words
    # round 27 (tests/rules/adversary_round27.yaml, 27b, 27c): 1 false clear of 68 at its first run (adv27 on main
    # 2c0c785), 9 of 20 in the follow-up 27b and 4 of 6 in 27c, all of one cause (words of an end use that hit no
    # red flag or §§ 744.2-744.4 term were dropped without a question): all fixed in session 16 (fix27)
    # round 28 (tests/rules/adversary_round28.yaml, 28b; adversary_round28_report.md): 10 false clears of 115 at its
    # first run (adv28 on main 2c0c785), 20 of 41 in the follow-up written after it
    # (and 5 of 34 in the second follow-up 28c); every round-28 false clear fixed in session 16 (fix28a/b/c)
    # round 30 (tests/rules/adversary_round30.yaml; adversary_round30_report.md): 38 false clears of 54 at its first
    # run (adv30 on main 0ccc342): end uses, descriptions and party names in plain words (§§ 744.2-744.4, 744.9, 744.17,
    # 744.21-744.23, GP4/GP10) beside a civil word or a fact that does not account for them
    # fixed by fix30b (session 17): R30-38, R30-42..R30-45 (party names: a unit designator, the ministry's word order,
    # fleets; §§ 744.2-744.4 name signals), R30-46..R30-48, R30-50 (§ 744.23 end uses in words), R30-51, R30-52 (§§
    # 744.17, 744.9: weapons named), R30-53 (GP4 in words), R30-54 ('the Islamic Republic'); R30b-12, R30b-13 (§ 744.23)
    # round 30b (written after round 30's first run, before its own): 11 false clears of 15
    # round 31 (tests/rules/adversary_round31.yaml; adversary_round31_report.md): 22 false clears of 108 at its
    # first run (adv31 on main 0ccc342): a POSSIBLE below ~0.70 is dropped with no reason (13), or not read (9).
    # Fixed by fix31 (session 17; tests/screening/test_round31_screening.py): R31-01, R31-46 (the address run on
    # after the legal form), R31-03, R31b-01, R31b-05 (a document label), R31-04, R31b-02, R31b-03, R31b-06 (two
    # parties joined: d/b/a, for account of, on behalf of, JV with), R31-06 (a describing clause before the
    # address), R31-16 (OCR digits), R31-60 (Turkish abbreviations), R31-48, R31-62 (a Persian office after the
    # Arabic comma; انرژی energy)
    # Fixed by fix31s (session 18; tests/screening/test_round31s_screening.py): R31b-29 (a town after 'г.'), R31b-23
    # ('bureau de' a city in French), R31b-24 (an Arabic regional office; طيران X an airline), R31b-08 (an address
    # before the name), R31-51, R31c-15 (UAV, M.E. written out), R31c-05 (syllables joined that a term table read:
    # a POSSIBLE with the district after it, CANNOT_CLEAR as it accepts), R31-08 (Changjiang / Yangtze River),
    # R31-29 (Moskauer, Zentrum, Technologien), R31-25, R31c-13 (registered names in the alias table), R31-38
    # (Peterburgskaya; the listed name's own '(PEC)' before its legal form), R31b-17, R31b-20 (the city in French
    # set aside: 'Moscou'), R31-21 (a person's Wade-Giles syllables read in pinyin: a POSSIBLE, which the order's
    # `listings: []` no longer answers). Round 31's hard negative R31-73 (长江证券, Changjiang Securities) no longer
    # a 0.69 possible match of YMTC since the river's names are one term (Changjiang, Yangtze)
    # round 31b (tests/rules/adversary_round31b.yaml, written after round 31's first run): 19 false clears of 58
    # round 31c (tests/rules/adversary_round31c.yaml, no listings given, written after 31b's run): 3 false clears of 39
    # round 30b (written after round 30's first run, before its own): 11 false clears of 15
    # round 32 (adversary_round32.yaml; adversary_round32_report.md): 8 false clears of 24 at its first run;
    # R32-21, R32-23 fixed in session 17 (lead); R32-01, R32-03, R32-09, R32-10, R32-13, R32-14 (a civil word beside
    # a weapons end use in words no list held) fixed in session 18 (enduse): a civil word answers an end use only
    # when every other word of it is accounted for (docs/facts.md, "An end use no vocabulary reads")
    # round 33 (adversary_round33.yaml; adversary_round33_report.md, dates): 3 false clears of 117 at its first run;
    # R33-57 and R33-74 (Entity List rows dated by publication, listed days before) fixed in session 18 (lead): the
    # effective dates of 744.11.effective_dates and the 14-day publication lag
    # R33-83 (a Russian MoD unit named otherwise, given as listings []) fixed in session 19: listings [] no longer
    # answer the 'wherever located' question, not_military_end_user does (own scenarios E598, E599)
    # round 34 (adversary_round34.yaml; adversary_round34_report.md): 1 false clear of 62 at its first run
    # (adv34 on main 14bbb7e)
    # round 35 (adversary_round35.yaml; adversary_round35_report.md): 3 false clears of 67 at its first run
    # (adv35 on main 1428340): the LVS value limit read from item.value alone
    # R35-01, R35-03 (LVS with an invoice in EUR / GBP) and R35-06 (a framework call-off) fixed in session 19 (lead):
    # rule 740.3.currency and the folded order words (tests/rules/test_lvs_words.py)
    # round 35 follow-up (adversary_round35b.yaml, written after round 35's first run): 0 false clears of 4
    # round 36 (adversary_round36.yaml, 36b, 36c; adversary_round36_report.md): 8 false clears of 67 at its first run,
    # 4 more of 23 in the follow-up 36b (written after that run), 0 of 11 in 36c (adv36 on main ece7d0d)
    # all 12 fixed in session 19 (lead): the 'wherever located' unit words of the entries' own text (national police
    # and guard, intelligence, the ministry's offices), transliterated Russian, the occupied territories, the entry's
    # country as a nation word, the Belarus entry from 2022-03-02 (87 FR 13048); LVS: currencies by a figure, more
    # split-order words and 'N of M' (tests/rules/test_lvs_words.py, own scenarios E600-E605)
    # round 37 (adversary_round37.yaml, 37b; adversary_round37_report.md): 5 false clears of 78 at its first run, 8
    # more of 18 in the follow-up 37b (adv37 on main 0d55e89), all one kind: a military end user named in a country
    # § 744.21 does not cover, for §§ 744.17 (microprocessors, D:1) and 744.9 (camera cores, outside A:1). Fixed in
    # session 20 (lead): step proliferation.military_names asks the § 744.21(g) name question wherever either section
    # would apply, and the name words add a national police by its own name and armed services in Portuguese,
    # Indonesian and Malay (own scenarios E645-E652)
    # round 38 (adversary_round38.yaml, 38b; adversary_round38_report.md): 13 false clears of 69 at its first run, 9
    # more of 25 in the follow-up 38b (adv38 on main eb88038), all one kind: a military end user named in a language
    # or form the words did not hold (Uzbek, Kazakh, Turkmen, Azerbaijani, Georgian, Armenian, Mongolian Cyrillic, Thai
    # script, Vietnamese without marks, Arabic transliterated, 'Sûreté Nationale', 'Public Security Directorate',
    # 'Badan Intelijen Negara', state security services, militsiya). Fixed in session 20 (lead): the words of the
    # languages of the D:1 countries and of those outside A:1, and rule words in another script compared in NFKC
    # (Thai 'ตำรวจ' holds SARA AM: it was never found)
    # round 39 (adversary_round39.yaml, 39b, 39c; adversary_round39_report.md): 22 false clears of 73 at its first run,
    # 6 more of 21 in 39b, 0 of 5 in 39c (adv39 on main 7cb0440): military end users named in more languages (Serbian,
    # Albanian, Pashto, Nepali, Swahili, Hausa, Somali, Tagalog, Jawi; Sinhala, Tamil, Bengali, Amharic were already
    # asked as unread scripts), Russian units named in Ukrainian, ministries for the ENC government end-user question,
    # Supp. No. 2 HTS 7304.22/.23/.29. Fixed in session 20 (lead): the words; ENC asks also on a § 744.21(g) sign
    # (armed services and police are government end users; an unread script); the three HTS codes as secondary
    # entries of tools/part746_hts.yaml
    # round 39: SDN-listed names followed by a town no table holds ('Al-Shabaab, Jilib') were read whole, capped
    # POSSIBLE by the added word, and a POSSIBLE match is not reported on a date the loaded lists cannot answer for;
    # R39b-12, R39-39, R39-40 fixed in session 20 (helper sdntown: nameline.name_before_places); R39-38 (the Somali
    # spelling of the listed alias, x for h, only a 0.69 possible match) fixed in session 21 (lead): a possible match
    # of the name before the places counts (capped POSSIBLE), and on a date another list cannot answer for, a possible
    # match on a list that can is asked (PartyScreener.unruled)
    # round 41 (adversary_round41.yaml, 41b, 41c): 33 false clears at its first run (adv41 on main 024b69c); fixed in
    # session 21 (lead): DPL rows dated by a renewal are dated by their first Federal Register notice (Aeroflot, UTair,
    # Azur Air, Aviastar-TU, Ural: R41-85..R41-90, R41b-01..R41b-06; 'Station Office' is an office segment), an
    # undated entry's possible match on a later version counts (Minerven, Bayt al-Mal: R41-107, R41b-12, R41b-17),
    # names no vocabulary reads are asked in Cyrillic and Arabic letters too and in every comma segment, a title
    # setting aside only its own segment (R41-43, R41-49, R41-73, R41-06, R41b-19..R41b-39, R41c-11..R41c-19). Left:
    # round 42 (adversary_round42.yaml, 42b, 42c): 46 false clears at its first run (adv42 on main 42950e7); fixed in
    # session 21 (lead): services, units and defence makers named in English words the vocabulary reads (corps,
    # regiment, rangers, republican guard, special services group, frontier corps, defence industries, ordnance ...),
    # 兵器, 军医, Thai ทหาร / นายเรือ, Russian gospital / oboron, and ENC government agencies in English (revenue
    # authorities, election commissions, courts). Left -- the name is the knowledge (an acronym, a brand, a hospital's
    # own name), which the words cannot hold; the exporter's knowledge of the party decides (military_end_user):
    # R41-108, R41b-11 ('Jamiyat al-Qard al-Hasan, Haret Hreik, Beirut': the address reading set aside only 'Beirut')
    # fixed in session 21 (lead): the name a reading keeps is also read before its trailing places
    # round 40 (adversary_round40.yaml, 40b, 40c): 15 false clears at its first run (adv40 on main 0299f1f), all fixed
    # in session 21 (lead): parties given as on no list on dates the loaded lists describe later days -- the SDN's
    # Conviasa by its full name (R40c-05, R40b-05: near-certain, the SDN List gives no listing dates), 'Aerocargo del
    # Sur' spellings (R40-81, R40b-02 to R40b-04, R40c-07: weaker matches of a denial order of 2023-07-25, and one that
    # may have been renewed after the DPL version's date), Sovcomflot spellings (R40-83, R40b-11 to R40b-13) -- are
    # asked (PartyScreener._possible_on_the_day); chapter-90 HTS codes of Supp. No. 4 to Part 746 are asked whatever
    # ear99_not_listed_part_746 says (R40-71, R40b-14 to R40b-16; 746.hts_headings.supp4). R40-56 was the author's error
}
# A stricter answer than the case expects, and the law's: the case gives the party as on no list, and screening finds
# it near-certain on the SDN List, so the answer is PROHIBITED (session 6: a near-certain SDN / DPL listing the order's
# listings leave out decides on its own).
STRICTER_AND_RIGHT: dict[str, str] = {
    # session 22 (after round 44): a near-certain SDN match is preferred to an Entity List match of the same party as
    # the listing the order left out, so the SDN block decides (these were CANNOT_CLEAR "correct the order's listings",
    # which their cases accepted); a branch or representative office is the listed company itself
    "R25-10": "SDN 31455 POZITIV TEKNOLODZHIZ [NPWMD, RUSSIA-EO14024]: blocked (its Kazakh representative office)",
    "R25-11": "SDN 34981 PUBLIC JOINT STOCK COMPANY INTEGRAL: blocked (its Astana branch, in Belarusian)",
    "R28-16": "SDN 35936 JOINT STOCK COMPANY MIKRON [RUSSIA-EO14024]: blocked (its Kazakh branch)",
    "R28-30": "SDN 22543 PRIVATE MILITARY COMPANY 'WAGNER': blocked",
    "R28-31": "SDN 16911 JOINT STOCK COMPANY CONCERN KALASHNIKOV: blocked",
    "R28-32": "SDN 16865 JOINT STOCK COMPANY AEROSPACE DEFENSE CONCERN ALMAZ-ANTEY: blocked",
    "R28-35": "SDN 35996 OPEN JOINT STOCK COMPANY ILYUSHIN AVIATION COMPLEX: blocked",
    "R28b-25": "SDN 35996 ILYUSHIN AVIATION COMPLEX: blocked (its Tashkent office)",
    "R28c-28": "SDN 27964 NICARAGUAN NATIONAL POLICE: blocked",
    # session 22: an OFAC block decides even while another point is open (engine._prohibited_anyway); these were
    # CANNOT_CLEAR on their open question, which the cases accepted
    "R25-61": "SDN 34981 PUBLIC JOINT STOCK COMPANY INTEGRAL [BELARUS-EO14038]: blocked (the § 734.9(f) question moot)",
    "R28-72": "SDN 32275 STATE SECURITY COMMITTEE OF THE REPUBLIC OF BELARUS [BELARUS]: blocked",
    "R42b-07": "SDN 33951 RAPID ACTION BATTALION [GLOMAG]: blocked (its author's report: stricter and right)",
    "R12-08": "SDN 39178 BAIKAL ELECTRONICS JSC [RUSSIA-EO14024]: blocked, besides the Entity List (found since "
              "session 20 reads the name without its trailing town)",
    "E02": "SDN 12210 RECONNAISSANCE GENERAL BUREAU [DPRK] [DPRK2]: blocked (31 CFR part 510), besides § 744.22",
    "R8-39": "SDN 49272 (aka 'BIOPHARMIST MEDICAL PRODUCTS TRADE LIMITED COMPANY', alias file 2025-12-24): blocked, "
             "besides the Entity List listing the case gives (found near-certain since session 7's name-line reading)",
    # round 12: parties the case gives as on the Entity List only, which are also SDN-listed (the report withdraws the
    # expectation: PROHIBITED is right)
    "R12-11": "Tro.Ya is also SDN 48802 'TRO YA LLC' (report: withdrawn, PROHIBITED right)",
    "R12-15": "the party is also SDN 37717 (report: withdrawn, PROHIBITED right)",
    "R12-16": "also SDN 21332 'SPECIAL TECHNOLOGY CENTER' [CYBER2] (report: withdrawn, PROHIBITED right)",
    "R12-19": "also SDN 37782 (report: withdrawn, PROHIBITED right)",
    "R12-25": "owned 50 % or more by Tro.Ya, SDN 48802: OFAC's 50 % rule (report: withdrawn, PROHIBITED right)",
    # round 16: the case gives the party as on the Entity List only; it is also SDN 48069 'CYTROX HOLDINGS ZARTKORUEN
    # MUKODO RESZVENYTARSASAG' [CYBER2] (report: withdrawn, PROHIBITED right)
    "R16-100": "also SDN 48069 [CYBER2] (report: withdrawn, PROHIBITED right)",
    # round 12: found near-certain in Cyrillic since session 11's merges
    "R12-06": "the Yaroslavl Shipbuilding Factory is also SDN 26509 'YAROSLAVSKY SHIPBUILDING PLANT' "
              "[UKRAINE-EO13662]: blocked, besides the Entity List listing the case gives",
    # round 22: the case gives the party as on the Entity List only (report: withdrawn, PROHIBITED right)
    "R22-34": "保利科技有限公司 (Poly Technologies Inc., EL) is also SDN 49446 aka 'POLY TECHNOLOGIES INC' (alias and "
              "address files 2025-12-24, New Poly Building, Beijing): blocked",
    # session 18 (fix31s: Cyrillic ПАО «Микрон» with г. Зеленоград, 'Krokus Nano Elektroniks' read as respellings):
    # parties the cases screen are found near-certain on the SDN List as well
    "R12-09": "also SDN 35936 'JOINT STOCK COMPANY MIKRON' (aka 'PJSC MIKRON') [RUSSIA-EO14024]: blocked (31 CFR "
              "part 587), besides the Entity List",
    "R12-17": "also SDN 39164 'LIMITED LIABILITY COMPANY KROKUS NANOELEKTRONIKA' (aka 'CROCUS NANOELECTRONICS') "
              "[RUSSIA-EO14024]: blocked, besides the Entity List",
}
# An expectation its author withdrew in the round's report after reading the tool's reasons (the file is kept as
# written): the answer the report accepts instead.
WITHDRAWN: dict[str, tuple[str, str]] = {
    "R7-25": ("NO_LICENSE_REQUIRED", "round7.md: NLR with the § 744.15(b) UVL-statement obligation is the law (an "
                                     "NLR export to a UVL party needs the statement before shipping)"),
}
# A designation made after the newest list file the project holds (the SDN List of 2024-05-03), on an order of a later
# date: with the ages this harness accepts (AGES) no tool could find it. Asserted instead: with the default ages, the
# same order is not cleared -- the list is too old for the date and the answer says so (fail closed).
STALE_GAPS: dict[str, str] = {
    "R48-36": "Keremet Bank, designated 2024-06-12 (EO 14024), after the held SDN file of 2024-05-03",
    "R48-37": "Viv Ansanm, designated 2025-05-02 (FTO/SDGT), after the held SDN file of 2024-05-03",
}
# A clearing expectation that misses a provision the engine applies (the file is kept as written): the answer the law
# gives instead -- asserted, with the provision's words in the first reason (or the first basis).
LAW_STRICTER: dict[str, tuple[str, str, str]] = {
    "R25-34": ("CANNOT_CLEAR", "744.17", "the case reads § 744.21 only; Cambodia is in Country Group D:1, so § 744.17 "
                                         "reaches a 3A991.a item (possibly a 3A991.a.1 microprocessor) for the Royal "
                                         "Cambodian Armed Forces before 2021-12-09 too (session 20, round 37)"),
    "R39-54": ("LICENSE_REQUIRED", "row China", "the order is an export (route US -> CN), not a release in the United "
                                                "States: 3E001 (NS 1) sent to China needs a licence whoever receives "
                                                "it there (§ 734.13(a)(1)); the end user's US location adds no chart "
                                                "row (session 21: it stopped on 'no rule chart.US')"),
}
# session 21: two fail-closed changes and what they cost (see the MISMATCHES below)
_LATER_POSSIBLE = ("needless CANNOT_CLEAR since session 21: on a date the Entity List cannot answer for, a "
                   "possible match of an entry listed before the day on the later version is asked (as on a "
                   "current date)")
_UNREAD = ("needless CANNOT_CLEAR by design since session 21: an organisation's name with words no vocabulary reads "
           "and no legal form (the § 744.21(g) question, rule 744.21.name_signals unread_words)")
# Not a false clear, but not the expected outcome (needless CANNOT_CLEAR, over-block, wrong basis): owner and why.
LATER = ("needless CANNOT_CLEAR by default: the only Entity List version describes 2025-11-08, after the order date, "
         "and the order does not give the listing; on request (--historical-lists) the list is rebuilt for the date "
         "(test_historical_lists_on_request)")
# B08 promoted in session 6 (lead): a near-certain SDN / DPL listing the order's listings leave out decides PROHIBITED
# (PartyScreener._prohibited_on_screening), also when another list cannot answer for the order's date.
# Promoted in session 4 (rules): a near-certain listing that decides PROHIBITED / LICENSE_REQUIRED stands and a possible
# match beside it is a review item (`to_confirm`): R3-42, R3-45, R3-52 (a weak SDN HIT), R3-57, A07, D10, Z04, Z09;
# entry scopes limited to some uses or to EAR99 items are a question: R3-77;
# Entity List footnotes read from the entry's licence requirement: R3-28;
# CCL dating (tools/ccl_history.yaml): NN01, NN02, NN09, R3-111, R3-112; § 742.13 SL rows: X03;
# § 746.6 covered regions: R3-19; § 746.8 excludes deemed exports: R3-18; an open Part 746
# question beside an Entity List licence: T04; licence-exception questions moot under a bar on every exception: B03.
# Session 4's screening work (Chinese place syllables, 'Pvt Ltd', ministry initials, the alias table's KOMID and Megvii
# rows, blocking by a name's rare word) promoted R3-51 and R3-133; with the entry scopes read, U01 too.
MISMATCHES: dict[str, str] = {
    # round 51 (adversary_round51*.yaml, adversary_round51_report.md; session 23, coverage-driven): 9 false clears at
    # its first runs, all fixed the same session; what is left:
    "R51-07": "the author's error (report): 3A991.a.1 is the 5 GFLOPS / 32-bit paragraph, so the order contradicts "
              "itself and the § 744.17 licence is defensible",
    "R51-12": "needless CANNOT_CLEAR: 'fire control' / 'artillery' in the knowledge text asked though military_end_use "
              "is stated (the words are not read as accounted for by it there)",
    "R51-18": "needless CANNOT_CLEAR: 'ATR' (the aircraft maker) read as an unread acronym in the knowledge text",
    "R51-36": "over-block (LICENSE_REQUIRED): the § 744.3(a)(2) carve-out for the NATO nuclear-weapon States is not "
              "modelled (documented in coverage.md)",
    "R51-57": "needless CANNOT_CLEAR: the Supp. No. 3 to Part 740 list is not verified, so a Czech ministry is asked "
              "(documented: supp3_verified false)",
    "R51-61": "needless CANNOT_CLEAR: 'weapon' read inside 'no incorporation into weapons' (the negation is two words "
              "before)",
    "R51-68": "needless CANNOT_CLEAR since session 23: § 734.4(b)(1) asks every foreign encryption item with US "
              "content -- the content's ENC classification stated in the description is not read",
    "R51-71": "needless CANNOT_CLEAR: 'Ethio Telecom' has words no vocabulary reads (the § 744.21(g) unread-words "
              "sign, also asked for ENC); § 772.1 excludes telecoms, which a name does not tell",
    "R51b-11": "needless CANNOT_CLEAR: 'Eastlands Audit & Assurance LLP' has words no vocabulary reads (the "
               "unread-words sign, also asked for ENC) although 'LLP' is a legal form",
    "R50-115": "needless CANNOT_CLEAR since session 23 (was a wrong-entity PROHIBITED): 'Yahya Muhammad Al-Otaibi' "
               "~ SDN 26092 'AL-OTAIBI, Mohammad' is POSSIBLE 0.69 (person guard: own given name added) -- asked",
    # rounds 49 and 50 (adversary_round49*.yaml, adversary_round50*.yaml and their reports; session 23): 17 false
    # clears at their first runs, 16 fixed the same session (R50b-11 left: FALSE_CLEARS); the hard negatives asked or
    # blocked, and three wrong-entity PROHIBITED persons (R50-113, R50-115, R50b-22)
    "R49-01": "over-block (LICENSE_REQUIRED): 3A001.b.2 MMICs for civil base stations -- the CCL row's words for that "
              "end use are not read (NS1/RS1 applied)",
    "R49-03": "over-block (LICENSE_REQUIRED): as R49-01 (3A001.b.2 MMIC row words not read)",
    "R49-55": "over-block (LICENSE_REQUIRED): as R49-12 (the 9A610.x parts-for-9A610.b words of the row)",
    "R49-12": "over-block (LICENSE_REQUIRED): a 9A610.x part for a 9A610.b aircraft -- the row's exception for such "
              "parts is not read",
    "R49-61": "over-block (LICENSE_REQUIRED): a licence exception the engine does not offer (see the round's report: "
              "ACE/STA)",
    "R49-63": "over-block (LICENSE_REQUIRED): 5A002 to Russia -- an exception the report reads as available is not "
              "offered (§ 746.8 all-CCL basis)",
    "R49-64": "needless CANNOT_CLEAR: licence exception CCD (15 CFR 740.19: consumer communications devices (Cuba)) "
              "may authorise this order (the order says 'laptop'); Clearance does not e",
    "R49-65": "over-block (LICENSE_REQUIRED): Cuba § 746.2 -- the exception the report names (AVS / SCP / GOV) is not "
              "offered",
    "R49-33": "over-block (LICENSE_REQUIRED): the 2B001 NP exclusions (turning machines of 35 mm and less ...) are not"
              " read from the description",
    "R49-66": "needless CANNOT_CLEAR: licence exception TMP (15 CFR 740.9: temporary imports, exports, reexports, and "
              "transfers (in-country)) may authorise this order (the order says 'retu",
    "R49b-14": "over-block (LICENSE_REQUIRED): the 3A001 GBS scope ('> 18 GHz') is not read from the description",
    "R49-67": "needless CANNOT_CLEAR: party 'Minsk Air Cargo Services LLC, Minsk' is given as listed on no list, but "
              "screening finds possible matches on lists the order does not name (some",
    "R49-71": "over-block (LICENSE_REQUIRED): the 2022 § 746.8 carve-out for mass-market 5A992.c phones is not "
              "modelled",
    "R50-68": "PROHIBITED, right by its author's report: Stroytransgaz in Cyrillic is also SDN 16834 (the author "
              "expected the Entity List licence only)",
    "R50-80": "needless CANNOT_CLEAR: party 'Shanghai Huali Microelectronics Corporation': possible match with el "
              "entry el-f7650e91f8f5 'Shanghai Micro Electronics Equipment (Group) Co., L",
    "R50-81": "needless CANNOT_CLEAR: party \"Northwest University, Taibai North Road, Xi'an\": possible match with el "
              "entry el-03cb5a2d0704 'Northwestern Polytechnical University' (score 0.",
    "R50-82": "needless CANNOT_CLEAR: party 'Nanjing University, Gulou Campus, Nanjing': possible match with el entry "
              "el-4be82dd3f83d 'Nanjing University of Aeronautics and Astronautics' (",
    "R50-84": "needless CANNOT_CLEAR: party 'Shenzhen Intelligent Technology Co., Ltd.': possible match with el entry "
              "el-b049d194f87f \"Shenzhen Hua'antai Intelligent Technology Co., Ltd.\" ",
    "R50-88": "needless CANNOT_CLEAR: party 'Midea Group Co., Ltd., Beijiao, Foshan': possible match with el entry "
              "el-a20010f626d1 'Concern Radio-Electronic Technologies, Public Joint Stoc",
    "R50-90": "needless CANNOT_CLEAR: party '比亚迪股份有限公司，深圳' (BYD): possible match with el entry "
              "el-1e1c84ac616b 'Guowei Group (Shenzhen) Co., Ltd.' (score 0.61, el-1)",
    "R50-92": "needless CANNOT_CLEAR: party 'Tianjin Tianhai Information Technology Co., Ltd.': possible match with el"
              " entry el-690008fb9efe 'Xinjiang Lianhai Chuangzhi Information Technol",
    "R50-95": "needless CANNOT_CLEAR: party 'Shanghai Precision Electronics Equipment (Group) Co., Ltd.': possible "
              "match with el entry el-66548ae6185f 'China State Shipbuilding Corporation",
    "R50-106": "needless CANNOT_CLEAR: party 'مصرف الراجحي، الرياض': possible match with sdn entry 12932 'REAL ESTATE "
               "BANK' (score 0.69, sdn-2); review it (`clearance screen 'مصرف الراجحي، ",
    "R50-111": "needless CANNOT_CLEAR: the party name says it may be a military end user (744.21(g)): 'Dmitry "
               "Kotyakov, Samara' (words: words no vocabulary reads (Kotyakov)); § 744.21 would",
    "R50-116": "needless CANNOT_CLEAR: party 'Htoo Htet Aung, Mandalay': possible match with sdn entry 31939 'HTET, "
               "Kaung' (score 0.69, sdn-2); review it (`clearance screen 'Htoo Htet Aung,",
    "R50-117": "needless CANNOT_CLEAR: party 'Natalia Lappo, Grodno': possible match with sdn entry 33172 'LAPO, "
               "Anatol Piatrovich' (score 0.69, sdn-2); review it (`clearance screen 'Natali",
    "R49-77": "needless CANNOT_CLEAR: 746-SY: Part 746 as amended by 90 FR 42320 (2025-09-02) changed the Syria rules "
              "(e.g. License Exception SPP); the revised 746.9 is not modelled",
    "R49-81": "needless CANNOT_CLEAR: 746-SY: Part 746 as amended by 90 FR 42320 (2025-09-02) changed the Syria rules "
              "(e.g. License Exception SPP); the revised 746.9 is not modelled",
    "R49-91": "over-block (LICENSE_REQUIRED): LVS not offered for 0A505.x parts of $450 to Argentina (FC1 stays: cause"
              " to find)",
    "R49-93": "needless CANNOT_CLEAR: licence exception CCD (15 CFR 740.19: consumer communications devices (Cuba)) "
              "may authorise this order (the order says 'smartphone'); Clearance does n",
    "R49-94": "over-block (LICENSE_REQUIRED): Cuba § 746.2 -- the exception the report names is not offered",
    "R49-95": "over-block (LICENSE_REQUIRED): the covered-regions exception for free messaging software (§ 746.6) is "
              "not modelled",
    # rounds 47 and 48 (adversary_round47*.yaml, adversary_round48*.yaml and their reports; session 23): 0 false
    # clears left (13 at their first runs, fixed the same session; R48-36/37 are STALE_GAPS); these are the hard
    # negatives asked or blocked and the restrictive answers other than the expected one, with the first reason
    "R47-34": "needless CANNOT_CLEAR: the party name says it may be a military-intelligence end user (744.22(f)(2)): "
              "'General Department of Research and Intelligence (GDRI), Phnom Penh' (w",
    "R47-36": "needless CANNOT_CLEAR: the party name says it may be a military-intelligence end user (744.22(f)(2)): "
              "'Main Intelligence Directorate of the General Staff of the Armed Forces",
    "R47-38": "needless CANNOT_CLEAR: party 'Intelligence Bureau of the Joint Staff Department, Beijing' is given as "
              "listed on no list, but screening finds possible matches on lists the or",
    "R47-42": "needless CANNOT_CLEAR: the party name says it may be a military-intelligence end user (744.22(f)(2)): "
              "'Directorate General of Military Intelligence, Army Headquarters, New D",
    "R47-45": "needless CANNOT_CLEAR: MEU: the end use is stated in words ('nodes for the centre's new supercomputer "
              "(above 100 double-precision petaflops in 41,600 ft3)'); for this item ",
    "R47-52": "needless CANNOT_CLEAR: MEU: the end use is stated in words ('14 nm FinFET logic wafer production "
              "(advanced node)'); for this item and destination § 744.21 (15 CFR 744.21 as ",
    "R47-02": "needless CANNOT_CLEAR: stated knowledge maps to no fact the rules can apply: 'end use '28 nm planar "
              "logic wafer production' (no fact is read from it and it names no civil ",
    "R47-03": "needless CANNOT_CLEAR: missing fact: § 734.9(k) SME FDP rule (15 CFR 734.9(k) (eCFR 2026-07-23; added by"
              " 89 FR 96790): SME FDP rule) on 2026-08-20 is reached (destination CN",
    "R47-05": "needless CANNOT_CLEAR: stated knowledge maps to no fact the rules can apply: 'end use '14 nm FinFET "
              "logic wafer production (advanced node)' (red flags: finfet; words Clear",
    "R47-06": "needless CANNOT_CLEAR: stated knowledge maps to no fact the rules can apply: 'end use '14 nm FinFET "
              "logic wafer production (advanced node)' (red flags: finfet; words Clear",
    "R47-09": "needless CANNOT_CLEAR: stated knowledge maps to no fact the rules can apply: 'end use 'back-end wire "
              "bonding and packaging of finished dies (assembly, test and packaging on",
    "R47-12": "needless CANNOT_CLEAR: stated knowledge maps to no fact the rules can apply: 'end use 'guidance package"
              " for the PSLV space launch vehicle' (words Clearance does not read: ",
    "R47-13": "needless CANNOT_CLEAR: stated knowledge maps to no fact the rules can apply: 'end use 'diagnostics for "
              "the UK nuclear warhead stockpile stewardship programme' (words of 15",
    "R47-14": "needless CANNOT_CLEAR: party 'Intelligence Bureau of the Joint Staff Department, Central Military "
              "Commission, Beijing' is given as listed on no list, but screening finds pos",
    "R47-16": "needless CANNOT_CLEAR: missing fact: § 734.9(k) SME FDP rule (15 CFR 734.9(k) (eCFR 2026-07-23; added by"
              " 89 FR 96790): SME FDP rule) on 2026-08-20 is reached (destination CN",
    "R47-19": "needless CANNOT_CLEAR: 744.7: § 744.7(a): the item is to or for the use of a foreign vessel or aircraft:"
              " a licence is required unless NLR or a licence exception permits the ",
    "R47-20": "needless CANNOT_CLEAR: party 'Servicios Aeronauticos del Valle S.A. de C.V., Ciudad de Mexico' is given "
              "as listed on no list, but screening finds possible matches on lists t",
    "R47b-05": "needless CANNOT_CLEAR: stated knowledge maps to no fact the rules can apply: 'end use 'DRAM wafer "
               "production at 25 nm half-pitch (not advanced-node)' (no fact is read from",
    "R47b-06": "needless CANNOT_CLEAR: stated knowledge maps to no fact the rules can apply: 'end use '96-layer 3D "
               "NAND wafer production (not advanced-node)' (no fact is read from it and ",
    "R47b-21": "needless CANNOT_CLEAR: RS: whether 'RS applies to “software” controlled by 5D002.z.1.a, z.2.a, z.3.a, "
               "z.4.a, z.5.a, z.6.a, z.7.a, z.8.a, and z.9.a' covers 5D002 (give the EC",
    "R48-10": "needless CANNOT_CLEAR: party 'Shenyang Aircraft Corporation, Huanggu District, Shenyang' is given as "
              "listed on no list, but screening finds meu entry 0a0099b7b7f24cb095a7f61",
    "R48-11": "needless CANNOT_CLEAR: party 'Government Flying Service, Chek Lap Kok, Hong Kong' is given as listed on "
              "no list, but screening finds possible matches on lists the order does",
    "R48-44": "needless CANNOT_CLEAR: RS: whether 'RS applies to 5A992.z (88 FR 73458)' covers 5A992 (give the ECCN "
              "paragraph",
    "R48-45": "needless CANNOT_CLEAR: party 'China Railway Construction Corporation Limited (CRCC), Haidian, Beijing' "
              "is given as listed on no list, but screening finds possible matches on",
    "R48-48": "needless CANNOT_CLEAR: party 'Bank of Kunlun Co., Ltd., Daqing, Heilongjiang' is given as listed on no "
              "list, but screening finds possible matches on lists the order does not",
    "R48-50": "needless CANNOT_CLEAR: party 'Ningbo Jiahe Trading Co., Ltd., Ningbo' is given as listed on no list, but"
              " screening finds possible matches on lists the order does not name: s",
    "R48-51": "needless CANNOT_CLEAR: party 'Wah Cheong Tai Co., Hong Kong' is given as listed on no list, but "
              "screening finds possible matches on lists the order does not name: el:el-9b14",
    "R47-64": "needless CANNOT_CLEAR: party 'Aeroestructuras del Ebro S.L.': possible match with sdn entry 4715 "
              "'SHINING PATH' (score 0.54, sdn-2); review it (`clearance screen 'Aeroestruc",
    "R47-68": "needless CANNOT_CLEAR: § 744.6(c)(2): 3B001.c is not subject to the EAR, but a 'U.S. person' may not "
              "ship, transmit, transfer, facilitate or service (including install) it t",
    "R47-74": "needless CANNOT_CLEAR: party 'Tabriz Automation Engineering Co.' is given as listed on no list, but "
              "screening finds possible matches on lists the order does not name: sdn:15",
    "R47-79": "needless CANNOT_CLEAR: RS: whether 'RS applies to “technology” for commodities controlled by 5A992.z.1 "
              "or “software” controlled by 5D992.z.1' covers 5E992.b (a condition in ",
    "R47-80": "needless CANNOT_CLEAR: the destination is the United States: the EAR's Country Chart has no row for it; "
              "give the foreign destination (a shipment within the US is not an expo",
    "R47-84": "needless CANNOT_CLEAR: 746-IR: EAR99 item to Iran: 15 CFR 746.7 and OFAC's Iranian Transactions and "
              "Sanctions Regulations (31 CFR part 560) govern it; not modelled (ear-spec",
    "R48-88": "needless CANNOT_CLEAR: party 'Beijing Kunlun Tech Co., Ltd.' is given as listed on no list, but "
              "screening finds possible matches on lists the order does not name: sdn:27470 ",
    "R48-90": "needless CANNOT_CLEAR: party 'Shanghai Airport Authority, Pudong' is given as listed on no list, but "
              "screening finds possible matches on lists the order does not name: el:el",
    "R48-92": "needless CANNOT_CLEAR: party 'China Construction Bank Corporation, Beijing' is given as listed on no "
              "list, but screening finds possible matches on lists the order does not n",
    "R48-99": "needless CANNOT_CLEAR: party 'Wellbeing Pharmacy Co., Ltd., Taichung' is given as listed on no list, but"
              " screening finds possible matches on lists the order does not name: d",
    "R48-72": "needless CANNOT_CLEAR: party 'Alex Caby, Sofia' is given as listed on no list, but screening finds dpl "
              "entry dpl-27acc828a57b 'ALEX CABY' (score 0.99, dpl-1); correct the or",
    "R48-83": "needless CANNOT_CLEAR: party 'Mehmet Demir, Selçuklu, Konya' is given as listed on no list, but "
              "screening finds possible matches on lists the order does not name: sdn:44026 ",
    "R48b-12": "needless CANNOT_CLEAR: DPL: the denial order of 'ALEX CABY' expired on 2025-10-28 according to the "
               "loaded Denied Persons List: confirm it was not renewed or extended",
    "R48b-18": "CANNOT_CLEAR, the author expects PROHIBITED: party 'ПАО «Совкомфлот», Дубай': possible match with sdn "
               "entry 34741 'JOINT STOCK COMPANY SOVCOMFLOT' (score 0.69, sdn-2); review it (`clearance scree",
    "R48b-19": "needless CANNOT_CLEAR: party 'China Telecom Corporation Limited, Beijing': possible match with el entry"
               " el-a000d3f0fb02 'Suzhou Telecom Electric Plant Co., Ltd' (score 0.69",
    "R48b-15": "needless CANNOT_CLEAR: party 'China Mobile Limited, Hong Kong': possible match with el entry "
               "el-6aa5c7930938 'China Shengshi International Trade Ltd.' (score 0.57, el-1); re",
    "R48b-20": "needless CANNOT_CLEAR: party 'China Railway Construction Corporation Limited, Beijing': possible match "
               "with el entry el-9d44a4d38a9f 'China Communications Construction Compa",
    "R47-50": "over-block (LICENSE_REQUIRED): EAR99 conveyors for back-end packaging of '7nm chips' -- the § 744.23 "
              "back-end (assembly, test, packaging) exclusion is not read",
    "R47-82": "over-block (LICENSE_REQUIRED): published information (§ 734.7) is not modelled as outside the EAR; the "
              "paper goes to an Entity List party",
    "R47-83": "over-block (LICENSE_REQUIRED): fundamental research (§ 734.8) is not modelled as outside the EAR",
    "R47b-23": "over-block (LICENSE_REQUIRED): published / fundamental-research technology (§§ 734.7-734.8) is not "
               "modelled as outside the EAR",
    "R48b-14": "wrong-entity PROHIBITED: 'İsmail Demir (b. 14.07.1985, İzmir)' is a namesake of SDN 27018 (born 1960, "
               "Elazığ); a date of birth written in the name line is not compared with the entry's",
    # session 16 (fix27): an end use no vocabulary reads is an open question (issue 9 kind 7; docs/facts.md "An end
    # use no vocabulary reads"): these civil end uses name no word of clearance/resources/civil_activities.yml and
    # no end-use fact is stated -- needless CANNOT_CLEARs, the price of R27-16 / R27b-01..R27b-11 not clearing
    "R3-33": "CANNOT_CLEAR, not NOT_SUBJECT: the end use 'installation and start-up service by a US person' names no "
             "civil activity and states no end-use fact (end_use_checked would answer it)",
    "R27-29": "CANNOT_CLEAR, not NO_LICENSE_REQUIRED: 'incorporation into a foreign-made commodity classified under "
              "ECCN 0A919' names no civil activity and states no end-use fact",
    "L04": "CANNOT_CLEAR: 'Aeroflot Russian Airlines' is found (alias table, HIT 0.99) but the loaded DPL (2023-11-30) "
           "says the denial order of 'PJSC AEROFLOT' expired on 2024-09-25, before the order's date: whether it was "
           "renewed is to confirm (data: a newer DPL would decide it)",
    "B09": LATER, "B10": LATER, "R04": LATER, "R07": LATER,
    "N11": "CANNOT_CLEAR, not GBS: MT applies to 3A002.h only 'when the parameters in 3A101.a.2.b are met'; since "
           "session 5 that condition is a question (facts ccl_condition_met / ccl_condition_not_met, "
           "tools/ccl_conditions.yaml) and the order states neither: the expectation assumes they are not met "
           "(rules: kept as xfail, the law turns on the item's parameters)",
    # U02 promoted in session 5 (rules): an entry's carve-out of goods by name or HS code that the description names
    # is a question (licensing.entry_scope_question)
    # round 3 (tests/rules/adversary_round3.yaml)
    # round 4 (tests/rules/adversary_round4.yaml)
    # R4-08 promoted in session 5 (rules): the .z rows dated (one RS row for all of .z from 2023-11-17, 88 FR 73458;
    # split by 90 FR 4544 from 2025-01-13; own scenarios E132-E137); R4-22 promoted: the § 744.17(a) processor
    # parameters are the fact microprocessor_744_17, read from a description (E138-E140)
    # round 5 (tests/rules/adversary_round5.yaml); fixed before the copy: R5-19, R5-24, R5-25, R5-71 (rules)
    "R5-54": "needless CANNOT_CLEAR: the Yuen Long furniture shop is at the listed address of the Entity List ADDRESS "
             "entry 'Address 16' (a 0.95 HIT since session 6's address reading, screen6); its scope 'For items on the "
             "CCL and EAR99 items listed in supplement no. 7 to part 746' is asked about, not read against the EAR99 "
             "furniture (rules: the Supp. No. 7 to Part 746 list is not held)",
    # R5-75 ('Daesang Corporation, Seoul' / 'Daesung International Trading': a brand spelt alike, the other words
    # different) and R5-33 ('US security research firm' / 'BAO AN CORPORATION' read as "security co": two
    # descriptions) promoted in session 7 (screen7: clearance-name@3 caps both below POSSIBLE)
    # R5-93 promoted after merging main (eea5194): a fact stated as a code explains the red flags of the same text
    # round 8 (tests/rules/adversary_round8.yaml): the over-blocks and needless CANNOT_CLEARs of its first run
    # R8-27, R8-28 (civil contexts) fixed by words8 (session 7); R8-03, R8-14, R8-48 fixed by rules8 (session 7):
    # LVS destination conditions, conditions in words answered by ccl_condition_not_met.
    # R8-15 and R8-35 are over-blocks by choice: the facts exist now (tsr_written_assurance,
    # us_person_recipient) but a fact that clears an order is never read from free text
    "R8-15": "over-block: TSR is offered with the fact tsr_written_assurance, which the case states only in words "
             "(a clearing fact is never read from free text)",
    "R8-35": "over-block: a release to a U.S. person is not a deemed export with the fact us_person_recipient, which "
             "the case states only in words (a clearing fact is never read from free text)",
    # round 9
    "R9-40": "over-block: a release to a naturalised US citizen is not an export with the fact us_person_recipient, "
             "which the case states only in words (a clearing fact is never read from free text)",
    # R9-43 promoted in session 8: an owner's possible match on the Denied Persons List is not a possible SDN owner
    # (OwnerInfo.undecided_on: OFAC's 50 % rule counts owners undecided on the SDN List only)
    # round 10
    # R10-02 ('Changwon', a city, read as a name) and R10-60 ('interior' weighed as a brand) fixed by screen10
    # (session 8): tests/screening/test_issue9_screening.py
    "R10-27": "needless CANNOT_CLEAR: Syria after 90 FR 42315 (2025-09-02): the revised § 746.9 is not modelled "
              "(docs/coverage.md); EAR99 to an unlisted Syrian company is asked about",
    "R10-59": "withdrawn by its author (report): the case says transaction 'reexport' for a shipment from the United "
              "States; with 'export' the answer is NO_LICENSE_REQUIRED",
    "R10-61": "withdrawn by its author (report): transaction 'reexport' for a shipment from the United States (with "
              "'export' it was still CANNOT_CLEAR: 'made in Dongguan' was read as a possible destination; since "
              "session 8 a place of the item's origin written as where it was made is not, places_named)",
    # round 11
    # R11-02 and R11-60 (the regulation's word 'Note' read as a name) fixed in session 8 (lead). R11-41 passed on its
    # outcome (NO_LICENSE_REQUIRED) on a wrong basis: UVL 'Abu Trade LLC' written with its Dubai address was not
    # found (the name left without the address was not distinctive enough to be read), so the § 744.15(b) UVL
    # statement obligation was not given; fixed by screen11 (session 9): test_the_basis_of_round_12_and_11_cases
    # round 12
    # R12-18 ('OOO Alyans EG' a 0.99 HIT of SDN 'OOO ALYANS': 'EG' read as a German cooperative's legal form) and
    # R12-40 (Gree Electric in Chinese a 0.69 possible match of unrelated entries) fixed by screen11 (session 9):
    # tests/screening/test_issue9_screening.py
    "R12-36": "withdrawn by its author (report): § 744.21(a)(2) covers any item for a Russian military end user; the "
              "tool's LICENSE_REQUIRED is right",
    # R13-43 (China Yangtze Power in Chinese, an over-block) fixed in session 9 (lead): 股份 read as a legal form
    "R13-45": "needless CANNOT_CLEAR: Midea Group in Chinese (美的集团股份有限公司), an over-block (HIT on Xiamen "
              "Meiya Pico) before 股份 was read as a legal form, is now a 0.69 possible match on 'Mei Xin Electronic' "
              "(screening)",
    "R14-02": "needless CANNOT_CLEAR: § 744.21 rule data starts on 2020-06-29; before it every order fails closed "
              "(rules: date the earlier text)",
    # R14-08, R14-10, R14-12, R14-14, R14-39 (Nicaragua and Burma in Country Group B before their moves) fixed in
    # session 10 (rules15): groups.NI B until 2024-03-14 (89 FR 18780), groups.MM B until 2021-03-07 (86 FR 13173),
    # LVS/GBS/TSR suspended for Burma from 2021-02-17 (86 FR 10011); own scenarios G10-G15
    # R14-27 ('uninterruptible' read: clearance/resources/trade_words.txt) and R14-32 (a transfer (in-country) of a
    # US-origin item is not charted: General Prohibition One covers exports and reexports, G30) fixed in session 10
    # R14-36 (TMP) and R14-38 (CCD) fixed in session 10 (rules15): a licence exception not evaluated that the order
    # points to is an open question naming it (rule 740.not_evaluated, clearance/rules/le_unevaluated.py; G20-G23)
    # R15-15 and R15-56 (the 9E003 SI row asked for Canada) fixed in session 11 (lead): the generator reads "See
    # § 742.14" as § 742.14(a) states it, all destinations except Canada (G02, G04, G05)
    "R15b-03": "LICENSE_EXCEPTION (STA available, its § 740.20(d) conditions listed) where the case expects "
               "LICENSE_REQUIRED and accepts STA if its conditions are met; the harness counts any clearing answer "
               "against a non-clearing expectation (the AUKUS-dated row gives the NS 1 basis since session 10)",
    "R15b-04": "as R15b-03: RS 1 to Australia before 89 FR 28594, STA available with its conditions listed",
    "R15-50": "withdrawn by its author (report): Cambodia entered § 744.22 only on 2021-12-09 (86 FR 70015), not with "
              "the section on 2021-03-16; the tool's NO_LICENSE_REQUIRED is right (R15b-06, R15b-07 check the day)",
    # round 17 (tests/rules/adversary_round17.yaml): the over-block and needless CANNOT_CLEARs of its first run
    "R17-04": "needless CANNOT_CLEAR: 'supercomputer' in the end use, which says the supercomputer is in Hsinchu, "
              "Taiwan, is read as the fact supercomputer (Macau/D:5) and then asks where it is located; § 744.23(a)(1) "
              "needs Macau or D:5 and the order says neither (rules: the place named in the end use is not read -- "
              "words never clear; since session 12 the fact end_use_located_outside_macau_d5 answers it: O84-O87)",
    "R17-12": "needless CANNOT_CLEAR: '5 nm' in an end use that says the chip is produced in Taiwan is read as "
              "advanced_node_ic_production and the location is asked; § 744.23(a)(2)(iii) needs production in "
              "Macau/D:5 (rules, as R17-04)",
    "R17-35": "needless CANNOT_CLEAR: a supercomputer in Nicosia (Cyprus, outside D:5 in the 2026 Country Groups) is "
              "asked about as R17-04 (rules)",
    "R17-08": "over-block: § 744.23(a)(5) back-end exclusion -- 'production' in (a)(2) does not apply to assembly, "
              "test or packaging that does not alter the technology level; the end use says so in words, but '7 nm' is"
              " read as advanced_node_ic_production and EAR99 trays for an OSAT get a § 744.23(a)(2)(i) licence "
              "(rules: no fact or reading for (a)(5))",
    "R7-31": "needless CANNOT_CLEAR: the § 744.7 foreign-aircraft question for a Chinese civil airline's A320 check; "
             "defensible (the order does not say where the aircraft is registered), as the reviewer notes",
    "R5-108": "needless CANNOT_CLEAR: 'motor controllers for household washing machines' (3A991, China): the end use "
              "in words adds the § 744.21 question (part744.end_use_words, lead)",
    # round 16 (tests/rules/adversary_round16.yaml)
    # round 18 (tests/rules/adversary_round18.yaml): hard negatives not cleared at its first run (main 6c8c782)
    "R18-83": "needless CANNOT_CLEAR: University of Science and Technology Beijing (北京科技大学) is a 0.69 possible "
               "match on EL 'University of Science and Technology of China' (the wrong-entity 0.94 HIT on BUAA's "
               "'Beihang University', 'beijing' read as a typo of 'beihang', fixed in session 15) (screening)",
    "R18-84": "needless CANNOT_CLEAR: Tianjin University of Commerce (天津商业大学) is a 0.69 possible match on EL "
              "'Tianjin University' (商业 'commerce' not read, the distinct word) (screening)",
    # R18-87 (南京师范大学 a 0.69 possible match on EL '4Paradigm Technology Co., Ltd' through its name in characters
    # 第四范式) fixed by screen22 (session 13): brands in characters sharing no two syllables in a row differ
    "R18-95": "over-block: 'Gennady Timoshenko, Helsinki' is a 0.97 HIT on SDN 16666 'TIMCHENKO, Gennady Nikolayevich' "
              "(timoshenko~timchenko read as a typo, 0.80) and answered PROHIBITED (screening: a surname with an extra "
              "syllable is another surname)",
    "R18-96": "needless CANNOT_CLEAR: 'Peter Avery, London' is a 0.69 possible match on EL person 'Graham Avery' "
              "(London): the given names differ (defensible review item) (screening)",
    # R18-106 fixed in session 21 (noise41, issue 10): one-word world cities weigh as places (Astana, Almaty)
    "R18-110": "needless CANNOT_CLEAR: 'Orion Corporation, Espoo' is a 0.52 possible match on SDN vessel 'ORION STAR' "
               "(only 'orion' agrees) (screening)",
    # R16-111 (UVL Sunway Technology Electronics in Sheung Shui a 0.99 HIT on SDN 'SUNWAY TECH CO., LTD' of Beijing)
    # fixed by screen18: a place set aside after the name that none of an entry's addresses names caps its HIT
    # round 19 (tests/rules/adversary_round19.yaml, adversary_round19b.yaml): no false clear of 57 at its first run
    # (main 6c8c782); the over-blocks and needless CANNOT_CLEARs (tests/rules/adversary_round19_report.md)
    "R19-06": "over-block: the 1A002 LVS clause 'N/A for composite structures or laminates ... made from materials "
              "controlled by 1C010.c or 1C010.d' is read as barring LVS for every 1A002.a; a laminate of 1C010.b "
              "fibres, $900, to Singapore (Group B) is LVS-eligible (rules: read the material condition)",
    # R19-10 (the 5A001 STA line's two clauses joined, barring .h to A:5) fixed in session 12 (lead): the regular
    # several-clause wording is kept as clauses (740.sta.5A001 'clauses'; sta_conditions.yaml STA-09 to STA-11)
    # R19-20 (TSR 'Yes, except 2E003.b, .e and .f' not read) fixed in session 12 (lead): the TSR line of each ECCN is
    # generated as 740.tsr.<ECCN> (tools/gen_le_scopes.py) and read by paragraph (E332-E335)
    "R19-22": "over-block (screening): 'Mr. Zhang Wei (PRC national, ...)' is a 0.99 HIT on SDN 23647 'WEI, Zhao' "
              "[TCO] and answered PROHIBITED: another surname (Zhang, not Zhao); with another name the answer is ENC "
              "(§ 740.17(a)(2)), as the case expects (screening)",
    "R19-24": "over-block: GOV § 740.11(b)(2)(i) for the US Embassy's own official use is never offered "
              "(docs/coverage.md: GOV's own terms not checked) (rules)",
    "R19-28": "needless CANNOT_CLEAR: the footnote-4 listing is given, yet the party 'cannot be screened' (Entity "
              "List of 2025-11-08 after the order's 2025-03-03); underneath an over-block: redated to 2025-12-01 the "
              "answer is LICENSE_REQUIRED 'EL-FDP-fn4' for a direct product of 2E991 technology, outside § "
              "734.9(e)(2)'s Categories 3, 4 and 5 (rules)",
    "R19-31": "over-block and wrong basis: the Russia FDP rule is applied to a Japanese-made item exported from Japan"
              " (the Supp. No. 3 to Part 746 partner-country exclusion is not modelled) and cited as § 746.8(a)(1) "
              "'every item on the CCL' rather than (a)(2) (rules)",
    "R19-35": "needless CANNOT_CLEAR: the lists describe later days than the order; redated, the name signal asks the"
              " § 744.22 question for the Colombian army's intelligence directorate, which § 744.22(a) cannot reach: "
              "outside the named countries (f)(2) 'is an exhaustive listing' (rules: the name signal by country)",
    "R19b-04": "stricter, arguable: a Malaysian-made item with no US content or US technology, sold by a Malaysian "
               "company, to a party also on the SDN List [RUSSIA-EO14024] is PROHIBITED 'whatever the item'; the item"
               " is not subject to the EAR and the order has no US person whom OFAC's blocking binds (policy: an SDN "
               "party is never cleared)",
    # round 20 (tests/rules/adversary_round20.yaml, adversary_round20b.yaml): over-blocks and needless CANNOT_CLEARs of
    # their first runs (tests/rules/adversary_round20_report.md)
    "R20-08": "needless CANNOT_CLEAR, defensible: a Korean-made 3B001.c tool with 0 % US content, stated no direct "
              "product, shipped by its Korean maker to China, is asked the § 734.9(k) contained-IC question (the "
              "order does not say whether it contains an IC made by a plant that is a direct product) (rules)",
    "R20-17": "wrong basis, not a false clear: a Malaysian-made 3A090.a card (direct product of US 3E001) to a "
              "Singapore company stated not headquartered in Macau/D:5 is NO_LICENSE_REQUIRED (treated as subject) "
              "where § 734.9(h)'s destination scope does not reach Singapore (NOT_SUBJECT) (rules: (h) scope beyond "
              "Macau/D:1/D:4/D:5)",
    "R20-23": LATER + " (R20-23: Huawei on 2019-05-15, the day before its listing)",
    "R20-32": "needless CANNOT_CLEAR (was an over-block): EAR99 'technical data' for a 3GPP standards contribution "
              "to Huawei (standards_development stated) on 2020-06-18, the day 85 FR 36719 excluded such releases of "
              "technology: the order does not state the item's kind (EAR99 has no product group), so since session "
              "12 the carve-out's kind is asked (O90) instead of a licence for a commodity; kind technology clears "
              "(O89) (rules: words never clear)",
    "R20b-17": "needless CANNOT_CLEAR: as R20-32 on 2020-09-01 (rules)",
    "R20-55": "needless CANNOT_CLEAR: Zoomlion (中联重科股份有限公司) a 0.55 possible match on EL 'Loongson "
              "Technology' (screening)",
    "R20-57": "needless CANNOT_CLEAR: Fudan University (复旦大学) a 0.69 possible match on EL 'Shanghai Fudan "
              "Microelectronics Co., Ltd.' and UVL 'Sun Yat-Sen University' (screening: the university is another "
              "entity than the company)",
    "R20-58": "needless CANNOT_CLEAR: Zhejiang University (浙江大学) 0.69 possible matches on EL BUAA ('Beihang "
              "University'), 'Zhejiang Uniview', 'Tianjin University, Zhejiang Research Institute', SDN 'ZHEJIANG "
              "WONDER IMP. AND EXP.', UVL 'Sun Yat-Sen University' (a name in Latin letters may translate what the "
              "characters read as a place: R18-16); the match on 四川大学 was fixed by screen22 (screening)",
    "R20-60": "needless CANNOT_CLEAR: China Eastern Airlines (中国东方航空股份有限公司) 0.69 possible matches on SDN "
              "vessel 'DONG FENG 6', EL 'NetPosa', 'Fang Yu' (screening)",
    # R20-72, R20b-09, R20b-11 (Chinese persons matched on the surname or one syllable of the given name) fixed by
    # screen21 (session 12): the given name must agree (clearance/screening/chinese3.py)
    "R20b-10": "needless CANNOT_CLEAR (was PROHIBITED on SDN 'LI, Yi', fixed by screen21): 李一鸣 (Li Yiming) is "
               "still a 0.69 possible match on the a.k.a. 'LUI, Wai Ming' of SDN 'PAK, Bong Nam' (ming exact, li~lui "
               "by sound) and 0.57 on SDN aircraft 'EP-MNG' (ming~mng by consonants) (screening)",
    "R20b-16": "needless CANNOT_CLEAR: a Japanese-made item (not subject) shipped by its Japanese maker to a Chinese "
               "military-intelligence end user is asked the § 744.6 U.S.-person question although the order names no "
               "U.S. person (rules: § 744.6 not modelled, asked whatever the exporter's country; since session 12 "
               "the fact no_us_person_involved answers it: E342-E344)",
    # round 21 (tests/rules/adversary_round21.yaml): the withdrawn case, over-blocks and needless CANNOT_CLEARs of its
    # first run (tests/rules/adversary_round21_report.md)
    "R21-37": "withdrawn by its author (report): 30 % US 3A991 content needs no licence to China on the Country Chart, "
              "so it is not controlled content (Supp. No. 2 to Part 734; Part 744 is not counted): the item is not "
              "subject and NOT_SUBJECT with the § 744.6 fact answered is right",
    # fixed in session 14 (screen23; tests/screening/test_hard_negatives_names.py): R21-95, R21-98, R21-103,
    # R21-106..R21-109, R21-112, R21b-24, R21b-25, R21b-27, R21b-28, R21c-11, R21c-13, and with them R12-40, R18-85,
    # R20-56, R20-59 (a person's names agreeing on one part at most, each with its own; a Chinese name in characters
    # with no word of the Latin name its surname; a brand in characters the Latin name does not share)
    # R21-114 kept: 'Kama' is the brand both names share (another company of the brand, or the same: a person reviews)
    "R21-104": "needless CANNOT_CLEAR (since session 14): 陈静（杭州） is read without its city in parentheses "
               "(nameline.han_office_reading, adversarial round 24) and 陈静 alone is a 0.59 possible match on SDN "
               "'CHEN, Eric' -- the surname agreeing against an English given name is a review by design (screen22; "
               "as R21b-23) (screening)",
    "R21-114": "needless CANNOT_CLEAR: 'Kama Tyres Trading LLC, Kazan' a 0.69 possible match on SDN 'LIMITED LIABILITY "
               "COMPANY KAMA KOMMERCIAL' (screening)",
    # round 21 follow-up (tests/rules/adversary_round21b.yaml): hard negatives not cleared
    "R21b-23": "needless CANNOT_CLEAR: 王建华, 武汉 (Wang Jianhua) a 0.69 possible match on EL 'Wayne Weipeng' (a.k.a. "
               "'Wang Wayne': the surname agrees and the English given name is no reading of the characters, kept a "
               "review since session 13: whether 王建华 goes by 'Wayne' a person reviews) (screening)",
    # round 21 second follow-up (tests/rules/adversary_round21c.yaml): Chinese universities not cleared
    # round 24 (tests/rules/adversary_round24.yaml): over-blocks of hard negatives at its first run
    # R24-40 fixed in session 21 (noise41, issue 10): 'controles' is the trade term 'control' (name_terms.yml)
    # round 25: case errors, over-blocks and needless CANNOT_CLEARs of its first runs (adversary_round25_report.md)
    "R25b-27": "CANNOT_CLEAR, not NLR with the § 744.15(b) statement: the order gives listings [] while the UVL "
                "version of the day has 'Conduit Technologies Pvt., Ltd.' at 0.99: a contradiction the order must "
                "correct (session 15; before, the UVL match was lost and the answer was NLR without the statement)",
    "R25-65": "needless CANNOT_CLEAR: owners of a 49.9 % aggregate 'cannot be screened' on 2025-10-20 (EL version "
              "later than the date; owners' listings not given), as the LATER kind",
    # round 26: over-blocks and needless CANNOT_CLEARs of hard negatives (adversary_round26_report.md)
    "R26-11": "needless CANNOT_CLEAR: GBS for 4A003.g is established since session 17 (fix29), but the CC1 row 'CC "
              "applies to digital computers for computerized finger-print equipment' is asked of 4A003.g (rules)",
    "R26-20": "needless CANNOT_CLEAR: ENC (b)(2) to the German Federal Police asked as a government end user 'outside "
              "Supplement No. 3 to Part 740' although Germany is in Supp. No. 3 (740.17.government)",
    # R26b-04 (3B001.e GBS 'only if connected to ...'): asked since session 17 (fix29), CANNOT_CLEAR is acceptable
    "R28-90": "over-block: 'Planar Oy, Espoo' (Finland) a 0.98 EL match on 'OOO Planar' (Izhevsk) (screening)",
    "R28-96": "over-block: the surname 'Lugansky' (Berlin) asked as the LNR (746-REGION)",
    "R28-105": "over-block: 'Distribuidora La Armada S.A., Managua' asked as a military end user (744.21 words)",
    "R28-114": 'over-block: insulin described in Russian to Russia asked (not-English description rule, by design)',
    "R28-115": 'needless CANNOT_CLEAR: ENC (b)(2) to the Dutch Ministry of Defence asked although NL is in Supp. No. 3',

    # round 27: over-blocks and needless CANNOT_CLEARs of hard negatives (adversary_round27_report.md)
    "R27-60": "over-block: a German-made direct product shipped from Germany to Russia gets 746-RU: the Supp. No. 3 "
              "to Part 746 partner-country exclusion is not applied (rules; as R19's)",
    "R27-68": "needless CANNOT_CLEAR by design: a civil knowledge statement ('for the customer's accounting office') "
              "maps to no fact (docs/facts.md: unmapped knowledge is asked)",
    "R27b-20": "needless CANNOT_CLEAR: 3A991 to China for a civil airport baggage system: any end use in words "
               "asks the § 744.21 question (rules)",
    # round 29 (tests/rules/adversary_round29.yaml, 29b, 29c; adversary_round29_report.md): no false clear; the
    # over-blocks of hard negatives at their first runs (adv29 on main 0ccc342)
    # fixed in session 17 (fix29: CCL row except-lists, GBS segments and provisos, STA inner except): R29-10,
    # R29b-21, R29-32, R29-37, R29-45
    "R29-74": "over-block by design: § 734.7 published information is never asked (docs/coverage.md: § 734.3(b) fails "
              "closed); NS1 licence for journal-published 2E003 technology",
    "R29-75": "over-block by design: TSU § 740.13(c) bug-fix software update never offered (docs/coverage.md)",
    "R29c-10": "needless CANNOT_CLEAR: 'no Country Chart row' for Bermuda, a UK dependent territory (§ 738.3(b): the "
               "UK row; Cayman Islands is read so)",
    "R29c-12": "needless CANNOT_CLEAR: 'no Country Chart row' for Puerto Rico, which is in the United States "
               "(§ 772.1): not an export",
    "R29c-13": "needless CANNOT_CLEAR: 'no Country Chart row' for Guam, which is in the United States (§ 772.1)",
    # round 30: hard negatives not cleared at its first run (adversary_round30_report.md): words read without sense
    # (R30-93 'far below supercomputer scale' and R30-94 'cleanroom' fixed by fix30b, session 17)
    "R30-81": "over-block: CANNOT_CLEAR for 'office chairs for the Mexican Navy's headquarters' (law: NLR)",
    # round 30b: civil end uses the civil list does not name
    # round 31: hard negatives not cleared at its first run (adversary_round31_report.md); R31-101 (a compound
    # given name, 'Mohammad Ali', against 'REZAEI, Mohammad') fixed by fix31 (session 17)
    "R31-78": "needless CANNOT_CLEAR: made-up 'Tianjin Feima Xinxi Jishu 有限公司' a 0.90 match on EL "
              "Phytium (Feiteng) (screening)",
    # round 31b: a hard negative not cleared
    "R31b-54": "needless CANNOT_CLEAR, wrong entity: 'Xibei Daxue' (Northwest University) a 0.99 HIT "
               "on EL Northwestern Polytechnical University (Xibei Gongye Daxue) (screening)",
    # round 31c: hard negatives not cleared
    "R31c-21": "needless CANNOT_CLEAR: Changan Automobile in Chinese a 0.69 possible match on SDN "
               "'CHANG AN SHIPPING & TECHNOLOGY' (screening)",
    "R31c-22": "needless CANNOT_CLEAR: 北京服装学院 (Beijing Institute of Fashion Technology) a 0.69 "
               "possible match on EL 'Beijing Graphene Institute' (screening)",
    "R31c-34": "over-block, wrong entity: made-up 'Palco Group Ltd.' LICENSE_REQUIRED on EL 'Patco "
               "Group Ltd.' (0.97 HIT, one letter off: a review at most) (screening)",
    # round 30b: civil end uses the civil list does not name
    # round 32 (adversary_round32_report.md): hard negatives not cleared at its first run
    "R32-41": "needless CANNOT_CLEAR: 'rocket stoves' for village cooking (no civil word known)",
    "R32-42": "needless CANNOT_CLEAR: bakery's 'bombe glacee' read as § 744.4 'bomb'; moulds/glacee unknown",
    "R32-43": "needless CANNOT_CLEAR: 5A992 laptops, RS row wording of 5A992.z not held (not the end use)",
    "R32-44": "needless CANNOT_CLEAR: red flag 'uranium' in a museum's antique uranium glass",
    "R32-45": "needless CANNOT_CLEAR: red flag 'centrifuge' in honey extractor centrifuges",
    "R32-46": "needless CANNOT_CLEAR: red flag 'reactor' in a UV reactor for drinking water",
    "R32-47": "needless CANNOT_CLEAR: § 744.2 word 'deuterium' in deuterium lamps of spectrophotometers",
    "R32-48": "needless CANNOT_CLEAR: a poison control centre's hotline (no civil word known)",
    "R32-49": "needless CANNOT_CLEAR: § 744.4 'stockpile' of masks for a hospital's pandemic reserve",
    "R32-50": "needless CANNOT_CLEAR: § 744.4 'warfare' in board games about trench warfare",
    "R32-51": "needless CANNOT_CLEAR: § 744.4 'bombs' in wildflower seed bombs",
    "R32-52": "needless CANNOT_CLEAR: red flag 'drone' in bagpipe drone reeds",
    "R32-55": "needless CANNOT_CLEAR: blankets for the Salvation Army's shelters (no civil word known)",
    "R32-56": "needless CANNOT_CLEAR: red flag 'armoured' in steel-wire armoured power cable",
    "R32-57": "needless CANNOT_CLEAR: red flag 'artillery' in artillery fungus on mulch",
    "R32-58": "needless CANNOT_CLEAR: name signal 'army' in 'Army-Green Outdoor Apparel' (a colour)",
    "R32-59": "needless CANNOT_CLEAR: § 744.2 'fission' in fission yeast cultures",
    "R32-60": "needless CANNOT_CLEAR: § 744.2 'implosion' in implosion-resistant desiccator glass",
    "R32-61": "needless CANNOT_CLEAR: § 744.3 'propellant' in butane hair-spray propellant",
    "R32-62": "needless CANNOT_CLEAR: § 744.3 'loitering' in shops' anti-loitering devices",
    "R32-63": "needless CANNOT_CLEAR: § 744.3 'kamikaze' in kamikaze cocktails",
    # session 18 (lead): a party given with listings whose possible matches the order does not rule out is asked
    # (`ruled_out`, docs/determination.md): these hard negatives' noise possible matches are now questions
    "R23b-21": "needless CANNOT_CLEAR: given listings [] with a possible match not ruled out (sdn:23776 XIN GUANG "
               "HAI, 0.69)",
    "R23c-12": "needless CANNOT_CLEAR: given listings [] with a possible match not ruled out (sdn:23777 HUAXIN "
               "SHIPPING HONGKONG LTD, 0.64)",
    "R24-57": "needless CANNOT_CLEAR: given listings [] with a possible match not ruled out (uvl:fdb555d37b6b... "
              "Xiang Cheng Gao Trading (HK) Ltd, 0.69)",
    "R28-82": "needless CANNOT_CLEAR: given listings [] with a possible match not ruled out "
              "(el:el-9f1e4d959600-091439 Huawei do Brasil Telecomunicacoes Ltda, 0.69)",
    "R28-91": "needless CANNOT_CLEAR: given listings [] with a possible match not ruled out (sdn:22325 KOREA ZINC "
              "INDUSTRIAL GROUP, 0.69)",
    "R28c-31": "needless CANNOT_CLEAR: given listings [] with a possible match not ruled out (sdn:22503 TAATTA, AO, "
               "0.69)",
    "R28c-32": "needless CANNOT_CLEAR: given listings [] with a possible match not ruled out (sdn:25783 ISLAMIC "
               "REPUBLIC OF IRAN - CHINA SHIPPING LINES, 0.59)",
    "R31-69": "needless CANNOT_CLEAR: given listings [] with a possible match not ruled out (el:el-9bf467373627 "
              "Shenzhen Xinlikang Supply Chain Management Co., Limited, 0.6)",
    "R31-72": "needless CANNOT_CLEAR: given listings [] with a possible match not ruled out (el:el-82ef592a33d7 "
              "Yangtze Memory Technologies Co., Ltd., 0.69)",
    "R31-74": "needless CANNOT_CLEAR: given listings [] with a possible match not ruled out (el:el-30a9e57e30f6 "
              "Sugon, 0.69)",
    "R31-80": "needless CANNOT_CLEAR: given listings [] with a possible match not ruled out "
              "(el:el-790029031c10-300f28 Cho-Man Wong, 0.69)",
    "R31-82": "needless CANNOT_CLEAR: given listings [] with a possible match not ruled out (uvl:629945bdb3a2... "
              "Fortune International Trading, 0.69)",
    "R31-84": "needless CANNOT_CLEAR: given listings [] with a possible match not ruled out (sdn:22986 HANA BANKING "
              "CORPORATION LTD, 0.69)",
    "R31-100": "needless CANNOT_CLEAR: given listings [] with a possible match not ruled out (sdn:42317 BUSHRA "
               "BACHIR SHIPPING AND LOGISTICS SERVICES L.L.C., 0.69)",
    "R31-104": "needless CANNOT_CLEAR: given listings [] with a possible match not ruled out (el:el-b8047af1f74c Ag "
               "Yildiz Insaat Gayrimenkul Tasimacilik Pazarlama lthalat Ihracat ve Ticaret Ltd. Sirketi, 0.69)",
    "R31b-40": "needless CANNOT_CLEAR: given listings [] with a possible match not ruled out (sdn:41189 STAR "
               "SAPPHIRE GROUP PTE. LTD., 0.69)",
    "R31b-42": "needless CANNOT_CLEAR: given listings [] with a possible match not ruled out (el:el-2b3c822b2fca Lim "
               "Yong Nam, 0.69)",
    "R33-13": "LICENSE_REQUIRED for a cyber-vulnerability disclosure to Huawei on 2020-08-14 (TGL ended 2020-08-13, "
              "footnote 2 effective 2020-08-17): the case's NLR is doubtful (report: the tool is likely right)",
    "R33-27": "needless CANNOT_CLEAR by design: Hikvision given as [entity_list] on 2022-09-09, the entry's terms on "
              "that day are not held (DPL/EL versions later than the date; --historical-lists rebuilds them, then "
              "the unlisted exporter screened on rebuilt lists cannot clear). The standards authorisation of 87 FR "
              "55241 for every Entity List party is modelled since session 19 (test_standards_all_parties.py)",
    # R33-28, R33-30 (Hong Kong on 2020-12-22, EAR99 and AT-only) fixed in session 19: chart.HK holds what is
    # certain of Hong Kong's own row (own scenarios O201-O204)
    "R33-70": "needless CANNOT_CLEAR: MIPT the day before its listing, a wrong-entity 0.97 match on EL VNIITF "
              "(listed 1997) contradicts the order's listings [] (screening)",
    "R33-78": "case error (report): Huawei Technologies Dusseldorf GmbH was already listed by 84 FR 22963 (Munich "
              "R&D row), so 2020-08-16 is no day before; CANNOT_CLEAR is on the safe side",
    "R33-85": "needless CANNOT_CLEAR: Sugon given as [entity_list] on 2022-10-06 'cannot be screened' (list "
              "versions later than the date), where the order's word would give NOT_SUBJECT",
    # session 18 (lead): an Entity List row dated within 14 days after the order date, for a party given as listings [],
    # is asked (the list dates rows by Federal Register publication; a rule may take effect days before it, R33-57):
    # the day before a listing whose effective date 744.11.effective_dates does not hold is now a question
    "R33-47": "needless CANNOT_CLEAR: Sugon the day before its listing, within the 14-day publication lag",
    "R33-49": "needless CANNOT_CLEAR: Hikvision the day before its listing, within the 14-day publication lag",
    "R33-51": "needless CANNOT_CLEAR: HIT (Harbin) the day before its listing, within the 14-day publication lag",
    "R33-53": "needless CANNOT_CLEAR: SMIC the day before its listing, within the 14-day publication lag",
    "R33-56": "needless CANNOT_CLEAR: CSSC 750th the day before its listing, within the 14-day publication lag",
    "R33-58": "needless CANNOT_CLEAR: YMTC the day before its listing, within the 14-day publication lag",
    "R33-61": "needless CANNOT_CLEAR: Biren the day before its listing, within the 14-day publication lag",
    "R33-67": "needless CANNOT_CLEAR: Inspur the day before its listing, within the 14-day publication lag",
    # session 18 (enduse): a civil word answers an end use only when every other word of it is accounted for
    # (docs/facts.md, "An end use no vocabulary reads"; bench/end_use_flips.py): the hard negatives whose civil
    # end uses name a word outside that vocabulary -- needless CANNOT_CLEARs, the price of R32-01..R32-14 closing
    # (4 of the calibration part, rounds 1-26, on words kept out on purpose: test, trial, flight; 29 held out; R6-79,
    # asked on 'testing', accepts CANNOT_CLEAR)
    "R8-09": "needless CANNOT_CLEAR: beside the civil word, 'trials' outside the neutral vocabulary (enduse)",
    "R9-09": "needless CANNOT_CLEAR: beside the civil word, 'test', 'turbofans' outside the neutral vocabulary "
             "(enduse)",
    "R10-29": "needless CANNOT_CLEAR: beside the civil word, 'test' outside the neutral vocabulary (enduse)",
    "R10-50": "needless CANNOT_CLEAR: beside the civil word, 'flight' outside the neutral vocabulary (enduse)",
    "R27-54": "needless CANNOT_CLEAR: beside the civil word, 'builds', 'wafer' outside the neutral vocabulary (enduse)",
    "R27b-16": "needless CANNOT_CLEAR: beside the civil word, 'chlorination' outside the neutral vocabulary (enduse)",
    "R27b-17": "needless CANNOT_CLEAR: beside the civil word, 'spectrometry', 'measuring', 'oxygen', 'hydrogen' "
               "outside the neutral vocabulary (enduse)",
    "R27b-18": "needless CANNOT_CLEAR: beside the civil word, 'influenza', 'fermentation' outside the neutral "
               "vocabulary (enduse)",
    "R27b-19": "needless CANNOT_CLEAR: beside the civil word, 'crews', 'mil', 'std', 'test' outside the neutral "
               "vocabulary (enduse)",
    "R30-56": "needless CANNOT_CLEAR: beside the civil word, 'menu' outside the neutral vocabulary (enduse)",
    "R30-57": "needless CANNOT_CLEAR: beside the civil word, 'branch', 'windows', 'zone' outside the neutral "
              "vocabulary (enduse)",
    "R30-58": "needless CANNOT_CLEAR: beside the civil word, 'attorney' outside the neutral vocabulary (enduse)",
    "R30-59": "needless CANNOT_CLEAR: beside the civil word, 'staff' outside the neutral vocabulary (enduse)",
    "R30-62": "needless CANNOT_CLEAR: beside the civil word, 'craft' outside the neutral vocabulary (enduse)",
    "R30-66": "needless CANNOT_CLEAR: beside the civil word, 'charges', 'copper' outside the neutral vocabulary "
              "(enduse)",
    "R30-67": "needless CANNOT_CLEAR: beside the civil word, 'testing' outside the neutral vocabulary (enduse)",
    "R30-69": "needless CANNOT_CLEAR: beside the civil word, 'yard' outside the neutral vocabulary (enduse)",
    "R30-72": "needless CANNOT_CLEAR: beside the civil word, 'spray', 'entering' outside the neutral vocabulary "
              "(enduse)",
    "R30-73": "needless CANNOT_CLEAR: beside the civil word, 'spraying', 'drainage', 'canals' outside the neutral "
              "vocabulary (enduse)",
    "R30-76": "needless CANNOT_CLEAR: beside the civil word, 'testing' outside the neutral vocabulary (enduse)",
    "R30-78": "needless CANNOT_CLEAR: beside the civil word, 'chemical' outside the neutral vocabulary (enduse)",
    "R30-79": "needless CANNOT_CLEAR: beside the civil word, 'riverfront' outside the neutral vocabulary (enduse)",
    "R30-83": "needless CANNOT_CLEAR: beside the civil word, 'soybean' outside the neutral vocabulary (enduse)",
    "R30-84": "needless CANNOT_CLEAR: beside the civil word, 'forensic', 'science' outside the neutral vocabulary "
              "(enduse)",
    "R30-85": "needless CANNOT_CLEAR: beside the civil word, 'children', 'club', 'monterrey' outside the neutral "
              "vocabulary (enduse)",
    "R30-87": "needless CANNOT_CLEAR: beside the civil word, 'clinical' outside the neutral vocabulary (enduse)",
    "R30-88": "needless CANNOT_CLEAR: beside the civil word, 'spray', 'crowd' outside the neutral vocabulary (enduse)",
    "R30-91": "needless CANNOT_CLEAR: beside the civil word, 'national', 'celebration' outside the neutral vocabulary "
              "(enduse)",
    "R30-94": "needless CANNOT_CLEAR: beside the civil word, 'fab', 'nm', 'older' outside the neutral vocabulary "
              "(enduse)",
    "R30b-18": "needless CANNOT_CLEAR: beside the civil word, 'symphony' outside the neutral vocabulary (enduse)",
    "R30b-24": "needless CANNOT_CLEAR: beside the civil word, 'flowers' outside the neutral vocabulary (enduse)",
    "R30b-25": "needless CANNOT_CLEAR: beside the civil word, 'readers' outside the neutral vocabulary (enduse)",
    "R32-53": "needless CANNOT_CLEAR: beside the civil word, 'luggage' outside the neutral vocabulary (enduse)",
    # round 34 (adversary_round34.yaml): 19 hard negatives of 29 not cleared at its first run (adv34 on main 14bbb7e)
    "R34-15": "needless CANNOT_CLEAR: beside the civil word, 'old', 'town' outside the neutral vocabulary (enduse)",
    "R34-17": "needless CANNOT_CLEAR: beside the civil word, 'science' outside the neutral vocabulary (enduse)",
    "R34-18": "needless CANNOT_CLEAR: beside the civil word, 'shed' outside the neutral vocabulary (enduse)",
    "R34-19": "needless CANNOT_CLEAR: beside the civil word, 'main' outside the neutral vocabulary (enduse)",
    "R34-22": "needless CANNOT_CLEAR: beside the civil word, 'near' outside the neutral vocabulary (enduse)",
    "R34-24": "needless CANNOT_CLEAR: beside the civil word, 'town', 'near' outside the neutral vocabulary (enduse)",
    "R34-25": "needless CANNOT_CLEAR: beside the civil word, 'town' outside the neutral vocabulary (enduse)",
    "R34-30": "needless CANNOT_CLEAR: beside a coal mine, 'tunnels' outside the neutral vocabulary (enduse)",
    "R34-34": "needless CANNOT_CLEAR: beside the civil word, 'housekeeping' outside the neutral vocabulary (enduse)",
    "R34-27": "needless CANNOT_CLEAR: snow making for a ski resort, no civil activity known (enduse)",
    "R34-28": "needless CANNOT_CLEAR: a winery's bottling line, no civil activity known (enduse)",
    "R34-29": "needless CANNOT_CLEAR: fishing boats of a co-op, no civil activity known (enduse)",
    "R34-33": "needless CANNOT_CLEAR: 9A991.d for an airline's planes at the airport (CN) asks military_end_use",
    "R34-49": "needless CANNOT_CLEAR: Yildiz Holding, its noise match ruled out, asked on another (el-c982a1f39bc4)",
    "R34-52": "needless CANNOT_CLEAR: Harbin Normal University given [] draws 5 other universities POSSIBLE",
    "R34-61": "needless CANNOT_CLEAR: BAAI the day before 90 FR 14046 took effect: its row is dated 2025-03-25, the "
              "effective date (published 2025-03-28), read as a publication date within 14 days",
    # round 35 (adversary_round35.yaml; adversary_round35_report.md): mismatches at its first run (adv35 on main
    # 1428340)
    "R35-11": "over-block: 5B001 GBS 'Yes, except N/A for 5B001.a (for 5A001.j)' is read as barring all of 5B001.a; "
              "a 5B001.a test set for 5A001.b.3 radios to Brazil is GBS-eligible (rules: the parenthesis limits the "
              "exclusion)",
    "R35-15": "needless CANNOT_CLEAR: ENC for an item stated as § 740.17(b)(3) to the Royal Thai Police is asked as a "
              "(b)(2) government-end-user question; (b)(3) items have no government end-user limit outside E:1/E:2 "
              "(rules; the case's law is of medium confidence)",
    "R35-25": "needless CANNOT_CLEAR: EAR99 cleanroom garments for a '28 nm mature-node' fab: 'wafer fab' asks the § "
              "744.23(a)(2)(ii) unknown-node question, which reaches only Category 3 B-E items and an unknown node",
    "R35-26": "needless CANNOT_CLEAR: a 3B991 robot for a fab stated to make only 28 nm and larger is asked the § "
              "744.23(a)(2)(ii) unknown-node question and the § 744.21 question of an end use in words",
    "R35-27": "needless CANNOT_CLEAR: on 2022-10-06 (before § 744.23) a 3B991 robot for a Shanghai 7 nm logic line is "
              "asked the § 744.21 question of an end use in words (a civil production line the vocabulary does not "
              "read) (enduse)",
    "R35-63": "withdrawn by its author (report): 'ТОО «Октябрь»' is the whole name of SDN 47966 'LIMITED LIABILITY "
              "COMPANY OKTYABR' (Odintsovo), which the case did not check; a review (CANNOT_CLEAR) is fair",
    # round 36 (adversary_round36.yaml, 36b, 36c; adversary_round36_report.md): mismatches at the first runs (adv36 on
    # main ece7d0d)
    "R36-16": "needless CANNOT_CLEAR: 'Trade Representation of the Russian Federation in the Republic of Kazakhstan, "
              "Almaty' (a civilian trade mission) asked as a place: 746-NAMED-RU",
    "R36-19": "needless CANNOT_CLEAR: 'Division of Russian and East European Studies, University of Helsinki' read as "
              "an operating unit of the Russian MoD ('division')",
    "R36-21": "needless CANNOT_CLEAR: 'Kastus Kalinouski Regiment (Belarusian volunteer unit of the Armed Forces of "
              "Ukraine), Kyiv' read as a unit of the Belarusian MoD and as a place in Belarus",
    "R36-30": LATER + " (R36-30: Huawei Device (Hong Kong) screened on 2019-05-15; given [] it clears: R36b-14)",
    "R36-36": LATER + " (R36-36: iFlytek screened on 2022-09-09; decided on 2026-03-02: R36c-01)",
    "R36-37": LATER + " (R36-37: Dahua screened on 2023-04-03; decided on 2026-03-02: R36c-03)",
    "R36-44": LATER + " (R36-44: Sugon screened on 2023-04-03; decided on 2026-03-02: R36c-04)",
    # R36-57 ('CAD drawings'), R36-58 ('Euro pallet'), R36-60 (payment instalments) fixed in session 19: a currency
    # word counts only by a figure, a payment's instalments are no split shipment
    "R36-67": "needless CANNOT_CLEAR: GBS parts for 4A003.g computer interconnect equipment asked whether CC 1 "
              "'digital computers for computerized finger-print equipment' covers them (a condition in words; "
              "ccl_condition_not_met would answer it)",
    "R36b-02": "needless CANNOT_CLEAR by design: iFlytek given [entity_list_fn4] on 2022-09-09, the entry's terms on "
               "that day are not held (as R33-27); decided on 2026-03-02 (R36c-01)",
    "R36b-03": "needless CANNOT_CLEAR by design: Dahua given [entity_list_fn4] on 2023-04-03 (as R33-27; R36c-03)",
    "R36b-10": "needless CANNOT_CLEAR by design: Sugon given [entity_list_fn4] on 2023-04-03 (as R33-27; R36c-04)",
    "R36b-15": "needless CANNOT_CLEAR by design: Hikvision given [entity_list] on 2024-08-01 (as R33-27; R36c-02)",
    # round 37 (adversary_round37.yaml, 37b; adversary_round37_report.md): mismatches at the first run (adv37 on main
    # 0d55e89)
    "R37-23": "wrong basis, both clearing: Turkish 2B991 lathes made with US 2D991 software to Russia on 2022-04-07 "
              "come out NO_LICENSE_REQUIRED; the case reads them as not subject (the Russia FDP rule reached "
              "Categories 0-2 only from 2022-04-08, 87 FR 22130; medium confidence) (rules)",
    # R37-42 (Sudan in 2021) fixed in session 21 (lead): 86 FR 4929 (effective 2021-01-14) dated in groups.SD and
    # chart.SD; GBS and TSR not available for Sudan from that day (E663-E668)
    # R37-47 fixed in session 21 (noise41, issue 10): one-word world cities weigh as places (Beirut)
    # round 38 (adversary_round38.yaml, 38b; adversary_round38_report.md): mismatches at the first run (adv38 on main
    # eb88038)
    "R38-44": "over-block: 'Military Commercial Joint Stock Bank (MB Bank)' (a commercial bank) asked for § 744.17 "
              "(rules)",
    # R38-47 fixed in session 21 (noise41, issue 10): nations3 (as R37b-17)
    # R38-48 fixed in session 21 (noise41, issue 10): nations3: the party's country against the entry's
    # R38-69 fixed in session 21 (noise41, issue 10): 'mobile' is a trade term (name_terms.yml)
    # R38b-19 fixed in session 21 (noise41, issue 10): nations3: the entry's nation word 'Russian' against the
    # party's country
    # R38b-21 fixed in session 21 (noise41, issue 10): nations3 (as R37b-17)
    # R38b-25 fixed in session 21 (noise41, issue 10): 'mobile' is a trade term (name_terms.yml)
    # round 39 (adversary_round39.yaml, 39b, 39c; adversary_round39_report.md): mismatches at the first run (adv39 on
    # main 7cb0440), and the cost of reading no name in a script the words do not read (session 20)
    "R39-21": "needless CANNOT_CLEAR by design: the Sri Lanka Ports Authority written in Sinhala, a script the "
              "§ 744.21(g) words do not read, is asked for § 744.9 camera cores (fail closed on an unread name)",
    "R39-34": "needless CANNOT_CLEAR by design: Grameenphone written in Bengali (a script the § 744.21(g) words do not "
              "read) is asked the ENC government end-user question",
    "R39-45": "needless CANNOT_CLEAR: the end use 'factory automation of textile looms' has a word outside the civil "
              "vocabulary (looms) (enduse)",
    "R39-67": "needless CANNOT_CLEAR: 'automotive radar' reads as the red-flag word radar (enduse)",
    "R39b-17": "needless CANNOT_CLEAR by design: the Commercial Bank of Ethiopia written in Amharic (Ethiopic, a "
               "script the words do not read) is asked the ENC government end-user question",
    "R39b-18": "needless CANNOT_CLEAR: 'Vojvođanska banka a.d., Novi Sad' is a 0.53 possible match on SDN 'NAFTNA "
               "INDUSTRIJA SRBIJE AD NOVI SAD' (legal form and city) (screening)",
    # session 21: a possible match of a name read before trailing places counts (capped POSSIBLE), and on a date
    # another list cannot answer for, a possible match on a list that can is asked (R39-38); these hard negatives'
    # possible matches, which the same names draw on a current date, now reach the answer (screening noise, issue 10)
    # R18-101 fixed in session 21 (noise41, issue 10): a skeleton of three sounds in Arabic or Hebrew letters must
    # agree in its consonants as written (sphr / hezbollah)
    "R25-72": "needless CANNOT_CLEAR: a Korean foundation's name is a 0.51 possible match on SDN 'HIENG, Hing Bun' on "
              "the SDN List of the day (screening)",
    # R37-60 fixed in session 21 (noise41, issue 10): a listed person's epithet ('the Egyptian') is no match of a
    # name reading as an organisation's
    # R37-71 fixed in session 21 (noise41, issue 10): 'controles' is the trade term 'control' (name_terms.yml)
    # R37b-17 fixed in session 21 (noise41, issue 10): nations3: another nation's body agreeing only on a state's
    # body words is capped below POSSIBLE
    # R37b-18 fixed in session 21 (noise41, issue 10): nations3 (as R37b-17)
    # session 21 (lead): the price of two fail-closed changes that fixed round 40's false clears (R40-81, R40b-02 to
    # R40b-05, R40c-05, R40c-07: DPL and SDN parties on dates the later lists were read for near-certain matches only)
    # and the unread-names class of rounds 37-39 -- hard negatives now asked (screening noise, issue 10; or the name)
    "R5-25": _LATER_POSSIBLE + ": 'OOO Volga Avtomatika Servis' ~ EL 'Volga Group' 0.69",
    "R11-22": _LATER_POSSIBLE + ": 'OOO Volga Promavtomatika' ~ EL 'Volga Group' 0.69",
    "R26-39": _LATER_POSSIBLE + ": 'OOO Volga Logistika' ~ EL 'Volga Group' 0.69",
    "R33-35": _LATER_POSSIBLE + ": 'Volga Regional Telecom LLC' ~ EL 'Volga Group' 0.69",
    "R33-43": _LATER_POSSIBLE + ": 'Volga Regional Telecom LLC' ~ EL 'Volga Group' 0.69",
    "R33-20": _LATER_POSSIBLE + ": 'Dongguan Bright Star Electronics' ~ EL 'Centre Bright Electronics Company "
              "Limited' 0.69",
    # N15, R33-114, R37-01: no longer possible matches since noise41's weights (cities, nations: forms version 11)
    # round 41 (adversary_round41.yaml, 41b, 41c; adversary_round41_report.md): mismatches after session 21's fixes
    "R5-28": _LATER_POSSIBLE + ": 'OOO Ural Pribor Snab' (an undated SDN entry's possible match counts too)",
    "R20-19": _LATER_POSSIBLE + ": 'OOO Uralskaya Logistika' (an undated SDN entry's possible match counts too)",
    "R37-36": _LATER_POSSIBLE + ": 'Tabriz Greenhouse Climate Controls Co.' (an undated SDN entry's possible match)",
    "R41b-07": "needless CANNOT_CLEAR: 'PJSC Aeroflot' days before its denial order's first notice, within the "
               "publication lag (the notice's effective date is not held)",
    "R41-64": _UNREAD + ": a Mongolian power utility whose legal form ХК is not read",
    "R41-94": "needless CANNOT_CLEAR since session 22 (was an over-block, PROHIBITED): a fixed-term denial order that "
              "ended before the order date but after the DPL version's date may have been renewed since: asked",
    "R41-95": "needless CANNOT_CLEAR: as R41-94 (Koto Commercio Iberica, ended 2025-06-06)",
    "R41-113": "needless CANNOT_CLEAR by the order: ukraine_outside_covered_regions not stated (R41b-50 with it)",
    "R41-115": "needless CANNOT_CLEAR by the order: ukraine_outside_covered_regions not stated (R41b-51 with it)",
    "R41c-13": "needless CANNOT_CLEAR by the order: ukraine_outside_covered_regions not stated",
    # round 42 (adversary_round42_report.md): mismatches after session 21's fixes
    "R42-67": _LATER_POSSIBLE + ": Nikolay Goltsev the day before his denial order (documented cost)",
    "R42-69": "needless CANNOT_CLEAR: Gonzalez-Granados in 2020, a later DPL row dated within the publication lag "
              "(documented cost)",
    "R42-87": "needless CANNOT_CLEAR: Pobeda before its first denial order, within the publication lag",
    "R42-88": "needless CANNOT_CLEAR: Sberbank in 2021 asked the Part 746 EAR99 question (rules)",
    "R42-70": "needless CANNOT_CLEAR: as R41-94 (Petrom GmbH, ended 2025-06-06, DPL of 2023-11-30)",
    "R42-72": "needless CANNOT_CLEAR: as R41-94 (Globe Trade, ended 2024-03-02)",
    "R42-73": "needless CANNOT_CLEAR: as R41-94 (Mohammad Hakim Hashemi, ended 2023-12-16)",
    "R42b-31": "stricter and right by its author (report): АО «Военторг» is SDN-listed; PROHIBITED is right",
    "R42-26": _UNREAD + ": 'Kopi Kenangan' (a coffee chain)",
    "R42c-17": _UNREAD + ": 'Kenya Power, Stima Plaza' (a utility)",
    "R42-83": "needless CANNOT_CLEAR: 'Coast Guard Beach Resort Inc.' reads the service words 'coast guard' (rules)",
    "R42-43": "needless CANNOT_CLEAR: 'Military Commercial Joint Stock Bank (MB Bank)' (as R38-44)",
    "R42c-16": _LATER_POSSIBLE + ": '郑州大学' ~ SDN 'ZHENG, Fujing' (an undated entry's possible match)",
    # since the name a reading keeps is also read before its trailing places (session 21, R41-108): what the name
    # alone draws POSSIBLE stays POSSIBLE with a district and a town after it
    "R25b-29": "needless CANNOT_CLEAR: 'The Salvation Army' before 'Territorial Headquarters, Caracas' is a possible "
               "match read without them (screening)",
    "R31-105": "needless CANNOT_CLEAR: 'Murat Kaya' before 'Kadıköy, İstanbul' is a possible match of a listed "
               "person read without them (screening)",
    "R38-56": "needless CANNOT_CLEAR: 'Industrial Bank of Korea' before 'Euljiro, Seoul' is a possible match read "
              "without them (screening)",
    "R40-59": "needless CANNOT_CLEAR since forms version 11 (session 21, noise41: a city weighs as a place): "
              "'Bengaluru Microsystems Pvt. Ltd.' is a 0.69 possible match on EL 'Si2 Microsystems Private Limited' "
              "(one shared word left) (screening)",
    "R34-60": _LATER_POSSIBLE + ": 'Huawei Cloud France' ~ EL 'Huawei France' 0.69 (a review is fair)",
    "R39-42": _LATER_POSSIBLE + ": 'Haqqani Textile Mills (Pvt.) Ltd.' ~ EL 'People's Steel Mills' 0.56",
    "R40-24": _LATER_POSSIBLE + ": 'OOO Sibirskaya Avtomatika' ~ EL 'Gazprom Neft' 0.69 (through an alias)",
    "R40-26": _LATER_POSSIBLE + ": 'OOO Sibirskaya Avtomatika' ~ EL 'Gazprom Neft' 0.69 (through an alias)",
    "R40-32": _LATER_POSSIBLE + ": 'OOO Sibirskaya Avtomatika' ~ EL 'Gazprom Neft' 0.69 (through an alias)",
    "R40b-19": _LATER_POSSIBLE + ": 'OOO Sibirskaya Avtomatika' ~ EL 'Gazprom Neft' 0.69 (through an alias)",
    "R40-44": _LATER_POSSIBLE + ": 'Pars Petro Instruments Co.' ~ SDN 'PETRO CHINA PARS CO.' 0.69 on the SDN "
              "List of the day",
    "N17": "needless CANNOT_CLEAR by design since session 21: 'Tupolev JSC' is a 0.99 match on SDN 'TUPOLEV "
           "PUBLIC JOINT "
           "STOCK COMPANY', whose listing date the SDN List does not give (it may precede the order's date)",
    "R33-73": "needless CANNOT_CLEAR by design since session 21: 'Kamensk-Uralsky Metallurgical Works J.S. Co.' the "
              "day before its Entity List listing is a near-certain match on SDN 52548, whose listing date the SDN "
              "List does not give",
    "R33-33": "needless CANNOT_CLEAR since session 21: 'AECC Aviation Power Co. Ltd.' is a 0.99 match on the MEU List "
              "version of a later day, asked though the listing cannot change the answer here (as R40-85)",
    "R40-86": "needless CANNOT_CLEAR since session 21: 'Atlas Sanatgaran' is a 0.99 match on the Unverified List of a "
              "later day (its § 744.15(b) statement would be the only consequence)",
    "R28c-33": _UNREAD + ": 'Policlínica Metropolitana'",
    "R39-26": _UNREAD + ": 'Jaamacadda Ummadda Soomaaliyeed' (Somali National University)",
    "R39-27": _UNREAD + ": 'Elektroprivreda Srbije' (a power utility)",
    "R39-28": _UNREAD + ": 'Pambansang Museo ng Pilipinas' (a museum)",
    "R40-73": _UNREAD + ": 'RUP Belfarmatsiya' (a pharmacy chain)",
    # round 40 (adversary_round40.yaml, 40b, 40c; adversary_round40_report.md): mismatches at its first run (adv40 on
    # main 0299f1f), less those fixed in session 21
    "R40-56": "withdrawn by its author (report): NS and RS reach 3B001.f.1 only to Macau and D:5 in the derived CCL "
              "rows, so NO_LICENSE_REQUIRED to Brazil is the law",
    "R40-37": "stricter and right by its author (report): the § 734.9(b) national-security FDP rule already "
              "reaches the "
              "Japanese etcher through the plant, the day before FDP (k)",
    "R40-10": "needless CANNOT_CLEAR by the order: the foreign item's US content is not stated (R40b-17 with it: "
              "NOT_SUBJECT)",
    "R40-13": "needless CANNOT_CLEAR by the order: the foreign item's US content is not stated (R40b-18 with it)",
    "R40-30": "needless CANNOT_CLEAR by the order: the foreign item's US content is not stated (R40b-19 with it)",
    "R40-15": "needless CANNOT_CLEAR: the Entity List version's age opens an OFAC 50 % ownership question (rules)",
    "R40-20": "needless CANNOT_CLEAR: the Entity List version's age opens an OFAC 50 % question with a 49 % owner "
              "(rules)",
    "R40-53": "needless CANNOT_CLEAR: CC 1's condition on fingerprint computers is asked for 4A003.g (as R36-67)",
    "R40-62": "needless CANNOT_CLEAR: Zhipu the day before its listing, which took effect on its publication day, is "
              "asked within the publication lag (as R34-61)",
    "R40-85": "needless CANNOT_CLEAR: an MEU-listed party asked for EAR99 office supplies the listing cannot change",
    "R40-03": "needless CANNOT_CLEAR: a Huawei affiliate the day before its listing, within the publication lag",
    "R40-42": "both clearing: NO_LICENSE_REQUIRED where the case's acceptable outcomes are too narrow (report)",
    "R40-64": "both clearing: NO_LICENSE_REQUIRED where the case's acceptable outcomes are too narrow (report)",
    "R40-75": "debatable over-block: a green-card holder named with a Chinese nationality gets an NS 1 licence "
              "(report)",
    # round 43 (adversary_round43.yaml, 43b; adversary_round43_report.md): 16 false clears at its first run (adv43 on
    # main 7499e2a), all fixed in session 22 (lead): the purpose clause of an item description read for missile names
    # with a number, 'separated Pu', glanders cultures and respirable powders (tools/wmd_words.yaml) and for the
    # § 744.23 words (R43b-26..R43b-33); Supp. No. 2 to Part 746's oil-and-gas codes of chapters 73, 82 and 89
    # (R43-42, R43b-01..R43b-08); Russian industrial words as romanised (R43-104, R43b-09, R43b-15); address
    # abbreviations of Hong Kong (R43b-22)
    # round 44 (adversary_round44.yaml, 44b; adversary_round44_report.md): 49 false clears at its first run (adv44 on
    # main 565011c; R44-105 the author's error), 43 fixed in session 22 (lead): the §§ 744.2-744.4 weapon and use
    # words read in the whole item description, not only after 'for' (29 cases), more programme, site and agent
    # names (Ghauri, Geran-2, Shahed-136, Qasef, MOX fuel, Dimona, KAMAG, Milzbrand, iperita, зарин), named defence
    # makers (KADDB, Tomer, DSO National Laboratories, Luwero Industries) and 警察, 8905.90, more Russian industrial
    # words; ended denial orders no longer PROHIBITED when every list answers; an SDN match preferred to an EL match
    "R44-62": "CANNOT_CLEAR, the author expects PROHIBITED: 'Ka Pa Sa' (SDN BURMA-EO14014 by its Burmese acronym) is "
              "a 0.69 possible match only (screening)",
    "R44-67": "CANNOT_CLEAR, the author expects PROHIBITED: 'MEHL' is a near-certain Entity List match, the SDN "
              "entry below 0.95 by the acronym (screening)",
    "R44b-35": "CANNOT_CLEAR, the author expects PROHIBITED: 'Taganrogskiy Metallurgicheskiy Zavod' a 0.77 SDN match",
    "R44-83": "CANNOT_CLEAR, the author expects PROHIBITED: the 560th armoured repair plant in Cyrillic matches the "
              "61st plant's SDN entry at 0.86 (an ordinal is not kept as a distinguishing word: screening)",
    "R44-86": "CANNOT_CLEAR, the author expects PROHIBITED: the Yalta port in Ukrainian is a 0.56 possible match "
              "(and the § 746.6 region question)",
    "R44-42": "needless CANNOT_CLEAR by design: 'Empresa Nacional del Petróleo (ENAP)' -- Spanish words no vocabulary "
              "reads (the unread-words sign)",
    "R44-96": "needless CANNOT_CLEAR: an aircraft registration 'TC-JNA' in the end use is an unread word",
    "R44-105": "withdrawn by its author (report): STA is available for 6A003.b.4.b to India (A:5), the "
               "LICENSE_EXCEPTION is right",
    # round 45 (adversary_round45.yaml; adversary_round45_report.md): 13 false clears at its first run (adv45 on main
    # 2743683), all fixed in session 22 (lead): weapons, programmes, sites and agents in Chinese, Korean and Japanese
    # (clearance/resources/wmd_native.yml), Hatf, Nasr launchers, UCAV, PREFRE, ricina; PT Dahana, SIMA Peru,
    # Bangladesh Machine Tools Factory, Kazakhstan Engineering, Tbilaviamsheni
    "R45-18": "needless CANNOT_CLEAR: children's bicycles named «Новичок» ('beginner') read as the agent novichok "
              "(the weapon words are read in the whole description since round 44)",
    "R45-20": "needless CANNOT_CLEAR: 'for Sarin Exports, Ludhiana' (a surname) read as the agent sarin "
              "(whole-description reading)",
    "R45-21": "needless CANNOT_CLEAR: 'Dubai Marina' in the description is a 0.94 match of the vessel HASNA "
              "(screening)",
    "R45-25": "needless CANNOT_CLEAR: a 0.6 possible match of SDN 'DEFENSE ENGINEERING LLP' (screening)",
    "R45-55": "CANNOT_CLEAR, the author expects PROHIBITED: 'UAB Sinno Electronics' is a 0.90 Entity List match, its "
              "SDN entry not near-certain",
    "R45-67": "needless CANNOT_CLEAR: a denial order that ended after the DPL version's date may have been renewed "
              "(asked)",
    "R45-68": "needless CANNOT_CLEAR: as R45-67",
    "R45-69": "needless CANNOT_CLEAR: as R45-67",
    "R45-70": "needless CANNOT_CLEAR: as R45-67",
    "R45-74": "needless CANNOT_CLEAR: 'Café Laodicea SARL' a 0.60 possible match of the vessel LAODICEA (screening)",
    "R45-79": "CANNOT_CLEAR by the author's listings (report): an Entity List party given as on no list is asked to "
              "correct the listings",
    "R45-80": "CANNOT_CLEAR by the author's listings (report): an Entity List party given as on no list is asked to "
              "correct the listings",
    "R45-81": "CANNOT_CLEAR by the author's listings (report): an Entity List party given as on no list is asked to "
              "correct the listings",
    "R45-82": "CANNOT_CLEAR by the author's listings (report): an Entity List party given as on no list is asked to "
              "correct the listings",
    "R45-83": "CANNOT_CLEAR by the author's listings (report): an Entity List party given as on no list is asked to "
              "correct the listings",
    "R45-84": "CANNOT_CLEAR by the author's listings (report): an Entity List party given as on no list is asked to "
              "correct the listings",
    "R45-85": "CANNOT_CLEAR by the author's listings (report): an Entity List party given as on no list is asked to "
              "correct the listings",
    "R45-109": "CANNOT_CLEAR by the author's listings (report): an Entity List party given as on no list is asked to "
              "correct the listings",
    "R45-110": "CANNOT_CLEAR by the author's listings (report): an Entity List party given as on no list is asked to "
              "correct the listings",
    "R45-111": "CANNOT_CLEAR by the author's listings (report): an Entity List party given as on no list is asked to "
              "correct the listings",
    "R45-91": "CANNOT_CLEAR by the author's listings (report): an Unverified List party given as on no list",
    "R45-93": "CANNOT_CLEAR by the author's listings (report): an MEU List party given as on no list",
    "R45-96": "CANNOT_CLEAR by the author's listings (report): an MEU List party given as on no list",
    "R45-86": "needless CANNOT_CLEAR: 'Sichuan Agricultural University' a 0.69 possible match of EL 'Sichuan "
              "University' (screening)",
    "R45-90": "needless CANNOT_CLEAR by design: the 5A002.z wording between 90 FR 4544 and the eCFR text is not held "
              "(the author dated it there, report)",
    "R45-112": "needless CANNOT_CLEAR by design: as R45-90 (5A992.z)",
    "R45-104": "needless CANNOT_CLEAR: a company 60 % owned by Megvii (Entity List only) is asked the OFAC 50 % "
              "question before the affiliates rule (report: worth checking)",
    "R45-106": "needless CANNOT_CLEAR: the Entity List version of 2025-11-08 cannot answer for 2025-10-20 (Megvii "
              "given as listed, owner screening)",
    # round 46 (adversary_round46.yaml; adversary_round46_report.md, a short round): 13 false clears at its first run
    # (adv46 on main bc8c9c3), 11 fixed in session 22 (lead): weapons and agents in Arabic, Persian, Urdu and Hindi
    # (wmd_native.yml, Arabic letters unified), Turkish, Indonesian and German (wmd_words.yaml), the dotless 'ı' folded
    "R46-05": "needless CANNOT_CLEAR: a Persian astronomy club's name holds 'ایرانیان' (Iranians), read as naming Iran",
    "R46-19": "needless CANNOT_CLEAR: 'PT Sarinah' a 0.64 possible match of 'Huawei Tech Investment, PT' (screening)",
    "R46-21": "needless CANNOT_CLEAR: a museum exhibition's title 'la première attaque à l'ypérite' reads the agent",
    "R46-47": "needless CANNOT_CLEAR: the CNOOC entry's named-goods exception is asked (as U02)",
    "R46-49": "CANNOT_CLEAR by the author's date (report): the Entity List version of 2025-11-08 cannot answer for "
              "2025-06-02",
    "R46-61": "CANNOT_CLEAR, the author's design (report): 'Profflab LLC' is a 0.99 SDN match, asked before its "
              "listing",
    "R43-58": "needless CANNOT_CLEAR: the 'Sevastopol' hotel in Moscow reads as a place of Crimea (§ 746.6 question)",
    "R37-55": "over-block: 5A992.c mass-market smartphones to a private Russian retailer in 2022: 87 FR 12226 kept "
              "5A992.c out of the § 746.8(a)(1) licence unless for a government end user or state-owned enterprise "
              "(not modelled; medium confidence) (rules)",
}


def _cases() -> list[tuple[str, Request, dict[str, Any]]]:
    assert len(set(FILES)) == len(FILES), "a round file is listed twice in FILES"
    out = []
    for name in FILES:
        out += [(name, req, raw) for req, _, raw in read_scenarios(HERE / name)]
    return out


CASES = _cases()


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return load_rules()


@pytest.fixture(scope="module")
def screener(tmp_path_factory: pytest.TempPathFactory, data_dir: Path) -> Iterator[PartyScreener]:
    path = tmp_path_factory.mktemp("adversary") / "lists.db"
    with Store.open(f"sqlite:///{path}") as st:
        outcomes = load_paths(st, [data_dir / "us_bis"], only=("el", "dpl", "meu", "uvl", "mieu"))
        outcomes += load_paths(st, [data_dir / "us_ofac"], only=("sdn",))
    assert all(o.ok for o in outcomes), [o.error for o in outcomes if not o.ok]
    with PartyScreener.open(Settings(db=str(path), snapshot=False, max_age_overrides=AGES)) as s:
        yield s


@pytest.fixture(scope="module")
def default_screener(screener: PartyScreener) -> Iterator[PartyScreener]:
    """The same store with the default list ages (none accepted beyond them)."""
    with PartyScreener.open(Settings(db=screener.settings.db, snapshot=False)) as s:
        yield s


@pytest.mark.parametrize("cid", sorted(STALE_GAPS))
def test_a_designation_after_the_held_list_is_not_cleared_by_default(default_screener: PartyScreener,
                                                                   rules: RuleSet, cid: str) -> None:
    decision, _ = default_screener.determine(_case(cid), rules)
    assert decision.outcome.value == "CANNOT_CLEAR", (cid, STALE_GAPS[cid], decision.outcome.value)
    assert any("sdn" in r.lower() and ("old" in r.lower() or "stale" in r.lower() or "days" in r.lower())
               for r in decision.reasons), decision.reasons[:3]


def _marks(cid: str) -> list[pytest.MarkDecorator]:
    if cid in STALE_GAPS:
        return [pytest.mark.xfail(strict=True, reason=f"list data: {STALE_GAPS[cid]} (asserted under the default "
                                                      "ages instead)")]
    if cid in FALSE_CLEARS:
        return [pytest.mark.xfail(strict=True, reason=FALSE_CLEARS[cid])]
    if cid in MISMATCHES:
        return [pytest.mark.xfail(strict=True, reason=MISMATCHES[cid])]
    return []


@pytest.mark.parametrize(("file", "request_", "raw"),
                         [pytest.param(f, r, raw, id=r.id, marks=_marks(r.id)) for f, r, raw in CASES])
def test_adversary_case(screener: PartyScreener, rules: RuleSet, file: str, request_: Request,
                        raw: dict[str, Any]) -> None:
    decision, _ = screener.determine(request_, rules)
    expected = raw["expected"]
    got = decision.outcome.value
    if request_.id in WITHDRAWN:
        outcome, why = WITHDRAWN[request_.id]
        assert got == outcome and any("744.15" in o for o in decision.obligations), (got, why, decision.obligations)
        return
    if request_.id in LAW_STRICTER:
        outcome, words, why = LAW_STRICTER[request_.id]
        first = decision.reasons[0] if decision.reasons else decision.bases[0].cite
        assert got == outcome and words in first, (got, why, decision.reasons[:1])
        return
    if expected["outcome"] not in CLEARING:
        law = expected.get("law", expected.get("why"))  # (round 4 writes 'why')
        assert got not in CLEARING, f"{file} {raw['id']}: FALSE CLEAR {got} ({law})"
    if request_.id in STRICTER_AND_RIGHT:
        assert got == "PROHIBITED", f"{raw['id']}: {got} ({STRICTER_AND_RIGHT[request_.id]})"
        return
    assert got == expected["outcome"] or got in expected.get("acceptable", []), (
        f"{file} {raw['id']}: {got}, expected {expected['outcome']} or {expected.get('acceptable', [])}: "
        f"{decision.reasons[:1]}")


def _case(cid: str) -> Request:
    return next(r for _, r, _ in CASES if r.id == cid)


def test_a_possible_match_beside_a_near_certain_listing_is_a_review_item(screener: PartyScreener,
                                                                         rules: RuleSet) -> None:
    """A near-certain listing that decides the answer stands; a possible match beside it (same or another party) is
    listed as to be confirmed, never turned into CANNOT_CLEAR nor into a clear (issue 9: R3-45, A07); without a
    near-certain listing a possible match still fails closed."""
    from clearance.model.decision_schema import DeterminationRecord
    from clearance.model.determination import Outcome

    bank, _ = screener.determine(_case("R3-45"), rules)  # SDN 'BANK ROSSIYA' 0.99, DPL 'ROSSIYA AIRLINES' POSSIBLE
    assert bank.outcome is Outcome.PROHIBITED and not bank.reasons
    assert [q.fact for q in bank.to_confirm] == ["parties.listings"] and "ROSSIYA AIRLINES" in bank.to_confirm[0].text
    assert any(b.code == "744.8" for b in bank.bases)
    # EL 'DJI' 0.99 (the Unverified List POSSIBLE beside it under session 3's screening is gone since session 4's)
    dji, _ = screener.determine(_case("A07"), rules)
    assert dji.outcome is Outcome.LICENSE_REQUIRED
    assert [b.code for b in dji.bases if b.overcome_by is None] == ["EL"] and "'DJI'" in dji.bases[0].cite
    for d in (bank, dji):  # the published record (docs/determination-record.schema.json is generated from it)
        DeterminationRecord.model_validate(d.to_dict())
    # the same possible match with no near-certain listing beside it: CANNOT_CLEAR naming it, nothing to confirm
    alone = dataclasses.replace(_case("A07"), parties=(Party(Role.ULTIMATE_CONSIGNEE, "Harbin Normal University",
                                                               "CN"),))  # POSSIBLE 'Harbin Institute of Technology'
    d, record = screener.determine(alone, rules)
    assert d.outcome is Outcome.CANNOT_CLEAR and not d.to_confirm, (d.outcome, d.reasons, [s.note() for s in record])
    assert "possible match" in d.reasons[0]


def test_a_denied_party_is_named_when_another_list_cannot_answer_for_the_date(screener: PartyScreener,
                                                                               rules: RuleSet) -> None:
    """R10-54: the forwarder 'Bahar Safwa General Trading' (DPL temporary denial order to 2024-10-30) on an order of
    2024-06-01, screened by name: the Entity List describes 2025-11-08, so the party could not be screened against
    every list and the answer was CANNOT_CLEAR saying only that -- the denial order was never named. A near-certain
    DPL match in a version that can answer for the date decides alone (PROHIBITED, naming the entry), as for a listing
    an order leaves out; an expired denial order does not."""
    from clearance.model.determination import Outcome

    d, _ = screener.determine(_case("R10-54"), rules)
    assert d.outcome is Outcome.PROHIBITED, d.reasons
    assert [b.code for b in d.bases] == ["DPL"]
    assert any("cannot be screened against every list" in n and "BAHAR SAFWA GENERAL TRADING" in n for n in d.notes)
    after = dataclasses.replace(_case("R10-54"), date=_case("R10-54").date.replace(year=2025))  # expired 2024-10-30
    late, _ = screener.determine(after, rules)
    assert late.outcome is Outcome.CANNOT_CLEAR, late.outcome


HISTORICAL = ("B09", "B10", "R04", "R07")  # B08: its order omits the SDN listing the rebuilt list shows (CANNOT_CLEAR)


@pytest.fixture(scope="module")
def historical(screener: PartyScreener) -> Iterator[PartyScreener]:
    with PartyScreener.open(screener.settings, historical=True) as s:
        yield s


def test_the_basis_of_round_12_and_11_cases(screener: PartyScreener, rules: RuleSet) -> None:
    """R12-18 and R11-41 passed or failed on the wrong basis (screen11, session 9): 'OOO Alyans EG, Sankt-Peterburg'
    is restricted by the Entity List's 'Alliance EG Ltd.', SDN 47439 'OOO ALYANS' (another company) only a match to
    confirm; 'Abu Trade LLC' written with its Dubai address is the Unverified List's, so the § 744.15(b) statement
    is an obligation of the NLR answer."""
    from clearance.model.determination import Outcome

    alyans, _ = screener.determine(_case("R12-18"), rules)
    assert alyans.outcome is Outcome.LICENSE_REQUIRED, (alyans.outcome, alyans.reasons)
    assert [b.code for b in alyans.bases if b.overcome_by is None] == ["EL"] and "Alliance EG" in alyans.bases[0].cite
    assert all("47439" not in b.cite for b in alyans.bases)
    assert any("ALYANS" in q.text.upper() for q in alyans.to_confirm), [q.text for q in alyans.to_confirm]
    abu, _ = screener.determine(_case("R11-41"), rules)
    assert abu.outcome is Outcome.NO_LICENSE_REQUIRED and any("744.15" in o for o in abu.obligations), (
        abu.outcome, abu.obligations)


def test_historical_lists_on_request(historical: PartyScreener, rules: RuleSet) -> None:
    """--historical-lists (issue 9 kind 10): an order dated before the loaded versions is screened against them as
    they stood on its date (entries listed later left out); the answer says what that can miss, and never clears on
    it -- a party listed on the date and removed since cannot be found (R3-65, Institute of Forensic Science of
    China, removed 2023-11, asked about on 2022-06-01)."""
    from clearance.model.determination import Outcome

    for cid in HISTORICAL:
        d, _ = historical.determine(_case(cid), rules)
        assert d.outcome is Outcome.LICENSE_REQUIRED, (cid, d.reasons)
        assert any(n.startswith("historical lists for ") for n in d.notes), cid
        assert any((u.why or "").startswith("rebuilt for ") for u in d.lists_consulted if u.code == "el"), cid
    removed, _ = historical.determine(_case("R3-65"), rules)
    assert removed.outcome is Outcome.CANNOT_CLEAR and "removed since cannot be found" in removed.reasons[0]


def test_the_exporter_is_screened(screener: PartyScreener, rules: RuleSet) -> None:
    """The order's exporter (reexporter) is a party of role EXPORTER, screened against the Denied Persons and SDN Lists
    only (R5-44, R5-96: § 736.2(b)(4) binds whoever exports; the Entity List and end-use rules concern the parties that
    receive the item). A later list version answers for an earlier day as it stood then (listing dates)."""
    import datetime as dt
    from fractions import Fraction

    from clearance.model.determination import Item, Outcome, Transaction

    denied, _ = screener.determine(_case("R5-44"), rules)
    assert denied.outcome is Outcome.PROHIBITED, denied.reasons
    dpl = [b for b in denied.bases if b.code == "DPL"]
    assert [b.party for b in dpl] == ["Scott Communications, Inc."] and "SCOTT COMMUNICATIONS" in dpl[0].cite
    # the day of the denial order (effective 2023-03-29) and the day before, read from the DPL of 2023-11-30
    on_day, _ = screener.determine(dataclasses.replace(_case("R5-44"), date=dt.date(2023, 3, 29)), rules)
    assert on_day.outcome is Outcome.PROHIBITED, on_day.reasons
    # (the day before, its own entry is not counted; an unrelated DPL person 'SCOTT RUSSEL' stays a possible match,
    # asked about as for any party)
    before, record = screener.determine(dataclasses.replace(_case("R5-44"), date=dt.date(2023, 3, 28)), rules)
    assert before.outcome is Outcome.CANNOT_CLEAR and "SCOTT RUSSEL" in before.reasons[0], before.reasons
    exporter = next(s for s in record if s.name == "Scott Communications, Inc.")
    assert set(exporter.list_versions) == {"dpl", "sdn"} and exporter.decision == "POSSIBLE"
    assert all("SCOTT COMMUNICATIONS" not in h.name for h in exporter.hits)
    assert any("as it stood on the day" in r for r in exporter.reasons)
    assert any("SCOTT COMMUNICATIONS" in r and "was listed after 2023-03-28: not counted" in r
               for r in exporter.reasons)
    # an OFAC-blocked exporter: PROHIBITED whatever the item, even one not subject to the EAR
    brackets = Item("EAR99", "IN", "machined aluminium brackets", us_controlled_value=Fraction(0),
                    total_value=Fraction(900))
    foreign = Request(date=dt.date(2025, 12, 1), item=brackets,
                      to_country="AE", from_country="IN", transaction=Transaction.EXPORT_FROM_ABROAD,
                      parties=(Party(Role.ULTIMATE_CONSIGNEE, "Gulf Fabrication LLC", "AE", ()),
                               Party(Role.EXPORTER, "Tupolev PJSC", "RU")), id="blocked-exporter")
    blocked, _ = screener.determine(foreign, rules)
    assert blocked.outcome is Outcome.PROHIBITED and blocked.subject_to_ear is False, blocked.reasons
    assert any("Tupolev PJSC is on OFAC's SDN List" in n for n in blocked.notes)
    # an exporter on the Entity List gives no Entity List basis (it is not a § 748.5(c)-(f) party)...
    huawei = dataclasses.replace(foreign, item=Item("EAR99", "US", "spare fans"), from_country="CN",
                                 transaction=Transaction.REEXPORT, to_country="DE",
                                 parties=(Party(Role.ULTIMATE_CONSIGNEE, "Berliner Netzwerk GmbH", "DE", ()),
                                          Party(Role.EXPORTER, "Huawei Technologies Co., Ltd.", "CN")))
    d, _ = screener.determine(huawei, rules)
    assert d.outcome is Outcome.NO_LICENSE_REQUIRED and not d.bases, (d.outcome, d.reasons, d.bases)
    # ...and the exporter alone is no party to clear on
    alone = dataclasses.replace(huawei, parties=(Party(Role.EXPORTER, "Huawei Technologies Co., Ltd.", "CN"),))
    assert screener.determine(alone, rules)[0].outcome is Outcome.CANNOT_CLEAR


def test_a_listed_party_named_only_in_the_words_is_asked(screener: PartyScreener, rules: RuleSet) -> None:
    """An Entity List party the item description or end use names, left out of the parties, is never cleared
    (R8-41: "machined to drawings from Beihang University"): a near-certain screening match of a name in the words is
    a question naming the entry; the same order with the words restated clears, and a name that only resembles a
    listed one (no near-certain match) asks nothing."""
    case = _case("R8-41")
    decision, record = screener.determine(case, rules)
    assert decision.outcome.value == "CANNOT_CLEAR"
    asked = [q.text for q in decision.open_questions if "Beihang University" in q.text]
    assert asked and "el entry" in asked[0] and "Beijing University of Aeronautics and Astronautics" in asked[0]
    assert any(s.name == "Beihang University" for s in record)  # the auditor sees the screening
    plain = dataclasses.replace(case, item=dataclasses.replace(
        case.item, description="custom aluminium test fixtures machined to drawings for a wind tunnel"))
    assert screener.determine(plain, rules)[0].outcome.value in CLEARING
    other = dataclasses.replace(case, item=dataclasses.replace(
        case.item, description="custom aluminium test fixtures machined to drawings from the Beijing Institute of "
                               "Fashion Technology for its wind tunnel"))
    assert screener.determine(other, rules)[0].outcome.value in CLEARING


def test_a_possible_match_names_every_party_that_raises_one(screener: PartyScreener, rules: RuleSet) -> None:
    """Adversarial round 13's finding: screening inside a determination stopped at the first party with a possible
    match. R13-20 put a Dubai consignee with a noise match (EL 'Al Noor Alaili Trading Company') before the Persian
    name of SDN / Entity List 'Shahid Bakeri Industrial Group': the CANNOT_CLEAR asked only about the consignee and
    the end user was never screened. Now every party is screened and every possible match is asked about."""
    from clearance.model.determination import Outcome

    d, record = screener.determine(_case("R13-20"), rules)
    assert d.outcome is Outcome.CANNOT_CLEAR
    names = [p.name for p in _case("R13-20").parties]
    assert {s.name for s in record} >= set(names)  # every party screened and reported
    for n in names[:2]:  # the consignee and the end user (the exporter, the third, is unlisted)
        assert any(r.startswith(f"party {n!r}:") for r in d.reasons), (n, d.reasons)
    assert any("Shahid Bakeri" in r for r in d.reasons), d.reasons
    # the first party's question comes first, as the engine asked it
    assert d.reasons[0].startswith(f"party {names[0]!r}:")


# Adversarial round 18: cases whose outcome is right but which cited, beside the right entry, an unrelated entry as a
# near-certain listing (a basis or a HIT): the entry names that must not decide, and what they were. All three fixed in
# session 12 (screen20): 'Yu' is a Korean legal form only written '(yu)' (clearance.text.terms.Vocabulary.bracketed);
# a town of the entry's own addresses in parentheses after its name is no short form of it (sources._csvutil
# .town_after); a native name the EU gives two legal persons of other tax numbers is no alias of either
# (bench/screening/alias_table.py, table 2026-12-03.1).
WRONG_ENTITIES: dict[str, tuple[tuple[str, ...], str]] = {
    "R18-15": (("FANG LIWU", "Fang Yu"),
               "李方伟 (SDN 11447 'LI, Fangwei', a 0.99 HIT, right) is also a 0.96 HIT on DPL 'FANG LIWU' (the three "
               "syllables read in any order) and an Entity List basis on 'Fang Yu' (0.85) (screening)"),
    "R18-22": (("System Equipment Co., Ltd. of the 28th Research Institute",),
               "MEU 'Guizhou Liyang Intl Manufacturing Co Ltd.' (right) is joined by an Entity List basis on 'System "
               "Equipment Co., Ltd. of the 28th Research Institute (Liyang)' (0.77; Liyang, a Jiangsu town, is the "
               "only word in common) (screening)"),
    "R18-40": (("ZELENODOLSKY PROJECT AND DESIGN BUREAU",),
               "the Zelenodolsk Gorky plant in Cyrillic is a 0.99 HIT on SDN 43269 'JOINT STOCK COMPANY ZELENODOLSKY "
               "PROJECT AND DESIGN BUREAU' (another company) while its own SDN 26510 is 0.88 (screening)"),
    # R18-68 (Bank Sepah in Persian also a 0.97 HIT on SDN 'SPB BANK' and 'PJSC BANK SIAB' by consonant skeleton)
    # fixed by session 11's merges (screen17: a sound-only cross-script match of a generic term no longer counts)
}


@pytest.mark.parametrize("cid", list(WRONG_ENTITIES))
def test_round_18_cites_no_unrelated_entry(screener: PartyScreener, rules: RuleSet, cid: str) -> None:
    """No basis and no near-certain screening hit of a round 18 case names an unrelated entry (WRONG ENTITY)."""
    decision, record = screener.determine(_case(cid), rules)
    wrong = WRONG_ENTITIES[cid][0]
    cited = [b.cite for b in decision.bases if any(w.lower() in (b.cite or "").lower() for w in wrong)]
    hits = [(h.name, h.score) for s in record for h in s.hits
            if h.score >= 0.95 and any(w.lower() in h.name.lower() for w in wrong)]
    assert not cited and not hits, (cited, hits)


def test_matches_the_later_lists_show_are_asked_on_a_past_date(screener: PartyScreener, rules: RuleSet) -> None:
    """R40c-05: the SDN's Conviasa by its full name, given as on no list, on 2023-08-15 -- a day the Entity List and
    the SDN List of the harness describe later days. The SDN gives no listing dates, so the near-certain match may
    predate the order: asked, naming the entry; a reviewer who rules it out gets the order's own answer. R40b-03: a
    weaker match of a temporary denial order of 2023-07-25 that ended, by the DPL version of 2023-11-30, on
    2024-01-21 -- after that version's date, so it may have been renewed by the order's date (2024-06-03): asked."""
    from clearance.model.determination import Outcome

    conviasa = _case("R40c-05")
    d, _ = screener.determine(conviasa, rules)
    assert d.outcome is Outcome.CANNOT_CLEAR and "sdn:28230" in d.reasons[0], d.reasons[:1]
    assert "cannot answer for 2023-08-15" in d.reasons[0]
    judged = dataclasses.replace(conviasa, parties=tuple(
        dataclasses.replace(p, ruled_out=("sdn:28230",)) if p.name.startswith("Consorcio") else p
        for p in conviasa.parties))
    cleared, _ = screener.determine(judged, rules)
    assert cleared.outcome is Outcome.NO_LICENSE_REQUIRED, cleared.reasons[:1]
    aerocargo, _ = screener.determine(_case("R40b-03"), rules)
    assert aerocargo.outcome is Outcome.CANNOT_CLEAR and "AEROCARGO DEL SUR" in aerocargo.reasons[0], (
        aerocargo.reasons[:1])
