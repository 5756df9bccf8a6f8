"""The URL schemes of the CMSs Chinese portals run on: which URLs are articles and listings.

Each scheme is a set of rules over a URL's path and query. A rule's path pattern may name the
article's id (`id`) or the listing's page number (`page`, inside `pg`, the part a listing's first
page lacks). A portal's links are read by every scheme unless its profile names its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit


class Kind(Enum):
    ARTICLE = "article"
    LISTING = "listing"
    OTHER = "other"


@dataclass(frozen=True)
class Rule:
    """One URL form: a pattern searched in the path, and query keys that must hold digits."""

    path: re.Pattern[str]
    query: tuple[str, ...] = ()
    """Query keys that must be present with digits; the first is the id or page key."""
    values: tuple[tuple[str, str], ...] = ()
    """Query keys that must have exactly these values."""
    page_base: int = 1
    """The page number a `page` of 1 means (TRS's index_1.html is the second page)."""

    def match(self, path: str, query: dict[str, str]) -> re.Match[str] | None:
        found = self.path.search(path)
        if found is None:
            return None
        if any(not query.get(key, "").isdigit() for key in self.query):
            return None
        if any(query.get(key) != value for key, value in self.values):
            return None
        return found


@dataclass(frozen=True)
class Scheme:
    """A CMS's article and listing URLs."""

    name: str
    articles: tuple[Rule, ...]
    listings: tuple[Rule, ...]

    def article_id(self, path: str, query: dict[str, str]) -> tuple[str, int] | None:
        """The article's id (or permalink) and the number of the URL form it takes, when the
        URL is one of this CMS's article forms."""
        for number, rule in enumerate(self.articles):
            found = rule.match(path, query)
            if found is not None:
                if "id" in found.re.groupindex and found.group("id"):
                    return found.group("id"), number
                return (query[rule.query[0]] if rule.query else found.group(0)), number
        return None

    def listing(self, path: str, query: dict[str, str]) -> tuple[Rule, re.Match[str]] | None:
        for rule in self.listings:
            found = rule.match(path, query)
            if found is not None:
                return rule, found
        return None


def _re(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


_SCRIPT = _re(r"^/?$|\.php$")
_HTML = r"\.s?html?$"

ZBLOG = Scheme(
    "zblog",
    articles=(Rule(_re(r"/post/(?P<id>\d+)\.html?$")), Rule(_SCRIPT, ("id",))),
    # The home page and the categories page through every article; tag, author and date
    # archives only list those articles again, so the crawl leaves them alone.
    listings=(
        Rule(_re(r"^/(?:index\.php/?)?(?P<pg>page_(?P<page>\d+)\.html?)?$")),
        Rule(_re(r"/category-[\w%-]+?(?P<pg>_(?P<page>\d+))?\.html?$")),
        Rule(_SCRIPT, ("cate",)),
        Rule(_SCRIPT, ("page",)),
    ),
)
DEDECMS = Scheme(
    "dedecms",
    articles=(
        Rule(_re(r"/(?:19|20)\d{2}/?[01]\d[0-3]\d/(?P<id>\d+)" + _HTML)),
        Rule(_re(r"/plus/view\.php$"), ("aid",)),
    ),
    listings=(
        Rule(_re(r"/list_\d+(?P<pg>_(?P<page>\d+))" + _HTML)),
        Rule(_re(r"/plus/list\.php$"), ("tid",)),
    ),
)
PHPCMS = Scheme(
    "phpcms",
    articles=(
        Rule(_SCRIPT, ("id",), (("m", "content"), ("a", "show"))),
        Rule(_re(r"/show-\d+-(?P<id>\d+)-\d+" + _HTML)),
    ),
    listings=(
        Rule(_SCRIPT, ("catid",), (("m", "content"), ("a", "lists"))),
        Rule(_re(r"/list-\d+(?P<pg>-(?P<page>\d+))?" + _HTML)),
    ),
)
WORDPRESS = Scheme(
    "wordpress",
    articles=(
        Rule(_SCRIPT, ("p",)),
        Rule(_re(r"^(?:/[\w%-]+)?/(?:19|20)\d{2}/[01]?\d/(?:[0-3]?\d/)?[^/?#]*[^\W\d][^/]*/?$")),
        Rule(_re(r"/archives/(?P<id>\d+)(?:\.html?)?/?$")),
    ),
    listings=(
        Rule(_re(r"/category/[^/]+/?(?P<pg>page/(?P<page>\d+)/?)?$")),
        Rule(_re(r"^/(?P<pg>page/(?P<page>\d+)/?)$")),
        Rule(_SCRIPT, ("cat",)),
        Rule(_SCRIPT, ("paged",)),
    ),
)
GOVERNMENT = Scheme(
    "gov",
    articles=(
        # Hanweb and VSB: /art/2023/5/24/art_123_456.html, /info/1234/5678.htm
        Rule(_re(r"/art/\d{4}/\d{1,2}/\d{1,2}/art_\d+_(?P<id>\d+)" + _HTML)),
        Rule(_re(r"/info/\d+/(?P<id>\d+)" + _HTML)),
        # TRS: …/202305/t20230524_123456.html
        Rule(_re(r"/t(?:19|20)\d{6}_(?P<id>\d+)" + _HTML)),
        # Many others: …/content_123456.html
        Rule(_re(r"/content_(?P<id>\d+)" + _HTML)),
    ),
    listings=(
        Rule(_re(r"/col/col\d+/(?:index" + _HTML + ")?$")),
        Rule(_re(r"/index(?P<pg>_(?P<page>\d+))?" + _HTML), page_base=2),
    ),
)

SCHEMES: dict[str, Scheme] = {  # the most specific first
    scheme.name: scheme for scheme in (PHPCMS, DEDECMS, GOVERNMENT, ZBLOG, WORDPRESS)
}
PAGE_QUERIES = frozenset({"page", "pagenum", "paged", "pageno", "pageindex", "pn"})
"""Query keys that carry a listing's page number (any case: DedeCMS writes PageNo)."""
_ASSET = _re(
    r"\.(?:jpe?g|png|gif|bmp|webp|svg|ico|css|js|pdf|docx?|xlsx?|pptx?|zip|rar|7z|mp4|mp3)$"
)
_TAGS = _re(r"/(?:index\.php/)?(?:tags?|author|date)[-_/]")


def is_page(url: str) -> bool:
    """Whether a URL may be a page of the site: no file or image, no tag/author/date archive."""
    path = urlsplit(url).path
    return not _ASSET.search(path) and not _TAGS.search(path)


def _parts(url: str) -> tuple[str, dict[str, str]]:
    parts = urlsplit(url)
    return parts.path or "/", dict(parse_qsl(parts.query))


def _schemes(names: tuple[str, ...] | None) -> list[Scheme]:
    return list(SCHEMES.values()) if not names else [SCHEMES[name] for name in names]


def classify(url: str, schemes: tuple[str, ...] | None = None) -> Kind:
    """What a same-site URL points to, by the CMS schemes (default: all of them)."""
    return _classify(url, schemes)[0]


def article_key(url: str, schemes: tuple[str, ...] | None = None) -> str | None:
    """One article's identity whatever form its URL takes (`zblog:7550` for /post/7550.html and
    ?id=7550 alike), or None when the URL is no article."""
    found = article_form(url, schemes)
    return found[0] if found is not None else None


def article_form(url: str, schemes: tuple[str, ...] | None = None) -> tuple[str, str] | None:
    """(the article's key, the URL form it takes: `zblog#0` for /post/….html, `zblog#1` for
    ?id=…), or None when the URL is no article."""
    kind, scheme, found = _classify(url, schemes)
    if kind is not Kind.ARTICLE or found is None:
        return None
    value, number = found
    return f"{scheme}:{value}", f"{scheme}#{number}"


def _classify(url: str, names: tuple[str, ...] | None) -> tuple[Kind, str, tuple[str, int] | None]:
    path, query = _parts(url)
    if _ASSET.search(path):
        return Kind.OTHER, "", None
    schemes = _schemes(names)
    for scheme in schemes:
        article = scheme.article_id(path, query)
        if article is not None:
            return Kind.ARTICLE, scheme.name, article
    if _TAGS.search(path):
        return Kind.OTHER, "", None
    if any(scheme.listing(path, query) for scheme in schemes):
        return Kind.LISTING, "", None
    return Kind.OTHER, "", None


def _listing(url: str) -> tuple[str, dict[str, str], Rule | None, re.Match[str] | None]:
    path, query = _parts(url)
    for scheme in SCHEMES.values():
        found = scheme.listing(path, query)
        if found is not None:
            return path, query, *found
    return path, query, None, None


def is_home(url: str) -> bool:
    """Whether a same-site URL is the portal's home page (or one of its pages)."""
    path, query = _parts(url)
    if any(key in query for key in ("cate", "catid", "cat", "tid")):
        return False
    home = re.fullmatch(r"/(?:index\.(?:php|s?html?)/?)?(?:page_\d+\.html?|page/\d+/?)?", path)
    return home is not None


def page_number(url: str) -> int:
    """The pagination number a listing URL carries (1 when it carries none)."""
    _, query, rule, found = _listing(url)
    if rule is not None and found is not None and found.groupdict().get("page"):
        return int(found.group("page")) + rule.page_base - 1
    for key, value in query.items():
        if key.lower() in PAGE_QUERIES and value.isdigit():
            return int(value)
    return 1


def listing_key(url: str) -> str:
    """The listing a page belongs to, with its page number taken out."""
    parts = urlsplit(url)
    path, _, rule, found = _listing(url)
    if is_home(url):
        path = "/"
    elif rule is not None and found is not None and found.groupdict().get("pg"):
        path = path[: found.start("pg")] + path[found.end("pg") :]
    query = [(k, v) for k, v in parse_qsl(parts.query) if k.lower() not in PAGE_QUERIES]
    return urlunsplit(("", parts.netloc, path, urlencode(query), ""))
