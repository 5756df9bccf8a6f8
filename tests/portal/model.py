"""The content of a replayed portal (by default 溧阳厂房网, liyang.021cf.cn): the source of
truth of the replays.

Titles and paragraphs are real article texts (tests/real/texts); the portal's furniture (its
contact block, copyright, categories, authors, dates) follows PORTAL.md and the seed page for
溧阳厂房网, and `sites.Site` for the other portals. `Portal.site` says which portal it is,
`Portal.scheme` (schemes.py) where its pages live.

Every markup in `render` shows this content; `expected_item` says what the archive must hold.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo

from .schemes import ZBLOG, Scheme
from .sites import LIYANG, Site

SHANGHAI = ZoneInfo("Asia/Shanghai")
LIVE_HOST = LIYANG.host
SITE = LIYANG.key
SITE_NAME = LIYANG.name
DEFAULT_RENDERED_AT = datetime(2025, 5, 21, 9, 30, 0, tzinfo=SHANGHAI)
EXCERPT_CHARS = 120
ABSOLUTE_FORMATS = (
    "Y-m-d",
    "Y-m-d H:i",
    "Y-m-d H:i:s",
    "Y年m月d日",
    "Y年m月d日 H:i",
    "Y年m月d日 H:i:s",
)
RELATIVE = "relative"
MARKUP_DATE_FORMAT = {
    "tpure": RELATIVE,
    "table": RELATIVE,
    "html5": "Y年m月d日 H:i",
    "cms": "Y-m-d H:i:s",
    "mobile": RELATIVE,
    "wordpress": "Y年n月j日",
    "legacy": "Y-m-d",
    "gov": "Y-m-d H:i",
    "inhouse": "Y-m-d H:i",
}
"""The date setting each markup uses unless told otherwise."""
MARKUP_ENCODING = {"cms": "gbk", "legacy": "gb2312"}
"""The encoding each markup is served in unless told otherwise (others: utf-8).

"gb2312" is a label, as old pages declare it: the bytes are GBK, as browsers decode that label.
"""
MARKUPS_WITHOUT_EXCERPTS = frozenset({"cms", "legacy", "gov", "inhouse"})
"""Markups whose related lists show no excerpt: the archive holds "" for each."""

CATEGORY_NAMES = LIYANG.category_names
TAG_NAMES = LIYANG.tag_names
AUTHORS = LIYANG.authors

CONTACT_BLOCK = LIYANG.contact_block
"""The portal's contact block as editors paste it into articles (text as in the seed)."""
GOV_FOOTER = LIYANG.gov_footer
"""A footer copied along with an article from a government source site (mangled as seen)."""
CONTACT_QR = LIYANG.contact_qr


@dataclass(frozen=True)
class Category:
    """A category (分类) of the portal."""

    id: int
    name: str
    slug: str = ""
    """The category's directory name or slug, for schemes whose paths use one."""


@dataclass(frozen=True)
class Tag:
    """A tag (标签) of the portal."""

    id: int
    name: str


@dataclass
class Article:
    """One article as the portal holds it."""

    id: int
    title: str
    original_title: str
    author: str
    category_id: int
    views: int
    published_at: datetime
    paragraphs: list[str]
    boilerplate: list[list[str]] = field(default_factory=list)
    related_ids: list[int] = field(default_factory=list)
    tag_ids: list[int] = field(default_factory=list)
    boilerplate_at: int | None = None
    """Index of the paragraph the boilerplate blocks are pasted before (None: after the text)."""
    intro: str = ""
    """The article's stored summary (Z-BlogPHP Intro); empty: derived from the text."""
    comments: list[tuple[str, str]] = field(default_factory=list)
    """Visitor comments as (name, text)."""


@dataclass
class Portal:
    """The whole site at one instant."""

    categories: list[Category]
    articles: list[Article]
    rendered_at: datetime
    per_page: int = 5
    tags: list[Tag] = field(default_factory=list)
    site: Site = LIYANG
    """Which portal this is (its archive key, name, host, furniture)."""
    scheme: Scheme = ZBLOG
    """Where its pages live (URL paths of articles and listings)."""

    def article(self, article_id: int) -> Article:
        """The article with this id."""
        for article in self.articles:
            if article.id == article_id:
                return article
        raise KeyError(article_id)

    def category(self, category_id: int) -> Category:
        """The category with this id."""
        return next(c for c in self.categories if c.id == category_id)

    def newest_first(self) -> list[Article]:
        """Articles as listings show them."""
        return sorted(self.articles, key=lambda a: (a.published_at, a.id), reverse=True)

    def article_path(self, article: Article | int) -> str:
        """The article's canonical URL path under the portal's scheme."""
        if isinstance(article, int):
            article = self.article(article)
        return self.scheme.article_path(article, self.category(article.category_id))

    def article_url(self, base_url: str, article: Article | int) -> str:
        """The article's canonical URL under base_url."""
        return base_url.rstrip("/") + self.article_path(article)

    def alt_path(self, article: Article | int) -> str | None:
        """The second URL form the portal's CMS serves the article under (None: none)."""
        if isinstance(article, int):
            article = self.article(article)
        return self.scheme.alt_path(article, self.category(article.category_id))


def now() -> datetime:
    """The current instant in Asia/Shanghai, whole seconds: a rendered_at for live crawls.

    The crawler trusts a response's Date header only within [fetch - 30 days, fetch + 10 min];
    replays crawled end to end must be rendered near the wall clock.
    """
    return datetime.now(SHANGHAI).replace(microsecond=0)


# ---------------------------------------------------------------- shared texts


def body_text(article: Article) -> str:
    """The genuine body as the archive must hold it: a first line that only repeats the title
    is the title shown again, not body (README, Extraction)."""
    paragraphs = article.paragraphs
    if paragraphs and paragraphs[0] == article.title:
        paragraphs = paragraphs[1:]
    return "\n\n".join(paragraphs)


def excerpt(article: Article) -> str:
    """The excerpt listings and related blocks show: first 120 characters + "..."."""
    if article.intro:
        return article.intro + "..."
    text = " ".join(article.paragraphs)
    return text[:EXCERPT_CHARS].rstrip() + "..."


def post_path(article_id: int) -> str:
    """The article's URL path."""
    return f"/index.php/post/{article_id}.html"


def post_url(base_url: str, article_id: int) -> str:
    """The article's URL under base_url."""
    return base_url.rstrip("/") + post_path(article_id)


_UNITS = (
    ("年前", timedelta(days=360), "Y-m-d"),
    ("个月前", timedelta(days=30), "m-d"),
    ("周前", timedelta(days=7), "m-d"),
    ("天前", timedelta(days=1), ""),
    ("小时前", timedelta(hours=1), ""),
    ("分钟前", timedelta(minutes=1), ""),
    ("秒前", timedelta(seconds=1), ""),
)


def relative_parts(published: datetime, rendered_at: datetime) -> tuple[str, str]:
    """The tpure theme's relative date as (text, hint): ("8个月前", " (09-24)")."""
    elapsed = rendered_at - published
    if elapsed < timedelta(seconds=1):
        return "刚刚", ""
    local = published.astimezone(SHANGHAI)
    micro = elapsed // timedelta(microseconds=1)
    for suffix, unit, hint in _UNITS:
        size = unit // timedelta(microseconds=1)
        if micro >= size:
            n = (2 * micro + size) // (2 * size)  # round half away from zero
            text = f" ({php_date(local, hint)})" if hint else ""
            return f"{n}{suffix}", text
    raise AssertionError("unreachable")


def php_date(value: datetime, fmt: str) -> str:
    """Format a date with the PHP letters the theme's settings use (Y m d n j H i s)."""
    local = value.astimezone(SHANGHAI)
    codes = {
        "Y": f"{local.year:04d}",
        "m": f"{local.month:02d}",
        "d": f"{local.day:02d}",
        "n": str(local.month),
        "j": str(local.day),
        "H": f"{local.hour:02d}",
        "i": f"{local.minute:02d}",
        "s": f"{local.second:02d}",
    }
    return "".join(codes.get(ch, ch) for ch in fmt)


def date_text(article: Article, rendered_at: datetime, date_format: str = RELATIVE) -> str:
    """The date exactly as a page shows it (relative or one of ABSOLUTE_FORMATS)."""
    if date_format == RELATIVE:
        text, hint = relative_parts(article.published_at, rendered_at)
        return text + hint
    return php_date(article.published_at, date_format)


# ---------------------------------------------------------------- punctuation

_ASCII = str.maketrans(
    {"：": ":", "，": ",", "（": "(", "）": ")", "；": ";", "！": "!", "？": "?"}
)


def to_ascii(text: str) -> str:
    """Full-width ：，（）；！？ to ASCII, as copies of the portal's text have them."""
    return text.translate(_ASCII)


def ascii_article(article: Article) -> Article:
    """The article with ASCII punctuation everywhere."""
    return replace(
        article,
        title=to_ascii(article.title),
        original_title=to_ascii(article.original_title),
        author=to_ascii(article.author),
        paragraphs=[to_ascii(p) for p in article.paragraphs],
        boilerplate=[[to_ascii(line) for line in block] for block in article.boilerplate],
        intro=to_ascii(article.intro),
        comments=[(to_ascii(n), to_ascii(t)) for n, t in article.comments],
    )


def ascii_portal(portal: Portal) -> Portal:
    """The portal with ASCII punctuation everywhere."""
    return replace(
        portal,
        categories=[replace(c, name=to_ascii(c.name)) for c in portal.categories],
        articles=[ascii_article(a) for a in portal.articles],
        tags=[replace(t, name=to_ascii(t.name)) for t in portal.tags],
    )


# ---------------------------------------------------------------- expectations

ATTRIBUTION = re.compile(r"^[（(]?(?:文章)?(?:来源|责任编辑)[：:]")
"""Lines that say where an article came from or who edited it: the archive keeps them."""

SPECIALS = ("broken", "no_body", "empty", "404", "500", "status", "huge")
"""Per-article overrides of `render.render_site(specials=...)`; "status" means 404."""
UNFETCHABLE = ("empty", "404", "500", "status")
"""Specials whose page yields no article."""


def expected_item(
    portal: Portal,
    article: Article,
    base_url: str | None = None,
    *,
    markup: str = "tpure",
    date_format: str | None = None,
    special: str | None = None,
    punct: str = "full",
) -> dict:
    """What the archive must hold for this article as served by `render_site(...)`."""
    if punct == "ascii":
        portal, article = ascii_portal(portal), ascii_article(article)
    fmt = date_format or MARKUP_DATE_FORMAT[markup]
    base = (base_url or portal.site.host).rstrip("/")
    no_body = special == "no_body"
    published = article.published_at.astimezone(SHANGHAI)
    excerpts = markup not in MARKUPS_WITHOUT_EXCERPTS
    return {
        "url": portal.article_url(base, article),
        "site": portal.site.key,
        "title": article.title,
        "original_title": "" if no_body else article.original_title,
        "author": article.author,
        "category": portal.category(article.category_id).name,
        "views": article.views,
        "date_text": date_text(article, portal.rendered_at, fmt),
        "body": "" if no_body else body_text(article),
        "related": [
            {
                "url": portal.article_url(base, rid),
                "title": portal.article(rid).title,
                "excerpt": excerpt(portal.article(rid)) if excerpts else "",
            }
            for rid in article.related_ids
        ],
        "published_at": published.isoformat(),
        "published_day": published.date().isoformat(),
    }


def expected_items(
    portal: Portal,
    base_url: str,
    *,
    markup: str = "tpure",
    date_format: str | None = None,
    specials: dict[int, str] | None = None,
    punct: str = "full",
) -> dict[str, dict]:
    """Expected items by URL for every article whose page yields one."""
    specials = specials or {}
    out = {}
    for article in portal.newest_first():
        special = specials.get(article.id)
        if special in UNFETCHABLE:
            continue
        item = expected_item(
            portal,
            article,
            base_url,
            markup=markup,
            date_format=date_format,
            special=special,
            punct=punct,
        )
        out[item["url"]] = item
    return out


# ---------------------------------------------------------------- generation

PLACES = (
    "溧阳市",
    "溧阳高新区",
    "江苏中关村科技产业园",
    "天目湖旅游度假区",
    "溧阳经济开发区",
    "上兴镇",
    "竹箦镇",
    "社渚镇",
    "埭头镇",
    "别桥镇",
    "南渡镇",
    "戴埠镇",
    "昆仑街道",
    "常州市",
    "金坛区",
    "武进国家高新区",
)
INDUSTRIES = (
    "新能源",
    "动力电池",
    "储能",
    "智能制造",
    "生物医药",
    "新材料",
    "高端装备",
    "光伏",
    "智能电网",
    "汽车零部件",
    "节能环保",
    "数字经济",
)
COMPANIES = (
    "江苏时代新能源",
    "上汽时代动力电池",
    "天目先导电池材料",
    "中创新航",
    "星源材质",
    "贝特瑞新材料",
    "溧阳紫宸新材料",
    "江苏华鹏变压器",
    "常州普莱德",
    "江苏上上电缆",
)
PROJECTS = (
    "年产10GWh动力电池",
    "储能系统集成",
    "高性能负极材料",
    "智能装备产业园",
    "隔膜生产基地",
    "研发中心及总部",
    "精密零部件",
    "新型储能电站",
    "标准厂房二期",
    "固态电池中试线",
)
ROLES = ("市委书记", "市长", "市委副书记", "常务副市长", "副市长", "市人大常委会主任")
SLOGANS = ("一城一谷一园", "产业强市", "项目为王", "长三角产业创新高地", "动力电池之都")

PROSE_TRAPS = (
    "企业如有厂房租赁或用地需求，可拨打{place}投资促进中心服务热线0519-8{phone}咨询，"
    "工作人员将提供全程代办服务。",
    "{place}还将加强知识产权和版权保护，支持企业申报高新技术企业，对首次认定的给予{cap}"
    "万元奖励，{year}年已有{n}家企业获得奖励。",
    "会上，{n}家企业代表分享了在{place}投资兴业的经验，大家表示将进一步扩大在溧投资规模，"
    "把更多{industry}项目放在溧阳。",
    "项目联系人王先生介绍，有意向的企业可通过手机1{mobile}预约实地踏勘，园区提供免费班车接送。",
)
COMMENTS = (
    ("游客", "请问{place}还有{sqm}千平方米左右的单层厂房出租吗？联系电话多少？"),
    ("溧阳网友", "政策很好，希望尽快落地，已经分享给朋友了。"),
    ("常州张先生", "相关文章里的项目进展怎么样了？期待后续报道。版权归谁？"),
)


def _fill(template: str, rng: random.Random, year: int) -> str:
    industries = rng.sample(INDUSTRIES, 2)
    return template.format(
        place=rng.choice(PLACES),
        industry=industries[0],
        industry2=industries[1],
        company=rng.choice(COMPANIES),
        project=rng.choice(PROJECTS),
        role=rng.choice(ROLES),
        slogan=rng.choice(SLOGANS),
        n=rng.randint(2, 19),
        money=f"{rng.randint(5, 480)}.{rng.randint(1, 9)}",
        money2=rng.randint(50, 1500),
        tax=f"{rng.randint(1, 30)}.{rng.randint(1, 9)}",
        area=rng.randint(40, 900),
        sqm=rng.randint(3, 120),
        cap=rng.choice((50, 100, 200, 300, 500, 1000)),
        small=rng.randint(1, 5),
        pct=f"{rng.randint(3, 40)}.{rng.randint(1, 9)}",
        pct2=rng.randint(5, 20),
        pct3=rng.randint(30, 70),
        month=rng.randint(2, 11),
        md=f"{rng.randint(1, 12)}月{rng.randint(1, 28)}日",
        year=year,
        year2=year + rng.randint(1, 3),
        jobs=rng.randint(20, 3000),
        phone=rng.randint(1000000, 9999999),
        mobile=rng.randint(3000000000, 9999999999),
    )


REAL_TEXTS = Path(__file__).resolve().parents[1] / "real" / "texts" / "texts.jsonl"


@cache
def real_texts() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(title, paragraphs) of the real article texts in tests/real/texts, in file order."""
    out = []
    with REAL_TEXTS.open(encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            paragraphs = tuple(" ".join(p.split()) for p in record["paragraphs"] if p.strip())
            # A leading 原标题 line is the source's title: the replays set original_title alone.
            paragraphs = tuple(p for p in paragraphs if "原标题" not in p[:6])
            if paragraphs:
                out.append((" ".join(record["title"].split()), paragraphs))
    return tuple(out)


_ELAPSED = (
    timedelta(0),  # 刚刚
    timedelta(seconds=37),
    timedelta(seconds=59),
    timedelta(seconds=90),  # 1.5 分钟 -> 2分钟前
    timedelta(minutes=25),
    timedelta(minutes=59, seconds=40),  # 60分钟前
    timedelta(hours=3, minutes=10),
    timedelta(hours=23, minutes=36),  # 24小时前
    timedelta(days=2, hours=5),
    timedelta(days=6, hours=14),  # 7天前
    timedelta(days=9),  # 1周前 (m-d)
    timedelta(days=27),  # 4周前
    timedelta(days=45),  # 1.5 个月 -> 2个月前
    timedelta(days=240, hours=7),
    timedelta(days=355),  # 12个月前
    timedelta(days=400),  # 1年前 (Y-m-d)
    timedelta(days=540),  # 1.5 年 -> 2年前
    timedelta(days=1095, hours=3),
)
"""Elapsed times that make every unit, and the rounding edges, occur."""


def _elapsed_list(n: int, rng: random.Random) -> list[timedelta]:
    if n <= len(_ELAPSED):
        if n <= 1:
            return list(_ELAPSED[:n])
        step = (len(_ELAPSED) - 1) / (n - 1)
        picked = [_ELAPSED[round(k * step)] for k in range(n)]
    else:
        picked = list(_ELAPSED)
        while len(picked) < n:
            hours = 2 ** rng.uniform(0, 15)  # 1 hour .. ~3.7 years
            picked.append(timedelta(seconds=round(hours * 3600)))
    return sorted(picked, reverse=True)


def _make_article(
    rng: random.Random,
    i: int,
    article_id: int,
    published: datetime,
    category_id: int,
    used: set[str],
    n_tags: int,
    site: Site = LIYANG,
) -> Article:
    """An article of the portal: a real text (title and paragraphs) nobody here wrote, with the
    portal's own furniture around it and lookalike prose among its paragraphs."""
    year = published.year
    texts = real_texts()
    title, real = rng.choice(texts)
    while title in used or any(p in used for p in real):
        title, real = rng.choice(texts)
    used.add(title)
    used.update(real)
    paragraphs = list(real)
    if i % 4:
        trap = _fill(PROSE_TRAPS[(i // 4 + i) % len(PROSE_TRAPS)], rng, year)
        paragraphs.insert(rng.randint(0, len(paragraphs)), trap)
    original = ""
    if rng.random() < 0.5:
        original = rng.choice(
            (title, f"聚焦{rng.choice(INDUSTRIES)}｜{title}", f"{title}——{rng.choice(SLOGANS)}")
        )
    boilerplate: list[list[str]] = []
    if i % 10 < 6:
        boilerplate.append(list(site.contact_block))
    if i % 7 == 3:
        boilerplate.insert(0, list(site.gov_footer))
    if site.pasted:  # a draw of its own: the main sequence stays that of the original replay
        paste = random.Random(f"{site.key}-pasted-{article_id}")
        for block in [list(block) for block in site.pasted if paste.random() < 0.5]:
            # Attribution (来源, 责任编辑) is kept on purpose, as the README's Boilerplate says:
            # it is text of the article.
            if all(ATTRIBUTION.match(line) for line in block):
                paragraphs += block
            else:
                boilerplate.append(block)
    at = 2 if i % 9 == 4 and len(paragraphs) >= 3 and boilerplate else None
    comments = []
    if i % 6 == 2:
        for name, text in COMMENTS[: 1 + i % 2]:
            comments.append((name, _fill(text, rng, year)))
    return Article(
        id=article_id,
        title=title,
        original_title=original,
        author=rng.choice(site.authors),
        category_id=category_id,
        views=rng.randint(3, 4800),
        published_at=published,
        paragraphs=paragraphs,
        boilerplate=boilerplate,
        tag_ids=sorted(rng.sample(range(1, n_tags + 1), rng.randint(1, 3))) if n_tags else [],
        boilerplate_at=at,
        comments=comments,
    )


def _relate(articles: list[Article], rng: random.Random) -> None:
    for article in articles:
        pool = [a.id for a in articles if a.id != article.id]
        same = [
            a.id for a in articles if a.category_id == article.category_id and a.id != article.id
        ]
        k = min(rng.choice((0, 3, 4, 5, 6, 6, 6)), len(pool))
        chosen = rng.sample(same, min(k, len(same)))
        chosen += rng.sample([p for p in pool if p not in chosen], k - len(chosen))
        article.related_ids = chosen


def make_portal(
    n_articles: int = 30,
    seed: int = 0,
    rendered_at: datetime = DEFAULT_RENDERED_AT,
    per_page: int = 5,
    categories: int = 2,
    *,
    site: Site = LIYANG,
    scheme: Scheme = ZBLOG,
    avoid_texts: frozenset[str] = frozenset(),
) -> Portal:
    """A deterministic portal; every relative-date unit occurs when n_articles >= 18.

    site/scheme: which portal, under which URL scheme (default: 溧阳厂房网, Z-BlogPHP);
    avoid_texts: titles and paragraphs the portal must not carry (another portal's stories).
    """
    names = site.category_names
    if not 1 <= categories <= len(names):
        raise ValueError(f"categories must be 1..{len(names)}")
    rng = random.Random(f"{site.key}-portal-{seed}")
    cats = [
        Category(site.category_id(k), names[k], site.category_slug(k)) for k in range(categories)
    ]
    tags = [Tag(k + 1, name) for k, name in enumerate(site.tag_names)]
    used: set[str] = set(avoid_texts)
    articles = []
    for i, elapsed in enumerate(_elapsed_list(n_articles, rng)):
        article_id = site.id_base + 13 * i + rng.randint(0, 9)
        articles.append(
            _make_article(
                rng,
                i,
                article_id,
                rendered_at - elapsed,
                cats[i % categories].id,
                used,
                len(tags),
                site,
            )
        )
    _relate(articles, rng)
    return Portal(cats, articles, rendered_at, per_page, tags, site, scheme)


def grow_portal(portal: Portal, n_new: int, rendered_at: datetime, seed: int = 1) -> Portal:
    """The same portal later: n_new articles published since portal.rendered_at, old ones kept."""
    if rendered_at <= portal.rendered_at:
        raise ValueError("a grown portal is rendered later")
    rng = random.Random(f"{portal.site.key}-grow-{seed}")
    used = {a.title for a in portal.articles} | {p for a in portal.articles for p in a.paragraphs}
    last = max(a.id for a in portal.articles)
    span = rendered_at - portal.rendered_at
    new = []
    for k in range(n_new):
        published = portal.rendered_at + span * (k + 1) / (n_new + 1)
        published = published.replace(microsecond=0)
        article = _make_article(
            rng,
            len(portal.articles) + k,
            last + 13 * (k + 1),
            published,
            portal.categories[(len(portal.articles) + k) % len(portal.categories)].id,
            used,
            len(portal.tags),
            portal.site,
        )
        older = [a.id for a in portal.articles + new]
        article.related_ids = rng.sample(older, min(4, len(older)))
        new.append(article)
    return replace(portal, articles=portal.articles + new, rendered_at=rendered_at)


SEED_ID = 7550
SEED_PUBLISHED = datetime(2024, 9, 24, 10, 20, 0, tzinfo=SHANGHAI)
SEED_RELATED_IDS = (7412, 7398, 7455, 7203, 7317, 7486, 7361, 7290)
"""Ids given to the seed's 8 related articles (their real ids are unknown)."""


def make_seed_portal(rendered_at: datetime = DEFAULT_RENDERED_AT) -> Portal:
    """The seed article (real text, 8 real related items) with its related articles as stubs."""
    cats = [Category(1, CATEGORY_NAMES[0]), Category(2, CATEGORY_NAMES[1])]
    tags = [Tag(k + 1, name) for k, name in enumerate(TAG_NAMES)]
    stubs = []
    for rid, (title, raw) in zip(SEED_RELATED_IDS, SEED_RELATED, strict=True):
        intro = " ".join(raw.split())  # as a browser shows it: runs of spaces collapse
        published = SEED_PUBLISHED - timedelta(hours=7 * (SEED_ID - rid) + 3)
        stubs.append(
            Article(
                id=rid,
                title=title,
                original_title="",
                author="admin",
                category_id=1,
                views=10 + rid % 97,
                published_at=published,
                paragraphs=intro.split(),
                tag_ids=[1],
                intro=intro,
            )
        )
    seed = Article(
        id=SEED_ID,
        title=SEED_TITLE,
        original_title=SEED_TITLE,
        author="admin",
        category_id=1,
        views=24,
        published_at=SEED_PUBLISHED,
        paragraphs=list(SEED_PARAGRAPHS),
        boilerplate=[list(CONTACT_BLOCK)],
        related_ids=list(SEED_RELATED_IDS),
        tag_ids=[1, 5],
    )
    articles = sorted([*stubs, seed], key=lambda a: a.id)
    return Portal(cats, articles, rendered_at, 5, tags)


# ---------------------------------------------------------------- the seed (real text)

SEED_TITLE = "吴勇强带队赴泰州医药高新区、靖江市、溧阳市学习考察"
SEED_PARAGRAPHS: tuple[str, ...] = (
    (
        "11月27日至29日,区委书记吴勇强带队赴泰州医药高新区、靖江市、溧阳市学习"
        "考察生物医药及医疗器械、高端智能制造、节能环保新材料及特色田园乡村建设的相关"
        "情况,区领导黄亦武、张政、施冬咏、甘晓辉、胡长明、李晓斌参加考察。"
    ),
    (
        "泰州医药高新区是省委、省政府重点打造的生物技术与新医药产业核心区、综合改革试"
        "验区、转型升级先导区。目前区内已集聚80多家知名大学和医药研发机构,已落户1"
        "000多家知名医药企业,2100多项“国际一流、国内领先”的医药创新成果成功"
        "申报,4100多名海内外高层次人才落户创业。"
    ),
    (
        "吴勇强一行先后来到医药博览馆、中国医药城疫苗工程中心、医疗器械产业集聚区、扬"
        "子江药业等地实地参观考察,泰州市委常委、医药高新区党工委书记张小兵详细介绍了"
        "高新区发展历程、经验做法以及会展中心开发运营模式等内容。"
    ),
    (
        "吴勇强仔细听取介绍,并不时询问具体问题,对园区坚持专注的精神表示称赞,对园区"
        "短时间内快速成长表示敬佩。"
    ),
    (
        "他表示,通过这次学习交流活动,取到了“真经”,拓展了思路,也坚定了高淳发展医"
        "疗器械产业的自信心、紧迫感。他说,高淳目前正致力重点推动生物医药和医疗器械产"
        "业发展,在今后的工作中,将进一步学习借鉴泰州医药高新区高起点规划、高水平运作"
        "、高水平管理等方面经验,确保做强产业、提升功能、擦亮品牌。"
    ),
    (
        "近年来,靖江紧紧围绕“率先全面建成小康、领先区域经济发展、争先融入苏南方阵”"
        "的奋斗目标,大力弘扬“人心齐、士弘毅、敢争先”的靖江品格,牢固确立“创新绿色"
        "融合”发展路径,经济社会持续保持平稳健康发展良好态势。"
    ),
    (
        "在靖江经济开发区,吴勇强一行先后来到江苏新时代造船有限公司、江苏万林现代物流"
        "股份有限公司、智能重装产业园、大明综合项目以及江苏新萌芽智能纺织有限公司等地"
        ",详细了解园区运营管理及企业生产经营情况,并与靖江市委书记、经开区党工委书记"
        "赵叶展开深入交流。"
    ),
    (
        "吴勇强指出,近年来,靖江经济社会一直保持着快速发展的良好态势,在产业发展、园"
        "区建设、新城打造等方面值得高淳学习和借鉴。学习靖江经验,特别是学习靖江在加大"
        "对外开放、发展实体经济等方面的实践成果和宝贵经验,对于进一步推动高淳制造业产"
        "业发展和传统产业转型升级具有十分重要的意义。"
    ),
    (
        "溧阳作为长三角城市群和“锡常泰”经济圈的重要节点城市,近年来溧阳聚力发展先进"
        "制造、高端休闲、现代健康、新型智慧“四大经济”,以“环境更友好、发展可持续、"
        "群众得实惠、政府有收益”为基本特征的“幸福经济”正在成为溧阳的产业底色。"
    ),
    (
        "在溧阳,吴勇强一行先后实地察看了常州普莱德新能源电池科技有限公司、江苏中关村"
        "新能源科技馆、上汽时代动力电池系统有限公司等地以及上兴镇牛马塘村特色田园乡村"
        ",溧阳市委副书记、市长徐华勤介绍了相关情况。"
    ),
    ("吴勇强对溧阳稳步转型的产业结构和经济社会发展取得的成就赞叹不已。"),
    (
        "他说,溧阳和高淳自古以来都是友好邻居,多年来,两地一直保持着良好的互动,在多"
        "领域合作方面取得了不少成果。溧阳发展理念新、行动快、效果好,特别是在高新园区"
        "建设和新兴产业集聚上,随处可见高起点、高标准、大气魄、大手笔的好项目,同时在"
        "生态文明建设、全域旅游发展等方面也做出了精品、创出了特色,值得高淳全方位学习"
        ",希望今后两地能加强沟通交流,共同推动区域高质量发展。"
    ),
    (
        "大家纷纷表示,通过这两天的学习考察,进一步拓宽了视野、开阔了思路、增长了见识"
        ",同时也看到了自身的短板和不足,增强了加快发展的危机感、紧迫感,将按照区委决"
        "策部署,结合自身实际,撸起袖子加油干,扑下身子抓落实,把学习考察的成果落实到"
        "推进高淳经济社会发展各项工作中。"
    ),
)
SEED_RELATED: tuple[tuple[str, str], ...] = (
    (
        "【一线看项目】西工区生物医药产业园项目建设稳步推进",
        (
            "项目建设事关发展全局。2021年西工区全面落实省委、市委“项目为王”蕞强动员"
            "令,科学谋划全年总投资1770亿元重点项目240个,涉及工业、科技、文旅、城"
            "建、城改等7个方面,从数量到质量、从规模到效益均为历年之蕞。围绕项目建设,全"
            "区上下凝心聚力,把项目建设作为发展头部要务,抓紧抓实全力推进:   西工区在"
            "推进项目建设工作中,以工业园区为核心载体,加快构建以临空产业、"
        ),
    ),
    (
        "三年产业规模再上一个千亿级台阶无锡如何按下生物医药产业发展“快进键”?",
        (
            "21世纪经济报道记者 孙燕 无锡报道   “围绕‘研发+临床+制造+应用’全"
            "产业链,发挥无锡‘生物医药+数字经济’优势,积极布局合成生物、细胞基因诊疗、"
            "高端医美等新赛道,加快形成近期规模4000亿元、中期规模6000亿元的地标产"
            "业集群。”5月10日,无锡市委书记杜小刚在2024太湖湾生命健康未来大会开幕"
            "式上表示。   蕞新目标背后,2023年,无"
        ),
    ),
    (
        "两个项目签约!望城经开区参加2023湖南生物医药与健康产业博览会",
        (
            "近日,2023湖南生物医药与健康产业博览会、湘江大健康产业发展大会暨湖湘中医"
            "药传承创新发展高峰论坛在长沙举行。   大会上,威立特尔寡核苷酸项目、华纳高"
            "端原料药及高级医药中间体项目落户望城经开区,将为该园区医药产业发展注入强劲动"
            "力,助力园区医药产业链产值突破百亿元大关。   “落户望城经开区,原因有三。"
            "一是开发基础雄厚,二是人才资源丰富,三是园区"
        ),
    ),
    (
        "从创新沃土出发",
        (
            "据新华社南京电(记者杨丁淼)2019年下半年,在北京积累了一定资源的徐杨斌回"
            "到家乡南通海门,在临江科学人文小镇建立起动画孵化创作基地;几乎在同一时间,上"
            "海的李子坤跨江北上,也来到这个与崇明岛一江之隔的小镇上装修厂房、安装设备,为"
            "来年生物制药配套产品的生产做准备。   过去三年,两位不同行业的创业者经历着"
            "相同的挑战:创业历程与三年疫情重合,艰辛可想而知。如今,两位创"
        ),
    ),
    (
        "全市重大项目、全区首个!南京溧水这个科创园即将竣工",
        (
            "以生物医药产业为龙头,医械智造为支撑,创新平台为引领……   永阳生物医药科"
            "创园项目位于机场路和段林路交界处,于2021年开工建设,目前主体建设全部结束"
            ",正在进行幕墙安装和室外附属工程施工,预计今年6月竣工。   该项目由1栋十"
            "层研发服务配套楼、3栋四层研发厂房和1层整体地下车库组成,占地23103平方"
            "米,"
        ),
    ),
    (
        "助推西部(重庆)科学城“生命芯谷”建设这两家企业进博会上达成合作意向",
        (
            "11月7日,第五届进博会上,来自重庆的植恩生物与来自上海的Cytiva签署了"
            "合作意向,双方将携手共建西部(重庆)科学城生物药CDMO先进制造基地建设,助"
            "力打造“生命芯谷”。双方将在生物药生产平台、生物制药产业技术转化和人才培训领"
            "域探索合作,建设满足新兴市场需求的多品类FlexFactory灵活工厂生产线"
            ",打造先进、多样且规模化的生物制造产业集群。   据介绍,该项"
        ),
    ),
    (
        "北京亦庄生命健康产业区生物医药标准厂房项目首根钢柱吊装完成",
        (
            "烈日如焚正蕴隆,黑云载雨泻长空。一场倾盆大雨之后,伴随现场指挥人员一声号令,"
            "钢柱缓缓起吊,现场施工技术人员熟练操作,钢柱稳稳落在基础上,由杭萧钢构600"
            "477)(河北)建设有限公司(以下简称“河北杭萧”)承建的北京亦庄生命健康产"
            "业区生物医药标准厂房项目钢结构工程顺利完成首吊。   该项目位于北京经济技术"
            "开发区路东区,标准厂房A区地上7层、地下2层,建筑高度44.1"
        ),
    ),
    (
        "南京市重大工程集聚生物医药产业链发展动能",
        (
            "4月18日,南京市2022年经济社会发展重大项目——金斯瑞生命科学类试剂生产"
            "大楼在南京开工。项目建成后,将更好地推动从基因、多肽、蛋白、抗体等生命科学试"
            "剂服务到生物药开发的上下游联通,满足客户从基础研发到生物药发现与开发的需求。"
            "   作为疫情逐渐平复后,南京开工建设的市重大工程之一,该项目拟投资10亿元"
            ",此项目将着力打造南京生物医药产业发展标志性生产设施,更好地联"
        ),
    ),
)
