"""Render a `model.Portal` as the pages of a site, in one of several very different markups.

`render_site(portal, "tpure")` returns {path: Page}; `server.ReplayServer` serves them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .model import (
    MARKUP_DATE_FORMAT,
    MARKUP_ENCODING,
    SPECIALS,
    Portal,
    ascii_portal,
    to_ascii,
)
from .theme import (  # noqa: F401  (re-exported: the shared core's public names)
    COPYRIGHT,
    HUGE_BYTES,
    ICP,
    Listing,
    Theme,
    author_path,
    category_path,
    e,
    home_path,
    tag_path,
)
from .themes import (  # noqa: F401
    THEMES,
    Cms,
    Gov,
    Html5,
    Inhouse,
    Legacy,
    Mobile,
    Table,
    Tpure,
    Wordpress,
)

MARKUPS = ("tpure", "table", "html5", "cms", "mobile", "wordpress", "legacy")
"""The markups of the 溧阳厂房网 replays (crawled by the liyang spider in every markup)."""
ALL_MARKUPS = (*MARKUPS, "gov")
"""Every markup, with the government-CMS one (themes/gov.py).

themes/inhouse.py ("inhouse", the home-made CMS of network.custom_replay) is in THEMES only."""
SITE_HOST = "<site host>"
"""Default of render_site's absolute_links_host: the portal's own live host (site.host)."""
NOT_FOUND = "<404>"
"""Key of the themed 404 page in `render_site`'s result (served for unknown paths)."""
ROBOTS = "User-agent: *\nDisallow: /zb_system/\nDisallow: /zb_users/plugin/\nAllow: /\n"
ROBOTS_BY_SCHEME = {
    "zblog": ROBOTS,
    "dedecms": (
        "User-agent: *\nDisallow: /dede/\nDisallow: /include/\nDisallow: /member/\n"
        "Disallow: /plus/search.php\nDisallow: /plus/guestbook.php\nDisallow: /templets/\n"
        "Disallow: /data/\nDisallow: /uploads/\n"
    ),
    "phpcms": (
        "User-agent: *\nDisallow: /caches\nDisallow: /phpcms\nDisallow: /install\n"
        "Disallow: /phpsso_server\nDisallow: /api\nDisallow: /admin.php\n"
    ),
    "wordpress": (
        "User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n\n"
        "Sitemap: {host}/wp-sitemap.xml\n"
    ),
}
"""robots.txt as each CMS ships it (others: none, the server's 404)."""
BROWSER_CODECS = {"gb2312": "gbk"}
"""Python codecs for charset labels as browsers read them (a "gb2312" page is GBK)."""


def codec(charset: str) -> str:
    """The Python codec that decodes a page declaring this charset as a browser would."""
    return BROWSER_CODECS.get(charset.lower(), charset)


@dataclass
class Page:
    """One response: status, body bytes as served, Content-Type and extra headers."""

    status: int
    body: bytes
    content_type: str
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        """The body decoded with the charset of its Content-Type."""
        charset = self.content_type.partition("charset=")[2] or "utf-8"
        return self.body.decode(codec(charset))


SERVER_ERROR = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Z-BlogPHP 错误提示</title></head>
<body><div class="divHeader">错误提示</div>
<p>数据库连接失败 (Error 500)</p><p>文件：zb_system/function/lib/database/mysqli.php</p>
</body></html>
"""


def break_markup(html: str) -> str:
    """Unclosed tags and stray closers, as hand-edited or truncated templates have."""
    for closer in ("</p>", "</li>", "</dd>"):
        html = html.replace(closer, "", 40)
    for marker in ("</h1>", "</h2>", '<font size="3">'):
        html = html.replace(marker, marker + "</div></td></div><b>", 1)
    return html.replace("</body>", "").replace("</html>", "")


def render_site(
    portal: Portal,
    markup: str = "tpure",
    *,
    absolute_links_host: str | None = SITE_HOST,
    encoding: str | None = None,
    specials: dict[int, str] | None = None,
    date_format: str | None = None,
    punct: str = "full",
    body_style: str = "p",
) -> dict[str, Page]:
    """Every page of the site: {path (with query if any): Page}, plus NOT_FOUND's themed 404.

    encoding: the bytes' encoding (default: the markup's own, see model.MARKUP_ENCODING);
    date_format: "relative" or one of model.ABSOLUTE_FORMATS (default: the markup's own);
    punct="ascii" renders the portal with ASCII ：，（）；！？ everywhere (see model.ascii_portal);
    body_style="br" renders tpure article bodies as <br>-separated text inside div.single;
    specials: {article_id: "broken"|"no_body"|"empty"|"404"|"500"|"status"|"huge"};
    absolute_links_host: links are this host + path (default: the portal's live host,
    portal.site.host; None: root-relative links, or relative ones where the markup uses them).

    Paths come from portal.scheme: articles at their canonical path, and (where the scheme
    serves it) at the second form too (`alt_status` 200: the same page; 301: a redirect to the
    canonical path, root-relative). Paths with a query are keys as linked.
    """
    if markup not in THEMES:
        raise ValueError(f"unknown markup {markup!r}; one of {MARKUPS}")
    specials = dict(specials or {})
    for article_id, special in specials.items():
        if special not in SPECIALS:
            raise ValueError(f"unknown special {special!r} for {article_id}")
        portal.article(article_id)
    if punct == "ascii":
        portal = ascii_portal(portal)
    if absolute_links_host == SITE_HOST:
        absolute_links_host = portal.site.host
    encoding = encoding or MARKUP_ENCODING.get(markup, "utf-8")
    theme = THEMES[markup](
        portal, absolute_links_host, encoding, date_format or MARKUP_DATE_FORMAT[markup], body_style
    )
    ctype = f"text/html; charset={theme.charset}"

    def page(html: str, status: int = 200) -> Page:
        if punct == "ascii":
            html = to_ascii(html)
        return Page(status, html.encode(codec(theme.charset), errors="xmlcharrefreplace"), ctype)

    site: dict[str, Page] = {}
    robots = ROBOTS_BY_SCHEME.get(portal.scheme.name)
    if robots is not None:
        robots = robots.replace("{host}", (absolute_links_host or portal.site.host).rstrip("/"))
        site["/robots.txt"] = Page(200, robots.encode(), "text/plain")
    for listing in theme.listings():
        site[listing.path(listing.n)] = page(theme.listing_page(listing))
    for path, html in theme.extra_pages().items():
        site[path] = page(html)
    not_found = page(theme.error_page(), 404)
    site[NOT_FOUND] = not_found
    for article in portal.articles:
        special = specials.get(article.id)
        path = portal.article_path(article)
        if special in ("404", "status"):
            site[path] = not_found
        elif special == "500":
            site[path] = Page(500, SERVER_ERROR.encode(), "text/html; charset=utf-8")
        elif special == "empty":
            site[path] = Page(200, b"", ctype)
        else:
            html = theme.article_page(article, special)
            if special == "broken":
                html = break_markup(html)
            site[path] = page(html)
        alt = portal.alt_path(article) if portal.scheme.serves_alt else None
        if alt:
            if portal.scheme.alt_status == 301:
                moved = Page(301, b"", "text/html; charset=utf-8", {"Location": path})
                site[alt] = moved
            else:
                site[alt] = site[path]
    return site


def render_article(portal: Portal, article_id: int, markup: str = "tpure", **options) -> Page:
    """One article page (options as for `render_site`)."""
    return render_site(portal, markup, **options)[portal.article_path(article_id)]
