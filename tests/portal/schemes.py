"""URL schemes of the CMSs the replays imitate: where an article, a home page n, a category
listing page n (and tag/author listings where the CMS has them) live.

A scheme only knows paths. `article_path` is the article's canonical URL (what the archive must
hold); `alt_path` is a second form under which the CMS serves the same article, `alt_status`
how (200: the same page; 301: a redirect to the canonical path), and `alt_linked` which links
of a page use that second form ("hot": the hot/ranking list; "short": a short link on the
article page itself; "" never).

`ZBLOG` (the default) gives exactly the paths of the original 溧阳厂房网 replay.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import quote

if TYPE_CHECKING:
    from .model import Article, Category, Tag


def _day(article: Article):
    """The article's calendar day and time in Asia/Shanghai (paths with dates use it)."""
    from .model import SHANGHAI

    return article.published_at.astimezone(SHANGHAI)


@dataclass(frozen=True)
class Scheme:
    """Z-BlogPHP with rewritten URLs (the default): /index.php/post/{id}.html …"""

    name: str = "zblog"
    alt_linked: str = ""
    """Which links use `alt_path`: "" (none), "hot" (hot lists) or "short" (article short link)."""
    alt_status: int = 200
    home_paged: bool = True
    has_tags: bool = True
    has_authors: bool = True

    # ---- articles
    def article_path(self, article: Article, category: Category) -> str:
        return f"/index.php/post/{article.id}.html"

    def alt_path(self, article: Article, category: Category) -> str | None:
        """Z-BlogPHP's dynamic form, served by the front controller for every article."""
        return f"/?id={article.id}"

    # ---- listings
    def home_path(self, n: int = 1) -> str | None:
        return "/" if n == 1 else f"/index.php/page_{n}.html"

    def category_path(self, category: Category, n: int = 1) -> str:
        c = category.id
        return f"/index.php/category-{c}.html" if n == 1 else f"/index.php/category-{c}_{n}.html"

    def tag_path(self, tag: Tag, n: int = 1) -> str | None:
        t = tag.id
        return f"/index.php/tags-{t}.html" if n == 1 else f"/index.php/tags-{t}_{n}.html"

    def author_path(self, author_id: int, name: str, n: int = 1) -> str | None:
        k = author_id
        return f"/index.php/author-{k}.html" if n == 1 else f"/index.php/author-{k}_{n}.html"

    @property
    def serves_alt(self) -> bool:
        """Whether rendered sites hold the alternative form of each article's URL."""
        return bool(self.alt_linked)


ZBLOG = Scheme()
"""Today's paths, no link in the dynamic form (the 溧阳厂房网 replay)."""
ZBLOG_DYNAMIC_HOT = Scheme(alt_linked="hot")
"""Z-BlogPHP whose hot list (a plugin) links articles by the dynamic form /?id={id}."""


@dataclass(frozen=True)
class DedeScheme(Scheme):
    """DedeCMS static HTML: /a/{typedir}/{Y}/{md}/{aid}.html; listings /a/{typedir}/ and
    /a/{typedir}/list_{typeid}_{n}.html; /plus/view.php?aid={aid} (dynamic view) serves the
    same article. The home page (index.html) is not paged; DedeCMS's tag pages are left out."""

    name: str = "dedecms"
    alt_linked: str = "hot"
    home_paged: bool = False
    has_tags: bool = False
    has_authors: bool = False

    def article_path(self, article: Article, category: Category) -> str:
        d = _day(article)
        return f"/a/{category.slug}/{d:%Y}/{d:%m%d}/{article.id}.html"

    def alt_path(self, article: Article, category: Category) -> str | None:
        return f"/plus/view.php?aid={article.id}"

    def home_path(self, n: int = 1) -> str | None:
        return "/" if n == 1 else None

    def category_path(self, category: Category, n: int = 1) -> str:
        base = f"/a/{category.slug}/"
        return base if n == 1 else f"{base}list_{category.id}_{n}.html"

    def tag_path(self, tag: Tag, n: int = 1) -> str | None:
        return None

    def author_path(self, author_id: int, name: str, n: int = 1) -> str | None:
        return None


@dataclass(frozen=True)
class PhpcmsScheme(Scheme):
    """PHPCMS v9 dynamic URLs: index.php?m=content&c=index&a=show&catid={c}&id={id}, listings
    index.php?m=content&c=index&a=lists&catid={c}[&page={n}]; the pseudo-static
    /html/{catdir}/show-{catid}-{id}-1.html serves the same article."""

    name: str = "phpcms"
    alt_linked: str = "hot"
    home_paged: bool = False
    has_tags: bool = False
    has_authors: bool = False

    def article_path(self, article: Article, category: Category) -> str:
        return f"/index.php?m=content&c=index&a=show&catid={category.id}&id={article.id}"

    def alt_path(self, article: Article, category: Category) -> str | None:
        return f"/html/{category.slug}/show-{category.id}-{article.id}-1.html"

    def home_path(self, n: int = 1) -> str | None:
        return "/" if n == 1 else None

    def category_path(self, category: Category, n: int = 1) -> str:
        base = f"/index.php?m=content&c=index&a=lists&catid={category.id}"
        return base if n == 1 else f"{base}&page={n}"

    def tag_path(self, tag: Tag, n: int = 1) -> str | None:
        return None

    def author_path(self, author_id: int, name: str, n: int = 1) -> str | None:
        return None


def wp_slug(text: str, limit: int = 200) -> str:
    """sanitize_title_with_dashes as WordPress applies it to a Chinese title: punctuation
    dropped, spaces to dashes, the rest UTF-8 percent-encoded in lowercase, cut at `limit`
    encoded characters on a character boundary."""
    out: list[str] = []
    size = 0
    for ch in text:
        if ch.isascii() and ch.isalnum():
            piece = ch.lower()
        elif ch in " -_":
            piece = "-"
        elif ch.isalnum():  # CJK ideographs and full-width digits count as letters
            piece = quote(ch, safe="").lower()
        else:
            continue
        if size + len(piece) > limit:
            break
        out.append(piece)
        size += len(piece)
    slug = "".join(out)
    while "--" in slug:
        slug = slug.replace("--", "-")
    return slug.strip("-")


@dataclass(frozen=True)
class WordpressScheme(Scheme):
    """WordPress "day and name" permalinks /{Y}/{m}/{d}/{slug}/ (slug: the percent-encoded
    title); /?p={id} answers 301 to the permalink and is the page's short link."""

    name: str = "wordpress"
    alt_linked: str = "short"
    alt_status: int = 301

    def article_path(self, article: Article, category: Category) -> str:
        d = _day(article)
        slug = wp_slug(article.title) or str(article.id)
        return f"/{d:%Y}/{d:%m}/{d:%d}/{slug}/"

    def alt_path(self, article: Article, category: Category) -> str | None:
        return f"/?p={article.id}"

    def home_path(self, n: int = 1) -> str | None:
        return "/" if n == 1 else f"/page/{n}/"

    def category_path(self, category: Category, n: int = 1) -> str:
        base = f"/category/{category.slug}/"
        return base if n == 1 else f"{base}page/{n}/"

    def tag_path(self, tag: Tag, n: int = 1) -> str | None:
        base = f"/tag/{wp_slug(tag.name)}/"
        return base if n == 1 else f"{base}page/{n}/"

    def author_path(self, author_id: int, name: str, n: int = 1) -> str | None:
        base = f"/author/{wp_slug(name) or author_id}/"
        return base if n == 1 else f"{base}page/{n}/"


@dataclass(frozen=True)
class TrsScheme(Scheme):
    """TRS WCM static publishing: /{chan}/{Ym}/t{Ymd}_{id}.html; listings /{chan}/index.html,
    /{chan}/index_1.html (the 2nd page), /{chan}/index_2.html …; the home page is not paged."""

    name: str = "trs"
    alt_linked: str = ""
    home_paged: bool = False
    has_tags: bool = False
    has_authors: bool = False

    def article_path(self, article: Article, category: Category) -> str:
        d = _day(article)
        return f"/{category.slug}/{d:%Y%m}/t{d:%Y%m%d}_{article.id}.html"

    def alt_path(self, article: Article, category: Category) -> str | None:
        return None

    def home_path(self, n: int = 1) -> str | None:
        return "/" if n == 1 else None

    def category_path(self, category: Category, n: int = 1) -> str:
        return f"/{category.slug}/index.html" if n == 1 else f"/{category.slug}/index_{n - 1}.html"

    def tag_path(self, tag: Tag, n: int = 1) -> str | None:
        return None

    def author_path(self, author_id: int, name: str, n: int = 1) -> str | None:
        return None


@dataclass(frozen=True)
class VsbScheme(TrsScheme):
    """VSB / Hanweb (大汉) column sites: /art/{Y}/{m}/{d}/art_{col}_{id}.html; listings
    /col/col{col}/index.html and /col/col{col}/index.html?uid={uid}&pageNum={n}."""

    name: str = "vsb"

    def article_path(self, article: Article, category: Category) -> str:
        d = _day(article)
        return f"/art/{d:%Y}/{d.month}/{d.day}/art_{category.id}_{article.id}.html"

    def category_path(self, category: Category, n: int = 1) -> str:
        base = f"/col/col{category.id}/index.html"
        return base if n == 1 else f"{base}?uid={category.id * 7 + 2000}&pageNum={n}"


@dataclass(frozen=True)
class InhouseScheme(Scheme):
    """A home-made ASP.NET MVC site (as many 园区 and 招商局 portals run, written by a local
    software firm): articles /News/Detail/{id}; section listings /News/List/{slug}, further
    pages /News/List/{slug}?pageIndex={n} (its pager links page 1 as ?pageIndex=1 too); the
    home page is not paged; no tags, no author pages, no second URL form."""

    name: str = "inhouse"
    alt_linked: str = ""
    home_paged: bool = False
    has_tags: bool = False
    has_authors: bool = False

    def article_path(self, article: Article, category: Category) -> str:
        return f"/News/Detail/{article.id}"

    def alt_path(self, article: Article, category: Category) -> str | None:
        return None

    def home_path(self, n: int = 1) -> str | None:
        return "/" if n == 1 else None

    def category_path(self, category: Category, n: int = 1) -> str:
        base = f"/News/List/{category.slug}"
        return base if n == 1 else f"{base}?pageIndex={n}"

    def tag_path(self, tag: Tag, n: int = 1) -> str | None:
        return None

    def author_path(self, author_id: int, name: str, n: int = 1) -> str | None:
        return None


DEDECMS = DedeScheme()
PHPCMS = PhpcmsScheme()
WORDPRESS = WordpressScheme()
TRS = TrsScheme()
VSB = VsbScheme()
GOV = TRS
"""The government scheme the network replay uses (TRS); VSB is the Hanweb/VSB alternative."""
SCHEMES: dict[str, Scheme] = {s.name: s for s in (ZBLOG, DEDECMS, PHPCMS, WORDPRESS, TRS, VSB)}
"""The schemes of known CMSs."""
INHOUSE = InhouseScheme()
"""A home-made CMS whose URLs follow no known scheme (the custom replay; not in SCHEMES)."""
