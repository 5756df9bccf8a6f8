"""The base of every markup: `Theme` (links, dates, body segments, site structure), paths, `Listing`.

Each markup subclasses `Theme` in its own module under `themes/`; `render.render_site` drives them.
A theme takes its paths from the portal's scheme (`self.post_path`, `self.category_path` …, None
where the CMS has no such page: the markup then omits the link) and its furniture from the
portal's site (`self.site`). The module-level path functions are Z-BlogPHP's (the default).
"""

from __future__ import annotations

import base64
import random
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from math import ceil

from .model import (
    RELATIVE,
    SHANGHAI,
    Article,
    Portal,
    excerpt,
    php_date,
    relative_parts,
)
from .sites import LIYANG

COPYRIGHT = LIYANG.copyright
ICP = LIYANG.icp
HUGE_BYTES = 5_000_000


def e(text: object) -> str:
    """HTML-escape text and attribute values."""
    return escape(str(text), quote=True)


def category_path(category_id: int, n: int = 1) -> str:
    """A category listing page's path."""
    return (
        f"/index.php/category-{category_id}.html"
        if n == 1
        else (f"/index.php/category-{category_id}_{n}.html")
    )


def home_path(n: int = 1) -> str:
    """A home listing page's path."""
    return "/" if n == 1 else f"/index.php/page_{n}.html"


def tag_path(tag_id: int, n: int = 1) -> str:
    """A tag listing page's path."""
    return f"/index.php/tags-{tag_id}.html" if n == 1 else f"/index.php/tags-{tag_id}_{n}.html"


def author_path(author_id: int, n: int = 1) -> str:
    """An author listing page's path."""
    return (
        f"/index.php/author-{author_id}.html"
        if n == 1
        else f"/index.php/author-{author_id}_{n}.html"
    )


@dataclass
class Listing:
    """One page of a listing."""

    heading: str  # "" for the home page
    crumb: str  # the category/tag name shown in the breadcrumb
    articles: list[Article]
    n: int
    pages: int
    path: Callable[[int], str]


class Theme:
    """What all markups share: links, dates, body segments, site structure."""

    name = ""
    charset_meta = '<meta charset="{charset}">'
    declares_gb2312 = False
    """Whether a "gb2312" encoding is declared as such (else as "gbk"); browsers read both as GBK."""

    def __init__(
        self,
        portal: Portal,
        host: str | None,
        encoding: str,
        date_format: str,
        body_style: str,
    ) -> None:
        self.portal = portal
        self.site = portal.site
        self.scheme = portal.scheme
        self.host = host.rstrip("/") if host else ""
        self.encoding = encoding
        self.charset = "gbk" if encoding.lower() in ("gbk", "gb2312", "gb18030") else "utf-8"
        if self.declares_gb2312 and encoding.lower() == "gb2312":
            self.charset = "gb2312"
        self.date_format = date_format
        self.body_style = body_style
        self.newest = portal.newest_first()
        authors = sorted({a.author for a in portal.articles}, key=lambda a: (a != "admin", a))
        self.author_ids = {name: k + 1 for k, name in enumerate(authors)}

    # ---- helpers
    def href(self, path: str) -> str:
        return e(self.host + path)

    def post_path(self, article: Article) -> str:
        """The article's canonical path."""
        return self.portal.article_path(article)

    def post(self, article: Article) -> str:
        return self.href(self.post_path(article))

    def hot_post(self, article: Article) -> str:
        """The article's link in hot/ranking lists (the scheme's second form if it says so)."""
        alt = self.portal.alt_path(article)
        if self.scheme.alt_linked == "hot" and alt:
            return self.href(alt)
        return self.post(article)

    def short_link(self, article: Article) -> str | None:
        """The article's short link shown on its page (None: the scheme has none)."""
        alt = self.portal.alt_path(article)
        return self.href(alt) if self.scheme.alt_linked == "short" and alt else None

    @property
    def linked_tags(self) -> list:
        """The tags the pages show (none where the CMS has no tag pages)."""
        return list(self.portal.tags) if self.scheme.has_tags else []

    def home_path(self, n: int = 1) -> str:
        return self.scheme.home_path(n) or "/"

    def category_path(self, category_id: int, n: int = 1) -> str:
        return self.scheme.category_path(self.portal.category(category_id), n)

    def tag_path(self, tag_id: int, n: int = 1) -> str | None:
        """A tag listing's path (None: the CMS has no tag pages)."""
        if not self.scheme.has_tags:
            return None
        tag = next(t for t in self.portal.tags if t.id == tag_id)
        return self.scheme.tag_path(tag, n)

    def author_path(self, author: str, n: int = 1) -> str | None:
        """An author listing's path (None: the CMS has no author pages)."""
        if not self.scheme.has_authors:
            return None
        return self.scheme.author_path(self.author_ids[author], author, n)

    def date_parts(self, article: Article) -> tuple[str, str]:
        if self.date_format == RELATIVE:
            return relative_parts(article.published_at, self.portal.rendered_at)
        return php_date(article.published_at, self.date_format), ""

    def date(self, article: Article) -> str:
        text, hint = self.date_parts(article)
        return text + hint

    def cat_name(self, article: Article) -> str:
        return self.portal.category(article.category_id).name

    def cat_href(self, article: Article) -> str:
        return self.href(self.category_path(article.category_id))

    def hot(self) -> list[Article]:
        return sorted(self.portal.articles, key=lambda a: (-a.views, a.id))[:6]

    def prev_next(self, article: Article) -> tuple[Article | None, Article | None]:
        """(older, newer) neighbours in publication order."""
        order = self.newest[::-1]
        k = order.index(article)
        return (order[k - 1] if k else None, order[k + 1] if k + 1 < len(order) else None)

    def segments(self, article: Article) -> list[tuple[str, list[str]]]:
        """The body in page order: ("orig"|"p"|"contact"|"block", lines)."""
        out: list[tuple[str, list[str]]] = []
        if article.original_title:
            out.append(("orig", [article.original_title]))
        contact = self.site.contact_block[0] if self.site.contact_qr else None
        blocks = [
            ("contact" if block and block[0] == contact else "block", list(block))
            for block in article.boilerplate
        ]
        at = len(article.paragraphs) if article.boilerplate_at is None else article.boilerplate_at
        for k, paragraph in enumerate(article.paragraphs):
            if k == at:
                out += blocks
            out.append(("p", [paragraph]))
        if at >= len(article.paragraphs):
            out += blocks
        return out

    def describe(self, article: Article, special: str | None) -> str:
        """The page's meta description: the start of the excerpt (none without a body)."""
        return "" if special == "no_body" else excerpt(article)[:80]

    def qr(self) -> str:
        return self.href(self.site.contact_qr or "")

    def thumb(self, article: Article) -> str:
        day = article.published_at.astimezone(SHANGHAI)
        return self.href(f"/zb_users/upload/{day:%Y/%m}/{day:%Y%m%d}{article.id % 1000:03d}.jpg")

    # ---- site
    def listings(self) -> list[Listing]:
        per = self.portal.per_page
        home = self.newest if self.scheme.home_paged else self.newest[:per]
        groups: list[tuple[str, str, list[Article], Callable[[int], str]]] = [
            ("", "", home, self.home_path)
        ]
        for c in self.portal.categories:
            items = [a for a in self.newest if a.category_id == c.id]
            groups.append((c.name, c.name, items, lambda n, c=c: self.category_path(c.id, n)))
        if self.scheme.has_tags:
            for t in self.portal.tags:
                items = [a for a in self.newest if t.id in a.tag_ids]
                path = lambda n, t=t: self.tag_path(t.id, n) or ""  # noqa: E731
                groups.append((f"标签：{t.name}", t.name, items, path))
        if self.scheme.has_authors:
            for name in self.author_ids:
                items = [a for a in self.newest if a.author == name]
                path = lambda n, name=name: self.author_path(name, n) or ""  # noqa: E731
                groups.append((f"作者：{name}", name, items, path))
        out = []
        for heading, crumb, items, path in groups:
            pages = max(1, ceil(len(items) / per))
            for n in range(1, pages + 1):
                chunk = items[(n - 1) * per : n * per]
                out.append(Listing(heading, crumb, chunk, n, pages, path))
        return out

    def page_numbers(self, listing: Listing) -> list[int]:
        lo = max(1, min(listing.n - 4, listing.pages - 9))
        return list(range(lo, min(listing.pages, lo + 9) + 1))

    # ---- to override
    def layout(self, title: str, main: str, *, description: str = "") -> str:
        raise NotImplementedError

    def listing_page(self, listing: Listing) -> str:
        raise NotImplementedError

    def article_page(self, article: Article, special: str | None) -> str:
        raise NotImplementedError

    def error_page(self) -> str:
        raise NotImplementedError

    def extra_pages(self) -> dict[str, str]:
        """{path: html} of the site's pages that are neither listings nor articles (single
        pages such as 园区概况); none unless a markup has them."""
        return {}

    # ---- huge pages
    def huge_filler(self, article: Article) -> tuple[str, str]:
        """(an inline base64 image for the body, a giant comment list) of about 5 MB together."""
        rng = random.Random(article.id)
        data = base64.b64encode(rng.randbytes(900_000)).decode("ascii")
        image = f'<p><img src="data:image/jpeg;base64,{data}" alt="现场图片"/></p>'
        rows = []
        size = len(image)
        k = 0
        while size < HUGE_BYTES:
            k += 1
            text = (
                f"第{k}楼：请问溧阳{rng.choice(('高新区', '中关村', '天目湖'))}还有厂房出租吗？"
                f"我们需要{rng.randint(500, 9000)}平方米，层高8米以上，行车10吨。"
            )
            row = self.comment_html(f"网友{rng.randint(1000, 99999)}", text, "3天前")
            rows.append(row)
            size += len(row.encode("utf-8"))
        return image, "".join(rows)

    def comment_html(self, name: str, text: str, when: str) -> str:
        raise NotImplementedError

    # ---- article pages
    huge_image_after_first_paragraph = False
    """Whether a huge page's inline image follows the body's first </p> (else it ends the body)."""

    def comment_when(self, article: Article, k: int) -> str:
        """When the k-th comment (from 0) on the article was written, as the markup shows it."""
        return "2天前"

    def body_and_comments(self, article: Article, special: str | None) -> tuple[str, str]:
        """The article's body and comment list HTML (none of the body for "no_body"; "huge" adds
        `huge_filler`'s image to the body and its comments to the list)."""
        body = "" if special == "no_body" else self.body_html(article)
        comments = "".join(
            self.comment_html(name, text, self.comment_when(article, k))
            for k, (name, text) in enumerate(article.comments)
        )
        if special == "huge":
            image, giant = self.huge_filler(article)
            if self.huge_image_after_first_paragraph and "</p>" in body:
                body = body.replace("</p>", "</p>" + image, 1)
            else:
                body += image
            comments += giant
        return body, comments

    def body_html(self, article: Article) -> str:
        raise NotImplementedError
