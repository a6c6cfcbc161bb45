"""Screening fixes of adversarial round 23 (tests/rules/adversary_round23*.yaml): a listed Chinese party written in
characters with where it works after its name -- an office or branch word and the place before it -- screened CLEAR
(R23-62 海康威视 越南办事处, R23b-19 大华股份 胡志明市办事处, R23c-11 华为马来西亚办事处). The name line is now read
without them as well (clearance.screening.nameline.han_office_reading, clearance/text/han_offices.yml)."""

from __future__ import annotations

import pytest

from clearance.screening.index import ScreeningIndex
from clearance.screening.model import Decision, Query
from clearance.screening.nameline import han_office_reading, read_name_line
from clearance.screening.screen import screen

V3 = "clearance-name@3"


@pytest.mark.parametrize(("line", "name", "aside"), [
    ("华为马来西亚办事处", "华为", "马来西亚办事处"),
    ("华为驻马来西亚办事处", "华为", "驻马来西亚办事处"),
    ("海康威视 越南办事处", "海康威视", "越南办事处"),
    ("大华股份 胡志明市办事处", "大华股份", "胡志明市办事处"),
    ("华为技术有限公司马来西亚分公司", "华为技术有限公司", "马来西亚分公司"),
    ("华为深圳分公司", "华为", "深圳分公司"),  # a PRC city read from its pinyin (places.yml)
    ("華為駐越南辦事處", "華為", "駐越南辦事處"),  # traditional characters
])
def test_an_office_or_branch_after_a_name_in_characters_is_set_aside(line: str, name: str, aside: str) -> None:
    reading = han_office_reading(line)
    assert reading is not None and reading.name == name and reading.text("address") == aside, reading
    assert read_name_line(line, "CN") == reading


@pytest.mark.parametrize("line", ["华为技术有限公司", "北京大学", "为办事处", "Huawei Malaysia office", "办事处"])
def test_no_office_word_or_no_name_left_gives_no_reading(line: str) -> None:
    assert han_office_reading(line) is None


@pytest.mark.parametrize(("line", "country", "listed"), [
    ("华为马来西亚办事处", "MY", "Huawei Technologies Co., Ltd."),
    ("华为技术有限公司马来西亚分公司", "MY", "Huawei Technologies Co., Ltd."),
    ("海康威视 越南办事处", "VN", "Hangzhou Hikvision Digital Technology Co., Ltd."),
    ("大华股份 胡志明市办事处", "VN", "Dahua Technology"),
    # adversarial round 24: a trailing place after a full-width comma, an address in parentheses, an office word
    # before the name and where it is after it
    ("华为技术有限公司驻哈萨克斯坦代表处，阿拉木图", "KZ", "Huawei Technologies Co., Ltd."),
    ("國防科技大學，長沙", "CN", "National University of Defense Technology (NUDT)"),
    ("ファーウェイ・ジャパン株式会社（東京都千代田区）", "JP", "Huawei Technologies Japan K.K."),
    ("Филиал ООО «Техкомпания Хуавэй» в г. Новосибирске", "RU", "Huawei Russia"),
    ("СООО «Бел Хуавэй Текнолоджиз», пр. Дзержинского 5, Минск", "BY", "Bel Huawei Technologies LLC"),
    # abbreviations and transliterated names (R24b-10: 'Def.', abbreviations.yml; R24c-07, R24b-08: alias table)
    ("National Univ. of Def. Tech., Changsha", "CN", "National University of Defense Technology (NUDT)"),
    ("Представительство компании «Ханчжоу Хиквижн Диджитал Текнолоджи Ко., Лтд.» в Республике Узбекистан", "UZ",
     "Hangzhou Hikvision Digital Technology Co., Ltd."),
    ("هواوي تكنولوجيز - مكتب القاهرة", "EG", "Huawei Technologies Co., Ltd."),
])
def test_a_listed_party_with_its_office_around_its_name_is_found(el_index: ScreeningIndex, line: str, country: str,
                                                                 listed: str) -> None:
    found = list(screen(Query(line, country), el_index, algorithm=V3, limit=5).hits)
    assert found and found[0].decision is Decision.HIT and found[0].name == listed, [(h.name, h.score) for h in found]


@pytest.mark.parametrize(("line", "country"), [("小米越南办事处", "VN"), ("比亚迪马来西亚分公司", "MY"),
                                               ("Представительство ООО «Яндекс» в Казахстане, г. Алматы", "KZ"),
                                               ("比亚迪（越南）有限公司", "VN")])
def test_an_unlisted_brand_with_its_office_abroad_stays_clear(el_index: ScreeningIndex, line: str,
                                                              country: str) -> None:
    found = list(screen(Query(line, country), el_index, algorithm=V3, limit=5).hits)
    assert not [h for h in found if h.decision is Decision.HIT], [(h.name, h.score) for h in found]


# adversarial round 24: the same kind in new forms -- a trailing place or address segment after a full-width comma,
# a place in parentheses inside the name, an office written before the name and where it is after it
@pytest.mark.parametrize(("line", "name"), [
    ("华为技术（越南）有限公司，河内", "华为技术有限公司"),
    ("华为技术有限公司驻哈萨克斯坦代表处，阿拉木图", "华为技术有限公司"),
    ("國防科技大學，長沙", "國防科技大學"),
    ("ファーウェイ・ジャパン株式会社（東京都千代田区）", "ファーウェイ・ジャパン株式会社"),
    ("Филиал ООО «Техкомпания Хуавэй» в г. Новосибирске", "ООО «Техкомпания Хуавэй»"),
    ("Представительство АО «Лаборатория Касперского» в Казахстане, г. Алматы", "АО «Лаборатория Касперского»"),
    ("نمایندگی کشتیرانی جمهوری اسلامی ایران در هامبورگ", "کشتیرانی جمهوری اسلامی ایران"),
    ("ایران\u200cایر - دفتر فروش فرانکفورت", "ایران\u200cایر"),
    ("Representative Office of Huawei Technologies in Kazakhstan, Astana", "Huawei Technologies"),
])
def test_an_office_around_a_name_is_set_aside(line: str, name: str) -> None:
    reading = read_name_line(line, None)
    assert reading is not None and reading.name == name, reading


@pytest.mark.parametrize("line", ["Bank of China", "Office of Naval Research", "中交疏浚（集团）股份有限公司"])
def test_a_name_that_only_looks_like_an_office_is_kept(line: str) -> None:
    reading = read_name_line(line, None)
    assert reading is None or reading.name == line, reading
