"""The report's charts, drawn by matplotlib as SVG text to inline in the page.

Text is drawn as paths (``svg.fonttype = path``): the page needs no font, and looks the same in every
browser. Matplotlib is imported on the first drawing, not when the API starts (it takes a second to
load); figures are built with its object API, never pyplot's global state, so that worker threads
may draw at once. Ids inside each SVG carry the chart's name, as several SVGs share one page.
"""

from __future__ import annotations

import io
import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

INK, MUTED, GRID = "#1d232a", "#5b6670", "#e3e7eb"
PALETTE = {"blue": "#2563eb", "teal": "#0d9488", "violet": "#7c3aed", "amber": "#d97706", "rose": "#e11d48"}
WIDTH, HEIGHT = 5.2, 2.5  # inches; the page scales the SVG to its column
_setup = threading.Lock()
_ready = False
_ID = re.compile(r'\bid="([^"]+)"')
_REFERENCE = re.compile(r'(href="#|url\(#)([^")]+)')


@dataclass(frozen=True, slots=True, kw_only=True)
class Series:
    label: str
    values: Sequence[float]
    color: str


def _configure() -> None:
    """Once per process: the non-interactive backend and the house style."""
    global _ready
    with _setup:
        if _ready:
            return
        import matplotlib

        matplotlib.use("Agg")
        matplotlib.rcParams.update(
            {
                "svg.fonttype": "path",
                "svg.hashsalt": "relais-report",  # the same ids for the same chart, run after run
                "font.family": "DejaVu Sans",
                "font.size": 9,
                "axes.edgecolor": GRID,
                "axes.labelcolor": MUTED,
                "xtick.color": MUTED,
                "ytick.color": MUTED,
                "axes.spines.top": False,
                "axes.spines.right": False,
                "axes.grid": True,
                "axes.grid.axis": "y",
                "grid.color": GRID,
                "grid.linewidth": 0.8,
                "axes.axisbelow": True,
                "legend.frameon": False,
            }
        )
        _ready = True


def compact(value: float) -> str:
    """1234 -> 1.2k, 2500000 -> 2.5M: axis labels stay short."""
    for limit, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
        if abs(value) >= limit:
            return f"{value / limit:.1f}".rstrip("0").rstrip(".") + suffix
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"


def _figure(draw: Callable[[Axes], None], width: float = WIDTH) -> Figure:
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    figure = Figure(figsize=(width, HEIGHT), layout="constrained")
    axes = figure.add_subplot()
    draw(axes)
    axes.yaxis.set_major_locator(MaxNLocator(nbins=4, integer=True, min_n_ticks=2))
    axes.yaxis.set_major_formatter(FuncFormatter(lambda value, _position: compact(value)))
    # Counts and money start at zero; a chart of nothing but zeros still shows an axis from 0 to 1.
    axes.set_ylim(0, max(axes.get_ylim()[1], 1))
    axes.tick_params(length=0)
    return figure


def _svg(figure: Figure, name: str, description: str) -> str:
    from matplotlib.backends.backend_svg import FigureCanvasSVG

    text = io.StringIO()
    FigureCanvasSVG(figure).print_svg(text, metadata={"Date": None, "Creator": None})  # type: ignore[no-untyped-call]
    svg = text.getvalue()
    svg = svg[svg.index("<svg") :]
    svg = _ID.sub(lambda match: f'id="{name}-{match.group(1)}"', svg)
    svg = _REFERENCE.sub(lambda match: f"{match.group(1)}{name}-{match.group(2)}", svg)
    label = description.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
    return svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1)


def bar_chart(name: str, description: str, months: Sequence[str], series: Series) -> str:
    """One bar per month, the last (the report's month) full, the others lighter."""
    _configure()

    def draw(axes: Axes) -> None:
        positions = range(len(months))
        alphas = [0.45] * (len(months) - 1) + [1.0]
        bars = axes.bar(positions, series.values, color=series.color, width=0.68)
        for bar, alpha in zip(bars, alphas, strict=True):
            bar.set_alpha(alpha)
        _month_axis(axes, months)
        if series.values:
            last = series.values[-1]
            axes.annotate(
                compact(last),
                (len(months) - 1, last),
                textcoords="offset points",
                xytext=(0, 3),
                ha="center",
                color=INK,
                fontweight="bold",
            )

    return _svg(_figure(draw), name, description)


def line_chart(name: str, description: str, months: Sequence[str], series: Sequence[Series]) -> str:
    """One line per series over the months, the area under the first one shaded."""
    _configure()

    def draw(axes: Axes) -> None:
        positions = list(range(len(months)))
        for index, one in enumerate(series):
            axes.plot(positions, one.values, color=one.color, linewidth=2, marker="o", markersize=3.5, label=one.label)
            if index == 0:
                axes.fill_between(positions, one.values, color=one.color, alpha=0.08)
        _month_axis(axes, months)
        if len(series) > 1:
            axes.legend(loc="upper left", ncols=len(series))

    return _svg(_figure(draw), name, description)


def grouped_bar_chart(name: str, description: str, months: Sequence[str], series: Sequence[Series]) -> str:
    """Bars side by side per month, one colour per series (earned media value against cost)."""
    _configure()

    def draw(axes: Axes) -> None:
        width = 0.8 / max(len(series), 1)
        for index, one in enumerate(series):
            offset = (index - (len(series) - 1) / 2) * width
            axes.bar(
                [p + offset for p in range(len(months))], one.values, width=width, color=one.color, label=one.label
            )
        _month_axis(axes, months)
        axes.legend(loc="upper left", ncols=len(series))

    return _svg(_figure(draw, width=2 * WIDTH), name, description)


def _month_axis(axes: Any, months: Sequence[str]) -> None:
    axes.set_xticks(range(len(months)), months)
    axes.set_xlim(-0.6, len(months) - 0.4)
    axes.grid(False, axis="x")
