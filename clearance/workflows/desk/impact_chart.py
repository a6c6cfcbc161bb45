"""The change-impact chart (PNG, matplotlib): order lines by verdict before and after the re-evaluation, and the
counterparties whose status got worse, for the web desk's impact page."""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Sequence
from typing import Any

VERDICTS = ("RELEASE", "HOLD", "BLOCK")
COLOURS = {"RELEASE": "#2e7d32", "HOLD": "#ef6c00", "BLOCK": "#c62828"}


def verdict_counts(before: Sequence[str], changes: Sequence[dict[str, Any]]) -> tuple[Counter[str], Counter[str]]:
    """Order lines by verdict before (as recorded) and after (the recorded ones with the report's changes)."""
    was = Counter(before)
    now = Counter(was)
    for o in changes:
        now[o["before"]] -= 1
        now[o["after"]] += 1
    return was, now


def impact_chart(before: Counter[str], after: Counter[str], parties: int, title: str) -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    fig, ax = plt.subplots(figsize=(7.5, 3.4), dpi=100)
    width = 0.38
    xs = range(len(VERDICTS))
    for shift, counts, label, alpha in ((-width / 2, before, "before", 0.45), (width / 2, after, "after", 1.0)):
        values = [counts.get(v, 0) for v in VERDICTS]
        bars = ax.bar([x + shift for x in xs], values, width, color=[COLOURS[v] for v in VERDICTS], alpha=alpha,
                      label=label, edgecolor="#333333", linewidth=0.6)
        ax.bar_label(bars, labels=[f"{label[0]}: {v}" for v in values], fontsize=7, padding=2)
    ax.set_xticks(list(xs), list(VERDICTS))
    ax.set_ylabel("order lines")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_title(title, fontsize=10)
    ax.margins(y=0.2)
    fig.text(0.01, 0.01, f"pale: as recorded; solid: re-evaluated now. Counterparties newly listed or changed: "
             f"{parties}", fontsize=7, color="#555555")
    fig.tight_layout(rect=(0, 0.05, 1, 1))
    out = io.BytesIO()
    fig.savefig(out, format="png")
    plt.close(fig)
    return out.getvalue()
