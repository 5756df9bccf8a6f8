"""URLs of a Z-BlogPHP portal: what a link points to, its canonical form, rebasing onto a mirror."""

from __future__ import annotations

import re
from enum import Enum
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from w3lib.url import safe_url_string


class Kind(Enum):
    ARTICLE = "article"
    LISTING = "listing"
    OTHER = "other"


# Z-BlogPHP's rewrite rules (index.php/… or rewritten to the root) and its dynamic URLs.
_ARTICLE_PATH = re.compile(r"/post/(\d+)\.html?$")
# Listings that page through every article: the home page and the categories. Tag, author and
# date archives only list those articles again, so the crawl leaves them alone.
_LISTING_PATH = re.compile(
    r"(?:^/(?:index\.php/?)?$)|/(?:page_(\d+)|category-[\w%-]+?(?:_(\d+))?)\.html?$"
)
_HOME_PATH = re.compile(r"/(?:index\.php/?)?(?:page_\d+\.html?)?")
_ARTICLE_QUERY = "id"
_LISTING_QUERIES = ("cate", "page")
_PAGE_QUERY = "page"

# Query parameters that only track where a visitor came from.
_TRACKING = re.compile(
    r"^(utm_\w+|spm|from|source|share\w*|ref|referer|timestamp|_t|t|gclid|fbclid|isappinstalled)$",
    re.IGNORECASE,
)


def _query(url: str) -> dict[str, str]:
    return dict(parse_qsl(urlsplit(url).query))


def classify(url: str) -> Kind:
    """What a same-site URL points to, by the portal's URL scheme."""
    parts = urlsplit(url)
    if _ARTICLE_PATH.search(parts.path):
        return Kind.ARTICLE
    query = _query(url)
    is_script = parts.path in ("", "/") or parts.path.endswith(".php")
    if is_script and query.get(_ARTICLE_QUERY, "").isdigit():
        return Kind.ARTICLE
    if _LISTING_PATH.search(parts.path) and parts.path.count("/post/") == 0:
        return Kind.LISTING
    if is_script and any(key in query for key in _LISTING_QUERIES):
        return Kind.LISTING
    return Kind.OTHER


def is_home(url: str) -> bool:
    """Whether a same-site URL is the portal's home page (or one of its pages)."""
    parts = urlsplit(url)
    return bool(_HOME_PATH.fullmatch(parts.path or "/")) and not _query(url).get("cate")


def page_number(url: str) -> int:
    """The pagination number a listing URL carries (1 when it carries none)."""
    match = _LISTING_PATH.search(urlsplit(url).path)
    if match:
        number = match.group(1) or match.group(2)
        if number:
            return int(number)
    page = _query(url).get(_PAGE_QUERY, "")
    return int(page) if page.isdigit() else 1


def listing_key(url: str) -> str:
    """The listing a page belongs to, with its page number taken out."""
    parts = urlsplit(url)
    if _HOME_PATH.fullmatch(parts.path or "/"):
        path = "/"
    else:
        path = re.sub(r"_\d+(\.html?)$", r"\1", parts.path)
    query = [(k, v) for k, v in parse_qsl(parts.query) if k != _PAGE_QUERY]
    return urlunsplit(("", parts.netloc, path, urlencode(query), ""))


def canonical(url: str) -> str:
    """No fragment, no tracking query, lower-case host, default port dropped, safe-escaped."""
    parts = urlsplit(safe_url_string(url.strip()))
    host = (parts.hostname or "").lower()
    port = parts.port
    default_port = {"http": 80, "https": 443}.get(parts.scheme)
    netloc = host if port in (None, default_port) else f"{host}:{port}"
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query) if not _TRACKING.match(k)])
    return urlunsplit((parts.scheme.lower(), netloc, parts.path or "/", query, ""))


class Rebaser:
    """Maps links of the portal's own hosts onto the base the crawl runs against."""

    def __init__(self, base_url: str, portal_hosts: tuple[str, ...]) -> None:
        base = urlsplit(base_url.rstrip("/"))
        if base.scheme not in ("http", "https") or not base.hostname:
            raise ValueError(f"base_url must be an http(s) URL, got {base_url!r}")
        self.scheme = base.scheme
        self.netloc = base.netloc.lower()
        self.prefix = base.path.rstrip("/")
        self.host = base.hostname.lower()
        self.portal_hosts = {h.lower() for h in portal_hosts}

    def __call__(self, url: str) -> str | None:
        """The URL on the base (canonical), or None when it leaves the site."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            return None
        host = (parts.hostname or "").lower()
        if host not in self.portal_hosts and host != self.host:
            return None
        path = parts.path or "/"
        # A replay mounted under a path: the portal's root-relative links live below it.
        if self.prefix and path != self.prefix and not path.startswith(self.prefix + "/"):
            path = self.prefix + path
        return canonical(urlunsplit((self.scheme, self.netloc, path, parts.query, "")))
