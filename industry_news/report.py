"""`industry-news report`: one self-contained HTML file of trends, or one PNG per plot.

The HTML needs no network: plots are inline SVG whose text the browser draws with its own
CJK fonts, styles are inline, and nothing is fetched. Each plot has its figures as a table
below it. PNGs are drawn by matplotlib with a CJK font found on the machine.
"""

from __future__ import annotations

import argparse
import html
import io
import sys
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib import font_manager

from industry_news import clusters, trends
from industry_news.dates import SHANGHAI
from industry_news.errors import CommandError
from industry_news.export import Filters, parse_bound
from industry_news.query import QueryError, parse
from industry_news.search import search
from industry_news.storage import open_existing

CJK_FONTS = (
    "WenQuanYi Micro Hei",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Microsoft YaHei",
    "PingFang SC",
    "SimHei",
    "Heiti SC",
)
"""Fonts tried for Chinese labels, in order (Debian: fonts-wqy-microhei)."""
NEWEST = 20
LARGEST = 10


def cjk_font() -> str | None:
    """The first CJK font of CJK_FONTS installed, or None."""
    installed = {font.name for font in font_manager.fontManager.ttflist}
    return next((name for name in CJK_FONTS if name in installed), None)


@contextmanager
def _drawing() -> Iterator[None]:
    """Plots drawn and saved with a CJK font when the machine has one (SVG text is drawn by
    the browser anyway); the missing-glyph warnings of a machine without one are said once,
    by write_pngs."""
    font = cjk_font()
    families = [font, "DejaVu Sans"] if font else ["DejaVu Sans"]
    with plt.rc_context({"font.family": families}), warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Glyph .* missing from font")
        yield


# ---------------------------------------------------------------- figures


def figures(connection: Any, filters: Filters, by: str, keywords: Sequence[str]) -> dict[str, Any]:
    """Everything the report shows, as data."""
    found = trends.stories(connection, filters, by)
    periods = (
        trends.periods_between(found[0].published_at, found[-1].published_at, by) if found else []
    )
    matching = {
        word: {hit.url for hit in search(connection, parse(word), filters, limit=None)}
        for word in keywords
    }
    latest = periods[-1] if periods else None
    texts_now = [s.text for s in found if s.period == latest]
    texts_before = [s.text for s in found if s.period != latest]
    return {
        "periods": periods,
        "stories": found,
        "by_site": trends.counts_by(found, periods, "site"),
        "by_category": trends.counts_by(found, periods, "category"),
        "keywords": trends.keyword_shares(found, periods, matching),
        "terms": trends.distinctive_terms(texts_now, texts_before),
        "latest": latest,
        "largest": clusters.list_clusters(connection, min_size=2, site=filters.site, limit=LARGEST),
    }


# ---------------------------------------------------------------- plots


def _figure(width: float = 9.0, height: float = 3.6) -> tuple[Any, Any]:
    fig, ax = plt.subplots(figsize=(width, height), dpi=100)
    ax.spines[["top", "right"]].set_visible(False)
    return fig, ax


def plot_counts(periods: Sequence[str], table: dict[str, list[int]], title: str) -> Any:
    fig, ax = _figure()
    bottom = [0] * len(periods)
    for name, values in list(table.items())[:8]:
        ax.bar(periods, values, bottom=bottom, label=name)
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    ax.set_title(title)
    ax.set_ylabel("报道数（按故事计）")
    ax.legend(fontsize=8, frameon=False, loc="upper left", bbox_to_anchor=(1, 1))
    ax.tick_params(axis="x", labelrotation=45, labelsize=8)
    fig.tight_layout()
    return fig


def plot_shares(periods: Sequence[str], shares: dict[str, list[float]]) -> Any:
    fig, ax = _figure()
    for word, values in shares.items():
        ax.plot(periods, [100 * v for v in values], marker="o", label=word)
    ax.set_title("关键词占比 Keyword share of stories")
    ax.set_ylabel("占当期报道 %")
    ax.legend(fontsize=8, frameon=False)
    ax.tick_params(axis="x", labelrotation=45, labelsize=8)
    fig.tight_layout()
    return fig


def plot_terms(terms: Sequence[tuple[str, float]], latest: str | None) -> Any:
    fig, ax = _figure(height=max(2.5, 0.28 * len(terms) + 1))
    names = [t for t, _ in terms][::-1]
    ax.barh(names, [s for _, s in terms][::-1], color="#c0392b")
    ax.set_title(f"{latest or ''} 特色词 Distinctive terms against the periods before")
    ax.set_xlabel("对数优势比 log-odds ratio")
    fig.tight_layout()
    return fig


def _svg(fig: Any) -> str:
    buffer = io.StringIO()
    with plt.rc_context({"svg.fonttype": "none"}):
        fig.savefig(buffer, format="svg")
    plt.close(fig)
    text = buffer.getvalue()
    return text[text.index("<svg") :]


def _plots(data: dict[str, Any]) -> dict[str, Any]:
    periods = data["periods"]
    out = {
        "stories_by_site": plot_counts(periods, data["by_site"], "各站报道数 Stories per site"),
        "stories_by_category": plot_counts(
            periods, data["by_category"], "各栏目报道数 Stories per category"
        ),
    }
    if data["keywords"]:
        out["keyword_shares"] = plot_shares(periods, data["keywords"])
    if data["terms"]:
        out["distinctive_terms"] = plot_terms(data["terms"], data["latest"])
    return out


# ---------------------------------------------------------------- html

_STYLE = """
body{font-family:"WenQuanYi Micro Hei","Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",
"PingFang SC",sans-serif;margin:2em auto;max-width:1100px;color:#222}
h1{font-size:1.6em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ddd}
table{border-collapse:collapse;font-size:.85em;margin:.5em 0}
td,th{border:1px solid #ddd;padding:2px 6px;text-align:left}td.n{text-align:right}
div{overflow-x:auto}svg{max-width:100%;height:auto}svg text{font-family:inherit}
.note{color:#666;font-size:.85em}
"""


def _table(head: Sequence[str], rows: Sequence[Sequence[Any]], numeric: int = 1) -> str:
    cells = ["<table><tr>" + "".join(f"<th>{html.escape(h)}</th>" for h in head) + "</tr>"]
    for row in rows:
        cells.append(
            "<tr>"
            + "".join(
                f'<td class="n">{html.escape(str(v))}</td>'
                if k >= numeric and isinstance(v, int | float)
                else f"<td>{v if isinstance(v, _Raw) else html.escape(str(v))}</td>"
                for k, v in enumerate(row)
            )
            + "</tr>"
        )
    return "".join(cells) + "</table>"


class _Raw(str):
    """Cell text that is HTML already (a link)."""


def _link(url: str, text: str) -> _Raw:
    return _Raw(f'<a href="{html.escape(url, quote=True)}">{html.escape(text)}</a>')


def render_html(data: dict[str, Any], heading: str) -> str:
    periods = data["periods"]
    with _drawing():
        plots = {name: _svg(fig) for name, fig in _plots(data).items()}
    parts = [
        "<!DOCTYPE html><html lang='zh-CN'><head><meta charset='utf-8'>",
        f"<title>{html.escape(heading)}</title><style>{_STYLE}</style></head><body>",
        f"<h1>{html.escape(heading)}</h1>",
        f"<p class='note'>{len(data['stories'])} 个报道（同一故事的转载只计一次）· "
        f"{len(periods)} 个时段 · 生成于 {datetime.now(SHANGHAI):%Y-%m-%d %H:%M}</p>",
    ]
    for key, title in (("by_site", "各站报道数"), ("by_category", "各栏目报道数")):
        parts.append(f"<h2>{title}</h2>{plots['stories_' + key]}")
        rows = [[name, *values, sum(values)] for name, values in data[key].items()]
        parts.append(f"<div id='{key}'>" + _table(["", *periods, "合计"], rows) + "</div>")
    if "keyword_shares" in plots:
        parts.append(f"<h2>关键词占比</h2>{plots['keyword_shares']}")
        rows = [[w, *(f"{100 * v:.1f}%" for v in vs)] for w, vs in data["keywords"].items()]
        parts.append("<div id='keywords'>" + _table(["", *periods], rows) + "</div>")
    if "distinctive_terms" in plots:
        parts.append(f"<h2>{html.escape(data['latest'] or '')} 特色词</h2>")
        parts.append(plots["distinctive_terms"])
    newest = sorted(data["stories"], key=lambda s: s.published_at, reverse=True)[:NEWEST]
    parts.append("<h2>最新报道</h2>")
    parts.append(
        _table(
            ["标题", "站点", "日期"],
            [
                [
                    _link(s.url, s.title),
                    ", ".join(sorted(s.sites)),
                    f"{s.published_at.astimezone(SHANGHAI):%Y-%m-%d}",
                ]
                for s in newest
            ],
            numeric=9,
        )
    )
    parts.append("<h2>转载最多的报道</h2>")
    parts.append(
        _table(
            ["篇数", "站点", "最早", "标题"],
            [
                [
                    c.size,
                    ", ".join(c.sites),
                    f"{c.earliest_published_at.astimezone(SHANGHAI):%Y-%m-%d}"
                    if c.earliest_published_at
                    else "-",
                    _link(c.original_url, " / ".join(c.titles)),
                ]
                for c in data["largest"]
            ],
            numeric=0,
        )
    )
    parts.append("</body></html>")
    return "\n".join(parts)


def write_pngs(data: dict[str, Any], folder: Path) -> list[Path]:
    font = cjk_font()
    if font is None:
        print(
            "industry-news: no CJK font found (apt-get install fonts-wqy-microhei): "
            "Chinese labels will not show in the PNGs",
            file=sys.stderr,
        )
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    with _drawing():
        for name, fig in _plots(data).items():
            path = folder / f"{name}.png"
            fig.savefig(path, dpi=150)
            plt.close(fig)
            written.append(path)
    return written


# ---------------------------------------------------------------- command line


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "report",
        help="write a self-contained HTML report of trends (or PNGs of its plots)",
        description=(
            "Stories per period, per site and per category (copies counted once), keyword "
            "shares, the latest period's distinctive terms, the newest and the most copied."
        ),
    )
    parser.add_argument("-o", "--output", default="report.html", metavar="PATH")
    parser.add_argument("--db", metavar="URL", help="archive URL (default: $INDUSTRY_NEWS_DB)")
    parser.add_argument("--site", metavar="NAME")
    parser.add_argument("--category", metavar="TEXT")
    parser.add_argument("--since", metavar="DATE")
    parser.add_argument("--until", metavar="DATE")
    parser.add_argument("--by", choices=trends.PERIODS, default="month")
    parser.add_argument("--keyword", nargs="+", default=[], metavar="WORD")
    parser.add_argument(
        "--format", choices=("html", "png"), default="html", help="png: one file per plot"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        filters = Filters(
            site=args.site,
            category=args.category,
            since=parse_bound(args.since) if args.since else None,
            until=parse_bound(args.until, end=True) if args.until else None,
        )
        for word in args.keyword:
            parse(word)
    except (ValueError, QueryError) as exc:
        raise CommandError(f"bad argument: {exc}", 2) from None
    engine = open_existing(args.db)
    try:
        with engine.connect() as connection:
            data = figures(connection, filters, args.by, args.keyword)
    finally:
        engine.dispose()
    if not data["stories"]:
        raise CommandError("no dated articles match: nothing to report", 1)
    target = Path(args.output)
    if args.format == "png":
        folder = target if target.suffix != ".html" else target.with_suffix("")
        written = write_pngs(data, folder)
        print(f"industry-news: {len(written)} plots written to {folder}/", file=sys.stderr)
        return 0
    heading = "industry-news 报告" + (f" · {args.site}" if args.site else "")
    target.write_text(render_html(data, heading), encoding="utf-8")
    print(f"industry-news: report written to {target}", file=sys.stderr)
    return 0
