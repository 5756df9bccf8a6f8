"""Write the accuracy corpus: saved article pages and what they must yield.

Run from the repository root: `python -m tests.portal.corpus` (deterministic output).
Each NAME.html holds the bytes as served; NAME.json the live URL, the render instant, the
encoding and the expected fields, all taken from the model (never from an extractor).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from .model import (
    CONTACT_BLOCK,
    GOV_FOOTER,
    LIVE_HOST,
    MARKUP_ENCODING,
    SEED_ID,
    Article,
    Portal,
    date_text,
    expected_item,
    make_portal,
    make_seed_portal,
)
from .render import render_article

CORPUS_DIR = Path(__file__).resolve().parent.parent / "corpus"
EXPECTED_KEYS = (
    "title",
    "original_title",
    "author",
    "category",
    "views",
    "date_text",
    "published_day",
    "body",
    "related",
)


@dataclass
class Entry:
    """One corpus page: which article of which portal, rendered how."""

    name: str
    note: str
    portal: Portal
    article_id: int
    markup: str = "tpure"
    options: dict = field(default_factory=dict)

    @property
    def special(self) -> str | None:
        return self.options.get("specials", {}).get(self.article_id)


def _with(portal: Portal, article_id: int, **changes: object) -> Portal:
    """The portal with one article changed."""
    articles = [replace(a, **changes) if a.id == article_id else a for a in portal.articles]
    return replace(portal, articles=articles)


def entries() -> list[Entry]:
    """The corpus, in a fixed order."""
    p = make_portal(n_articles=50, seed=11)

    taken: set[int] = set()

    def pick(test: Callable[[Article], bool], newest: bool = False) -> int:
        pool = [a for a in p.articles if test(a) and a.id not in taken]
        chosen = (pool[-1] if newest else pool[0]).id
        taken.add(chosen)
        return chosen

    def has(unit: str) -> Callable[[Article], bool]:
        return lambda a: unit in date_text(a, p.rendered_at)

    def long(a: Article) -> bool:
        return len(a.paragraphs) >= 5

    weeks = pick(has("周前"))
    years = pick(has("年前"))
    months = pick(has("个月前"), newest=True)
    hours = pick(has("小时前"))
    just_now = pick(has("刚刚"))
    days = pick(has("天前"))
    middle_id = pick(lambda a: long(a) and has("个月前")(a))
    broken = pick(long)
    short = pick(lambda a: len(a.paragraphs) <= 3)
    even = [pick(lambda a: a.id % 2 == 0 and long(a)) for _ in range(3)]
    odd = [pick(lambda a: a.id % 2 == 1 and long(a), newest=True) for _ in range(3)]
    # Picks for the later markups come after the ones above: the earlier pages stay as they are.
    cms_gov_id = pick(lambda a: len(a.boilerplate) == 2)
    cms_alone = pick(lambda a: not a.related_ids)
    mobile_weeks = pick(lambda a: bool(a.comments) and has("周前")(a))
    # "1天前" (newest): its calendar day is determinable, unlike some "2天前".
    mobile_days = pick(lambda a: long(a) and has("天前")(a), newest=True)
    gov = _with(p, years, boilerplate=[list(GOV_FOOTER)], boilerplate_at=None)
    middle = _with(p, middle_id, boilerplate=[list(CONTACT_BLOCK)], boilerplate_at=2)
    cms_gov = _with(
        p, cms_gov_id, boilerplate=[list(GOV_FOOTER), list(CONTACT_BLOCK)], boilerplate_at=None
    )
    mobile_middle = _with(p, mobile_days, boilerplate=[list(CONTACT_BLOCK)], boilerplate_at=2)
    wp_comments = pick(lambda a: bool(a.comments) and bool(a.original_title))
    wp_middle = pick(lambda a: long(a) and bool(a.related_ids), newest=True)
    legacy_gov = pick(lambda a: long(a) and bool(a.original_title) and bool(a.related_ids))
    legacy_middle = pick(lambda a: long(a) and bool(a.related_ids), newest=True)
    legacy_bare = pick(lambda a: not a.related_ids)
    wp_gov = _with(
        p, wp_comments, boilerplate=[list(GOV_FOOTER), list(CONTACT_BLOCK)], boilerplate_at=None
    )
    wp_contact = _with(p, wp_middle, boilerplate=[list(CONTACT_BLOCK)], boilerplate_at=3)
    legacy_footer = _with(
        p, legacy_gov, boilerplate=[list(GOV_FOOTER), list(CONTACT_BLOCK)], boilerplate_at=None
    )
    legacy_contact = _with(p, legacy_middle, boilerplate=[list(CONTACT_BLOCK)], boilerplate_at=2)
    return [
        Entry(
            "tpure_seed_7550",
            "the seed article (real text, real 8 related items), tpure",
            make_seed_portal(),
            SEED_ID,
        ),
        Entry("tpure_weeks", "relative date in weeks with (m-d)", p, weeks),
        Entry(
            "tpure_gov_footer",
            "government-source footer pasted after the text; date in years (Y-m-d)",
            gov,
            years,
        ),
        Entry(
            "tpure_contact_middle",
            "contact block pasted in the middle of the article",
            middle,
            middle_id,
        ),
        Entry(
            "tpure_br_body",
            "body as <br>-separated text inside div.single",
            p,
            months,
            options={"body_style": "br"},
        ),
        Entry(
            "tpure_ascii",
            "ASCII punctuation everywhere (theme texts and content)",
            p,
            hours,
            options={"punct": "ascii"},
        ),
        Entry("tpure_just_now", "刚刚", p, just_now),
        Entry(
            "tpure_broken",
            "unclosed <p>/<li>, stray </div></td></div><b> after the title, no </body></html>",
            p,
            broken,
            options={"specials": {broken: "broken"}},
        ),
        Entry(
            "tpure_gbk",
            "GBK bytes, <meta charset=gbk>",
            p,
            days,
            options={"encoding": "gbk"},
        ),
        Entry(
            "tpure_absolute_ymd",
            "absolute date, date only (Y-m-d)",
            p,
            short,
            options={"date_format": "Y-m-d"},
        ),
        Entry(
            "table_labels", "old table layout, meta with labels (作者：...)", p, even[0], "table"
        ),
        Entry("table_run_together", "old table layout, meta run together", p, odd[0], "table"),
        Entry(
            "table_gbk",
            "old table layout in GBK, charset in <meta http-equiv>",
            p,
            even[1],
            "table",
            {"encoding": "gbk"},
        ),
        Entry("html5_absolute_cn", "semantic HTML5, date Y年m月d日 H:i", p, odd[1], "html5"),
        Entry(
            "html5_absolute_seconds",
            "semantic HTML5, date Y-m-d H:i:s",
            p,
            even[2],
            "html5",
            {"date_format": "Y-m-d H:i:s"},
        ),
        Entry(
            "html5_no_body",
            "title and meta but no body text",
            p,
            odd[2],
            "html5",
            {"specials": {odd[2]: "no_body"}},
        ),
        Entry(
            "cms_seed_7550",
            "the seed article in a DedeCMS layout: sidebar first, GBK, 发布时间 first",
            make_seed_portal(),
            SEED_ID,
            "cms",
        ),
        Entry(
            "cms_gov_footer_utf8",
            "DedeCMS layout in UTF-8, government footer and contact block, date Y-m-d H:i",
            cms_gov,
            cms_gov_id,
            "cms",
            {"encoding": "utf-8", "date_format": "Y-m-d H:i"},
        ),
        Entry(
            "cms_no_related",
            "DedeCMS layout (GBK): 相关文章 heading over an empty list",
            p,
            cms_alone,
            "cms",
        ),
        Entry(
            "mobile_seed_7550",
            "the seed article as a phone gets it: crumb in <header>, div.meta, excerpts link back",
            make_seed_portal(),
            SEED_ID,
            "mobile",
        ),
        Entry(
            "mobile_comments_weeks",
            "phone rendering, weeks with the hidden (m-d) hint, a comment count after the views",
            p,
            mobile_weeks,
            "mobile",
        ),
        Entry(
            "mobile_contact_middle",
            "phone rendering, days, contact block in the middle, tags and share inside the body",
            mobile_middle,
            mobile_days,
            "mobile",
        ),
        Entry(
            "wordpress_seed_7550",
            "the seed article in a WordPress theme: site name in an h1 before the 您的位置 crumb, "
            "labelled entry-meta spans, date Y年n月j日, related with thumbnails and excerpts",
            make_seed_portal(),
            SEED_ID,
            "wordpress",
        ),
        Entry(
            "wordpress_comments_gov",
            "WordPress: comments with dates, government footer and contact block after the text",
            wp_gov,
            wp_comments,
            "wordpress",
        ),
        Entry(
            "wordpress_contact_middle",
            "WordPress: contact block pasted after the third paragraph, an empty <p>&nbsp;</p>",
            wp_contact,
            wp_middle,
            "wordpress",
        ),
        Entry(
            "legacy_seed_7550",
            "the seed article on an old GB2312 table portal: no headings, no crumb label, "
            "相关阅读 titles only, author last in the meta cell",
            make_seed_portal(),
            SEED_ID,
            "legacy",
        ),
        Entry(
            "legacy_gov_footer",
            "old GB2312 portal: <br><br> text with the government footer and the contact block",
            legacy_footer,
            legacy_gov,
            "legacy",
        ),
        Entry(
            "legacy_contact_middle",
            "old GB2312 portal: contact block in the middle of the <br><br> text",
            legacy_contact,
            legacy_middle,
            "legacy",
        ),
        Entry(
            "legacy_no_body",
            "old GB2312 portal: an empty content cell and no 相关阅读 (site footer text follows)",
            p,
            legacy_bare,
            "legacy",
            {"specials": {legacy_bare: "no_body"}},
        ),
    ]


def record(entry: Entry) -> tuple[bytes, dict]:
    """The page bytes and the JSON record of one entry."""
    page = render_article(entry.portal, entry.article_id, entry.markup, **entry.options)
    article = entry.portal.article(entry.article_id)
    item = expected_item(
        entry.portal,
        article,
        LIVE_HOST,
        markup=entry.markup,
        date_format=entry.options.get("date_format"),
        special=entry.special,
        punct=entry.options.get("punct", "full"),
    )
    data = {
        "url": item["url"],
        "reference": entry.portal.rendered_at.isoformat(),
        "encoding": entry.options.get("encoding") or MARKUP_ENCODING.get(entry.markup, "utf-8"),
        "markup": entry.markup,
        "note": entry.note,
        "published_at": item["published_at"],
        "expected": {key: item[key] for key in EXPECTED_KEYS},
    }
    return page.body, data


def write(directory: Path = CORPUS_DIR) -> list[Path]:
    """Write every entry's NAME.html and NAME.json; returns the paths written."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for entry in entries():
        body, data = record(entry)
        html_path = directory / f"{entry.name}.html"
        json_path = directory / f"{entry.name}.json"
        html_path.write_bytes(body)
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        json_path.write_bytes(text.encode("utf-8"))
        written += [html_path, json_path]
    return written


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    directory = Path(args[0]) if args else CORPUS_DIR
    for path in write(directory):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
