"""Noise possible matches of organisations' order lines against listed persons (session 18: a party given with its
listings is asked about every possible match it does not rule out, so a noise POSSIBLE is a needless question).

- a legal form written before the address ("... C.A., Valencia, Carabobo"; "... A.Ş., Yenimahalle, Ankara") was not
  the line's last word, so the line read as no organisation's and its letters ('c', 'a') matched a listed person's
  initials beside a town word that is a surname ('VALENCIA CORNELIO, Armando') or a word of a weak alias ('KAR,
  Mevlut' alias 'ABDULLAH THE TURK'); 'C.A.' (Compañía Anónima) was no legal form at all;
- a Chinese accounting firm (会计师事务所, a 特殊普通合伙 special general partnership) read no organisation word, so its
  syllables 'he' (合伙) and 'jing' (北京) matched SDN person 'HE, Jing';
- a brand in Arabic script, one word, read by anyascii ('nwky' from نوكيا, Nokia; 'shwmy' from شاومي, Xiaomi) agreed
  with short listed names and weak aliases only on a consonant skeleton of one or two sounds ('NICA', 'YK-ANG',
  'YING GE'; 'SAM 121', 'HISHAM') whose consonants as written differ.

Each on the real SDN rows: the noise pair stays below POSSIBLE, the listed person or company written the same way
is still found.
"""

from __future__ import annotations

import pytest

from clearance.screening.index import ScreeningIndex
from clearance.screening.model import Decision, Hit, Query
from clearance.screening.screen import screen

V3 = "clearance-name@3"


def hits_on(index: ScreeningIndex, name: str, country: str, listed: str) -> list[Hit]:
    return [h for h in screen(Query(name, country), index, algorithm=V3, limit=20).hits if h.name == listed]


@pytest.mark.parametrize(("query", "country", "person"), [
    ("Transportes Valencia C.A., Maracay, Aragua", "VE", "VALENCIA CORNELIO, Armando"),
    ("Türk Telekomünikasyon A.Ş., Yenimahalle, Ankara", "TR", "KAR, Mevlut"),
    ("致同会计师事务所（特殊普通合伙），北京", "CN", "HE, Jing"),
])
def test_an_organisation_line_is_no_possible_match_of_a_listed_person(sdn_index: ScreeningIndex, query: str,
                                                                      country: str, person: str) -> None:
    assert not hits_on(sdn_index, query, country, person)


@pytest.mark.parametrize(("query", "country", "listed", "decision"), [
    # the person's own name with a town after it is still the person
    ("Armando Valencia Cornelio, Valencia", "VE", "VALENCIA CORNELIO, Armando", Decision.HIT),
    ("何静", "CN", "HE, Jing", Decision.HIT),
    # a listed company written with its 'C.A.' and an address is still found
    ("Obras Servicios y Mantenimientos C.A., Caracas", "VE", "OBRAS, SERVICIOS Y MANTENIMIENTOS C.A.", Decision.HIT),
    ("Importadora Silvania C.A., Maracaibo, Zulia", "VE", "IMPORTADORA SILVANIA, C.A.", Decision.POSSIBLE),
])
def test_the_listed_party_written_so_is_still_found(sdn_index: ScreeningIndex, query: str, country: str, listed: str,
                                                    decision: Decision) -> None:
    hits = hits_on(sdn_index, query, country, listed)
    assert hits and max(h.score for h in hits) >= (0.7 if decision is Decision.HIT else 0.5), hits


def test_the_legal_forms_read() -> None:
    from clearance.screening.algorithm3 import han_organisation, legal_form_before_comma
    from clearance.screening.forms3 import prepare3

    assert [f.form for f in prepare3("Seguridad Guardián C.A.").legal_forms] == ["CA"]
    assert legal_form_before_comma("Türk Hava Yolları Teknik A.Ş., Yeşilköy, İstanbul")
    assert not legal_form_before_comma("Nguyen Van Sa, Hanoi")  # (a name part, not a form written with dots)
    assert not legal_form_before_comma("Seguridad Guardián C.A.")  # (the whole line reads it already)
    assert han_organisation("大华会计师事务所（特殊普通合伙），北京") and han_organisation("北京市金杜律师事务所")
    assert not han_organisation("何静")


@pytest.mark.parametrize(("query", "listed"), [
    ("نوكيا", "YK-ANG"), ("نوكيا", "YING GE"), ("نوكيا", "BARRERA MEDRANO, Nicandro"),  # 'NICA'
    ("ديل", "HADI, Abdul"),  # weak alias 'DOCTOR'
    ("ديل", "EP-ITL"),
])
def test_a_skeleton_of_a_sound_or_two_is_no_possible_match_across_scripts(sdn_index: ScreeningIndex, query: str,
                                                                          listed: str) -> None:
    assert not hits_on(sdn_index, query, "AE", listed)


def test_a_name_whose_consonants_agree_is_still_found_across_scripts(sdn_index: ScreeningIndex) -> None:
    # هشام (h-sh-m) is the weak alias 'HISHAM' of SDN 'AL-JAMAL, Sa'id Ahmad Muhammad' and the 'SHAM' of ISIL's alias
    assert hits_on(sdn_index, "هشام", "AE", "AL-JAMAL, Sa'id Ahmad Muhammad")
    assert hits_on(sdn_index, "هشام", "AE", "ISLAMIC STATE OF IRAQ AND THE LEVANT")
