"""The marks that tell news from noise on the board: XmR signal, "no signal", and the forecast warning.

A red light alone does not say whether something changed; the XmR signal does (docs/formulas.md#xmr). So an off-target
indicator shows either "Señal" (a real change: act on it) or "sin señal" (inside the process's natural
limits: the light may be noise). A signal on the good side of the centre is shown quietly, one on the bad
side loudly. Each mark is icon + word, with the rule spelled out in its tooltip.
"""
from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from dash import html

from mios_dashboard.components.html_attrs import attrs
from mios_dashboard.components.status import icon
from mios_dashboard.i18n import fmt_date, fmt_percent, t

Indicator = Mapping[str, Any]
SIGNAL_ICON = "bi-broadcast"
NOISE_ICON = "bi-soundwave"
FORECAST_ICON = "bi-graph-down-arrow"
OFF_LIGHTS = frozenset({"red", "yellow"})


def signal_tone(signal: Mapping[str, Any]) -> str:
    """"bad", "good" or "neutral" from the signal's side of the centre line."""
    favourable = signal.get("favourable")
    return "neutral" if favourable is None else "good" if favourable else "bad"


def signal_title(signal: Mapping[str, Any], lang: str = "es") -> str:
    """"Señal del proceso, desfavorable: un valor fuera de los límites naturales; …" for the tooltip."""
    return _signal_text(signal_tone(signal), tuple(signal.get("rules") or ()), lang)


def _signal_text(tone: str, rules: tuple[int, ...], lang: str) -> str:
    return t(f"board.signal_title_{tone}", lang, rules="; ".join(t(f"board.signal_rule_{rule}", lang) for rule in rules))


def signal_mark(indicator: Indicator, lang: str = "es") -> html.Span | None:
    """"Señal" when the newest value carries an XmR signal; "sin señal" for a red or yellow light whose
    value sits inside the natural limits; nothing otherwise (no limits yet, or nothing to explain).

    A mark depends only on the signal's side, its rules and the language, so each is built once per process
    and shared by every row showing it (see kpi_card.py on why rows share their fixed parts)."""
    signal = indicator.get("signal")
    if signal:
        return _signal_span(signal_tone(signal), tuple(signal.get("rules") or ()), lang)
    if indicator.get("status") in OFF_LIGHTS and indicator.get("xmr"):
        return _noise_span(lang)
    return None


@lru_cache(maxsize=256)
def _signal_span(tone: str, rules: tuple[int, ...], lang: str) -> html.Span:
    return html.Span(
        [icon(SIGNAL_ICON, "mios-mark__icon"), html.Span(t("board.signal", lang))],
        className=f"mios-mark mios-mark--signal mios-mark--{tone}",
        title=_signal_text(tone, rules, lang),
        **attrs(data_mark="signal", data_tone=tone),
    )


@lru_cache(maxsize=16)
def _noise_span(lang: str) -> html.Span:
    return html.Span(
        [icon(NOISE_ICON, "mios-mark__icon"), html.Span(t("board.no_signal", lang))],
        className="mios-mark mios-mark--noise",
        title=t("board.no_signal_title", lang),
        **attrs(data_mark="noise"),
    )


def forecast_mark(indicator: Indicator, lang: str = "es") -> html.Span | None:
    """"Pronóstico al cierre: 92.1 %" when the trend, extended to the due date, misses the target there."""
    forecast = indicator.get("forecast") or {}
    if not indicator.get("forecast_off"):
        return None
    achievement = fmt_percent(forecast.get("achievement"), lang)
    return html.Span(
        [icon(FORECAST_ICON, "mios-mark__icon"), html.Span(t("board.forecast_off", lang, value=achievement))],
        className="mios-mark mios-mark--forecast",
        title=t("board.forecast_title", lang, due=fmt_date(forecast.get("due"), lang), value=achievement),
        **attrs(data_mark="forecast"),
    )
