"""The replay's timeline chart (PNG, matplotlib): order lines released, held and blocked by date, licence
events, and the dated EAR events of ``ear-timeline.yaml`` (Huawei and China scope) as vertical lines."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

from clearance.workflows.desk.history import History

LANES = {"RELEASE": 3, "HOLD": 2, "BLOCK": 1}
COLOURS = {"RELEASE": "#2e7d32", "HOLD": "#ef6c00", "BLOCK": "#c62828"}
EVENT_KINDS = ("entity_list_addition", "fdp_rule", "general_authorisation", "general_authorisation_end",
               "licensing_practice", "licence_revocation", "entity_list_rule")


def timeline_events(path: Path | None) -> list[tuple[dt.date, str, str]]:
    """(effective date, id, kind) of the Huawei events in an ear-timeline.yaml (empty when no file)."""
    if path is None or not path.is_file():
        return []
    data: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
    out = []
    for e in data.get("events", []) if isinstance(data, dict) else []:
        if e.get("scope") != "huawei" and e.get("kind") not in ("entity_list_rule",):
            continue
        if e.get("kind") not in EVENT_KINDS:
            continue
        try:
            day = dt.date.fromisoformat(str(e["effective"])[:10])
        except (KeyError, ValueError):
            continue
        out.append((day, str(e.get("id", "")), str(e.get("kind", ""))))
    return sorted(out)


def _x(day: dt.date) -> float:
    """A date as matplotlib's default date number (days since 1970-01-01)."""
    return float((day - dt.date(1970, 1, 1)).days)


def write_chart(history: History, out: Path, timeline: Path | None, title: str) -> Path:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(13, 5.2), dpi=110)
    events = timeline_events(timeline)
    for i, (day, ident, kind) in enumerate(events):
        colour = "#6a1b9a" if kind in ("licensing_practice", "licence_revocation") else "#9e9e9e"
        ax.axvline(_x(day), color=colour, linestyle=":", linewidth=0.9, zorder=0)
        ax.text(_x(day), 4.45 - 0.42 * (i % 2), ident, rotation=90, fontsize=6.5, va="top", ha="right",
                color=colour)
    for verdict, lane in LANES.items():
        rows = [r for r in history.rows if r.answer is not None and r.answer.verdict.value == verdict
                and r.decision is not None and r.decision.as_of is not None]
        xs = [_x(r.decision.as_of) for r in rows if r.decision is not None and r.decision.as_of is not None]
        ax.scatter(xs, [lane] * len(xs), s=46, color=COLOURS[verdict], label=f"{verdict} ({len(rows)})", zorder=3)
        for r in rows:
            assert r.decision is not None
            lic = f" [{','.join(r.answer.licences)}]" if r.answer and r.answer.licences else ""
            assert r.decision.as_of is not None
            ax.annotate(r.order_id.split("-", 1)[-1] + lic, (_x(r.decision.as_of), lane), textcoords="offset points",
                        xytext=(0, 7), fontsize=6, rotation=35, ha="left")
    marks = {"granted": ("^", "#1565c0"), "expires": ("|", "#1565c0"), "revoked": ("v", "#6a1b9a")}
    for i, e in enumerate(history.licence_events):
        m, c = marks.get(e.kind, ("o", "black"))
        ax.scatter([_x(e.day)], [0.25], marker=m, s=60, color=c, zorder=3)
        ax.annotate(f"{e.number} {e.kind}", (_x(e.day), 0.25), textcoords="offset points",
                    xytext=(3, -11 if i % 2 == 0 else 8), fontsize=6.5)
    ax.set_yticks([0.25, 1, 2, 3], ["licences", "BLOCK", "HOLD", "RELEASE"])
    ax.set_ylim(-0.3, 4.5)
    days = [r.decision.as_of for r in history.rows if r.decision is not None and r.decision.as_of is not None]
    days += [e.day for e in history.licence_events] + [d for d, _, _ in events]
    if days:
        years = range(min(days).year, max(days).year + 2)
        ax.set_xticks([_x(dt.date(y, 1, 1)) for y in years], [str(y) for y in years])
    ax.grid(axis="x", alpha=0.25)
    ax.set_title(title, fontsize=10)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.07), fontsize=7, ncols=3, frameon=False)
    note = ("dotted lines: dated EAR events from ear-timeline.yaml" if events
            else "timeline file not found: EAR events not drawn")
    fig.text(0.01, 0.01, note, fontsize=6.5, color="#555555")
    fig.tight_layout()
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out)
    plt.close(fig)
    return out
