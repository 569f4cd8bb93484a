"""Traffic lights that still read in black and white: every status is a colour, an icon AND a word.

The colours alone would fail colour-blind readers and grey-scale prints; the icon shapes (check, triangle,
octagon, dash, clock) and the word carry the meaning, the colour only speeds it up. Colours live in
assets/mios.css (`.mios-status--<status>`).
"""
from __future__ import annotations

from collections.abc import Mapping

from dash import html

from mios_dashboard.components.html_attrs import attrs
from mios_dashboard.i18n import fmt_percent, t

STATUSES: tuple[str, ...] = ("green", "yellow", "red", "no_data", "stale")
STATUS_ICONS: dict[str, str] = {
    "green": "bi-check-circle-fill",
    "yellow": "bi-exclamation-triangle-fill",
    "red": "bi-x-octagon-fill",
    "no_data": "bi-dash-circle",
    "stale": "bi-clock-history",
}
TREND_ICONS: dict[str, str] = {
    "improving": "bi-arrow-up-right",
    "stable": "bi-arrow-right",
    "worsening": "bi-arrow-down-right",
}


def normalize_status(status: object) -> str:
    """A known status key; anything unknown (None, a typo in data) shows as "no data", never crashes."""
    return status if isinstance(status, str) and status in STATUS_ICONS else "no_data"


def icon(name: str, extra_class: str = "") -> html.I:
    """A decorative bootstrap icon, hidden from screen readers (the word next to it says it)."""
    return html.I(className=f"bi {name} {extra_class}".strip(), **attrs(aria_hidden="true"))


def status_badge(status: object, lang: str = "es", size: str = "md") -> html.Span:
    """The traffic light: coloured pill with icon and word. `size` is "sm", "md" or "lg"."""
    key = normalize_status(status)
    word = t(f"status.{key}", lang)
    return html.Span(
        [icon(STATUS_ICONS[key], "mios-status__icon"), html.Span(word, className="mios-status__word")],
        className=f"mios-status mios-status--{key} mios-status--{size}",
        title=word,
        **attrs(data_status=key),
    )


def status_counts(counts: Mapping[str, int] | None, lang: str = "es") -> html.Ul:
    """How many indicators sit in each status, in the fixed order green → stale, zeros included
    (a zero red is news too)."""
    counts = counts or {}
    items = []
    for key in STATUSES:
        word = t(f"status.{key}", lang)
        items.append(
            html.Li(
                [
                    html.Span(str(int(counts.get(key) or 0)), className="mios-count__number"),
                    icon(STATUS_ICONS[key], "mios-count__icon"),
                    html.Span(word, className="mios-count__word"),
                ],
                className=f"mios-count mios-count--{key}",
                **attrs(data_status=key),
            )
        )
    return html.Ul(items, className="mios-counts", **attrs(aria_label=t("board.counts", lang)))


def score_text(score: float | None, status: object, lang: str = "es", size: str = "md") -> html.Span:
    """A score (fraction, 1.0 = 100 %) as a percentage in the status colour; the word comes from the
    badge beside it, so the colour here is a reinforcement only."""
    return html.Span(
        fmt_percent(score, lang),
        className=f"mios-score mios-score--{normalize_status(status)} mios-score--{size}",
    )


def trend_mark(trend: object, lang: str = "es", compact: bool = False) -> html.Span | None:
    """The trend as arrow + word ("mejora"/"improving"); None when there are too few values for one.
    The arrow says better/worse (already corrected for lower-is-better), not up/down of the value.
    `compact` shows the arrow only (for table cells); the word stays as tooltip and for screen readers."""
    if not isinstance(trend, str) or trend not in TREND_ICONS:
        return None
    word = t(f"trend.{trend}", lang)
    return html.Span(
        [icon(TREND_ICONS[trend], "mios-trend__icon"),
         html.Span(word, className="visually-hidden" if compact else "mios-trend__word")],
        className=f"mios-trend mios-trend--{trend}",
        title=f"{t('field.trend', lang)}: {word}",
    )
