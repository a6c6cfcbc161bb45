"""Users' alias tables in the store (SQLite and PostgreSQL): replace by name, read back in order."""

from __future__ import annotations

from clearance.sources.aliases import AliasRow
from clearance.store import Store
from clearance.store.aliases import replace_table, tables, user_rows

ROWS = [AliasRow("el", "el-1", "华为技术有限公司", "Han", "registry"),
        AliasRow("sdn", "123", "ООО «Ромашка»", "Cyrillic", "EU list")]


def test_tables_are_replaced_by_name_and_kept_apart(store_url: str) -> None:
    with Store.open(store_url) as st:
        assert user_rows(st) == [] and tables(st) == {}
        replace_table(st, "b.csv", ROWS)
        replace_table(st, "a.csv", ROWS[:1])
        assert tables(st) == {"a.csv": 1, "b.csv": 2}
        replace_table(st, "b.csv", ROWS[1:])  # loading the same table again replaces its rows
        assert tables(st) == {"a.csv": 1, "b.csv": 1}
    with Store.open(store_url) as st:  # kept across opens, in table then row order, Unicode intact
        assert user_rows(st) == [ROWS[0], ROWS[1]]
