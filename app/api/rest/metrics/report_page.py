"""The monthly programme report as one self-contained HTML page: styles inline, charts as inline SVG,
no script, nothing fetched (no link, image, font or frame), so that it opens the same from a mail,
a file or the API. Every value from the data (titles, names, the department) is escaped."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from html import escape

from app.api.rest.metrics.report_charts import PALETTE, Series, bar_chart, grouped_bar_chart, line_chart
from app.domain.metrics.kpis import DEFINITIONS, Kpi
from app.domain.metrics.report import MetricRow, Value
from app.services.metrics.programme_report import TOP_KPIS, ProgrammeReport

# Currencies whose minor unit is not a hundredth (ISO 4217); money is kept in minor units.
MINOR_DIGITS = {
    **dict.fromkeys(("BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "VND", "VUV"), 0),
    **dict.fromkeys(("XAF", "XOF", "XPF"), 0),
    **dict.fromkeys(("BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"), 3),
}
TILES = (
    (Kpi.ACTIVE_AMBASSADORS, "Active ambassadors"),
    (Kpi.POSTED_SHARES, "Posted shares"),
    (Kpi.POTENTIAL_REACH, "Potential reach"),
    (Kpi.CLICKS, "Clicks"),
    (Kpi.CONVERSIONS, "Conversions"),
    (Kpi.EARNED_MEDIA_VALUE, "Earned media value"),
    (Kpi.COST, "Cost"),
)
COLUMNS = {
    Kpi.POSTED_SHARES: "Shares",
    Kpi.POTENTIAL_REACH: "Reach",
    Kpi.CLICKS: "Clicks",
    Kpi.CONVERSIONS: "Conversions",
}
NOTHING = "\u2013"  # an en dash: no value
MONEY = frozenset({Kpi.EARNED_MEDIA_VALUE, Kpi.COST})

STYLE = """
:root { color-scheme: light; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0; color: #1d232a;
  background: #f6f7f9; }
main { max-width: 1120px; margin: 0 auto; padding: 2rem 1.5rem 3rem; }
header h1 { font-size: 1.75rem; margin: 0; }
header p { color: #5b6670; margin: .25rem 0 0; }
h2 { font-size: 1.1rem; margin: 2rem 0 .75rem; }
.tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(140px, 1fr)); gap: .75rem; margin-top: 1.5rem; }
.tile { background: #fff; border-radius: 10px; padding: .9rem 1rem; box-shadow: 0 1px 2px rgba(0,0,0,.06); }
.tile .name { color: #5b6670; font-size: .8rem; text-transform: uppercase; letter-spacing: .03em; }
.tile .value { font-size: 1.35rem; font-weight: 650; margin-top: .15rem; white-space: nowrap; }
.change { font-size: .8rem; white-space: nowrap; }
.up { color: #0d9488; } .down { color: #e11d48; } .flat { color: #5b6670; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 1rem; }
figure { background: #fff; border-radius: 10px; margin: 0; padding: .75rem 1rem 1rem;
  box-shadow: 0 1px 2px rgba(0,0,0,.06); }
figcaption { font-weight: 600; margin-bottom: .25rem; }
figure svg { width: 100%; height: auto; display: block; }
figure.wide { grid-column: 1 / -1; }
.tables { display: grid; grid-template-columns: repeat(auto-fit, minmax(460px, 1fr)); gap: 1rem; }
section.table { background: #fff; border-radius: 10px; padding: .75rem 1rem 1rem;
  box-shadow: 0 1px 2px rgba(0,0,0,.06); }
section.table h2 { margin-top: 0; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { padding: .35rem .4rem; border-bottom: 1px solid #eef0f2; text-align: right; white-space: nowrap; }
th:nth-child(2), td:nth-child(2) { text-align: left; }
th { color: #5b6670; font-weight: 600; font-size: .8rem; }
td.name { max-width: 11rem; overflow: hidden; text-overflow: ellipsis; }
.bar { display: inline-block; height: .45rem; border-radius: 3px; background: #2563eb; vertical-align: middle;
  margin-right: .35rem; }
.note { color: #5b6670; font-size: .85rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; font-size: .85rem; color: #5b6670; }
dt { font-weight: 600; color: #1d232a; }
dd { margin: 0; }
"""


def _month_before(month: date) -> date:
    return (month - timedelta(days=1)).replace(day=1)


def month_name(month: date) -> str:
    return month.strftime("%B %Y")


def minor_digits(currency: str) -> int:
    return MINOR_DIGITS.get(currency, 2)


def shown(kpi: Kpi, value: Value, currency: str) -> str:
    """A value as people read it: thousands separated, money in major units with its currency."""
    if value is None:
        return NOTHING
    if kpi in MONEY:
        return f"{value / 10 ** minor_digits(currency):,.0f} {currency}"
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.1f}"
    return f"{value:,.0f}"


def change(current: Value, previous: Value) -> str:
    if current is None or previous is None:
        return f'<span class="change flat">{NOTHING}</span>'
    if previous == 0:
        return f'<span class="change flat">{"new this month" if current else NOTHING}</span>'
    ratio = (current - previous) / previous
    if abs(ratio) < 0.005:
        return '<span class="change flat">=</span>'
    arrow, kind = ("▲", "up") if ratio > 0 else ("▼", "down")
    return f'<span class="change {kind}">{arrow} {abs(ratio):.0%}</span>'


def _series(rows: Sequence[MetricRow], kpi: Kpi, scale: float = 1) -> list[float]:
    return [float(row.values.get(kpi) or 0) / scale for row in rows]


def charts(report: ProgrammeReport) -> list[tuple[str, str]]:
    """(caption, SVG) of each chart: CPU work, run outside the event loop."""
    rows = report.trend
    months = [date.fromisoformat(row.key).strftime("%b") for row in rows]
    span = f"{month_name(date.fromisoformat(rows[0].key))} to {month_name(report.month)}"
    money = 10 ** minor_digits(report.currency)
    emv = Series(label="Earned media value", values=_series(rows, Kpi.EARNED_MEDIA_VALUE, money), color=PALETTE["teal"])
    cost = Series(label="Cost", values=_series(rows, Kpi.COST, money), color=PALETTE["rose"])
    has_cost = any(row.values.get(Kpi.COST) is not None for row in rows)
    return [
        (
            "Active ambassadors",
            bar_chart(
                "active",
                f"Active ambassadors per month, {span}",
                months,
                Series(label="Active ambassadors", values=_series(rows, Kpi.ACTIVE_AMBASSADORS), color=PALETTE["blue"]),
            ),
        ),
        (
            "Potential reach",
            line_chart(
                "reach",
                f"Potential reach per month, {span}",
                months,
                [Series(label="Potential reach", values=_series(rows, Kpi.POTENTIAL_REACH), color=PALETTE["violet"])],
            ),
        ),
        (
            "Clicks",
            line_chart(
                "clicks",
                f"Clicks per month, {span}",
                months,
                [Series(label="Clicks", values=_series(rows, Kpi.CLICKS), color=PALETTE["blue"])],
            ),
        ),
        (
            "Conversions",
            bar_chart(
                "conversions",
                f"Conversions per month, {span}",
                months,
                Series(label="Conversions", values=_series(rows, Kpi.CONVERSIONS), color=PALETTE["amber"]),
            ),
        ),
        (
            f"Earned media value against cost ({report.currency})"
            if has_cost
            else f"Earned media value ({report.currency})",
            grouped_bar_chart(
                "value",
                f"Earned media value{' and cost' if has_cost else ''} per month in {report.currency}, {span}",
                months,
                [emv, cost] if has_cost else [emv],
            ),
        ),
    ]


def _tiles(report: ProgrammeReport) -> str:
    previous = report.previous or {}
    tiles = []
    for kpi, name in TILES:
        value = report.current.get(kpi)
        if value is None and kpi is Kpi.COST:
            continue  # a department's view: costs belong to no department
        tiles.append(
            f'<div class="tile"><div class="name">{escape(name)}</div>'
            f'<div class="value">{escape(shown(kpi, value, report.currency))}</div>'
            f"{change(value, previous.get(kpi))}</div>"
        )
    return '<div class="tiles">' + "".join(tiles) + "</div>"


def _cells(values: Mapping[Kpi, Value], currency: str, most: float) -> str:
    cells = []
    for kpi in TOP_KPIS:
        value = values.get(kpi)
        text = escape(shown(kpi, value, currency))
        if kpi is Kpi.CLICKS and most:
            width = max(2, round(36 * float(value or 0) / most))
            text = f'<span class="bar" style="width:{width}px"></span>{text}'
        cells.append(f"<td>{text}</td>")
    return "".join(cells)


def _header_row(first: str) -> str:
    return f"<tr><th>#</th><th>{first}</th>" + "".join(f"<th>{COLUMNS[kpi]}</th>" for kpi in TOP_KPIS) + "</tr>"


def _top_contents(report: ProgrammeReport) -> str:
    most = max((float(row.values.get(Kpi.CLICKS) or 0) for row in report.top_contents), default=0)
    rows = [
        f'<tr><td>{rank}</td><td class="name">{escape(row.label or "Untitled content")}</td>'
        f"{_cells(row.values, report.currency, most)}</tr>"
        for rank, row in enumerate(report.top_contents, start=1)
    ]
    body = "".join(rows) or '<tr><td colspan="6" class="note">No content was shared or clicked this month.</td></tr>'
    return (
        '<section class="table"><h2>Top contents</h2><table>'
        f"<thead>{_header_row('Content')}</thead><tbody>{body}</tbody></table></section>"
    )


def _top_ambassadors(report: ProgrammeReport) -> str:
    values = [*(a.values for a in report.top_ambassadors), report.unnamed.values]
    most = max((float(v.get(Kpi.CLICKS) or 0) for v in values), default=0)
    rows = [
        f'<tr><td>{a.rank}</td><td class="name">{escape(a.name)}</td>{_cells(a.values, report.currency, most)}</tr>'
        for a in report.top_ambassadors
    ]
    if report.unnamed.count:
        who = "ambassador" if report.unnamed.count == 1 else "ambassadors"
        rows.append(
            f'<tr><td></td><td class="name">{report.unnamed.count} other {who}</td>'
            f"{_cells(report.unnamed.values, report.currency, most)}</tr>"
        )
    body = "".join(rows) or '<tr><td colspan="6" class="note">No ambassador shared or was clicked this month.</td></tr>'
    note = (
        '<p class="note">Ambassadors are named only when they chose to appear on leaderboards; the others of the '
        "top ten are counted together.</p>"
    )
    return (
        '<section class="table"><h2>Top ambassadors</h2><table>'
        f"<thead>{_header_row('Ambassador')}</thead><tbody>{body}</tbody></table>{note}</section>"
    )


def _definitions() -> str:
    names = dict(TILES)
    items = "".join(f"<dt>{escape(names[kpi])}</dt><dd>{escape(DEFINITIONS[kpi].description)}</dd>" for kpi, _ in TILES)
    return f"<h2>What the figures mean</h2><dl>{items}</dl>"


def report_page(report: ProgrammeReport, drawn: Sequence[tuple[str, str]]) -> str:
    month = month_name(report.month)
    scope = f" · {escape(report.department)} department" if report.department else ""
    # The last chart (value against cost) spans the page's width: twelve pairs of bars need the room.
    classes = [""] * (len(drawn) - 1) + [' class="wide"']
    figures = "".join(
        f"<figure{css}><figcaption>{escape(caption)}</figcaption>{svg}</figure>"
        for css, (caption, svg) in zip(classes, drawn, strict=True)
    )
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Programme report · {escape(month)}</title>
<style>{STYLE}</style>
</head>
<body>
<main>
<header>
<h1>Programme report · {escape(month)}</h1>
<p>Employee advocacy programme{scope} · days in {escape(report.time_zone)} ·
trends over the twelve months to {escape(month)}</p>
</header>
{_tiles(report)}
<p class="note">Changes against {escape(month_name(_month_before(report.month)))}.</p>
<h2>Trends</h2>
<div class="charts">{figures}</div>
<h2>The month's best</h2>
<div class="tables">{_top_contents(report)}{_top_ambassadors(report)}</div>
{_definitions()}
<p class="note">Ranked by clicks. Money in {escape(report.currency)}; earned media value is what the impressions
and clicks would have cost as advertising.</p>
</main>
</body>
</html>
"""


def render(report: ProgrammeReport) -> str:
    """The whole page: its charts drawn, then laid out (CPU-bound: call it from a worker thread)."""
    return report_page(report, charts(report))
