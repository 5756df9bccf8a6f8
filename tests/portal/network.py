"""The six replays the acceptance crawl puts into one archive (`network_replays`).

| key                 | spider  | scheme            | markup    | articles | links             |
|---------------------|---------|-------------------|-----------|----------|-------------------|
| liyang              | liyang  | zblog             | tpure     | 16       | absolute, live    |
| wuxi                | wuxi    | zblog (+ /?id=)   | tpure     | 15       | absolute, live    |
| www.jtcfzs.cn       | portal  | dedecms (GBK)     | cms       | 14       | root-relative     |
| www.czinvest.org.cn | portal  | phpcms            | table (1) | 13       | absolute, live    |
| www.yrdpark.com.cn  | portal  | wordpress         | wordpress | 17       | absolute, live    |
| www.jtkfq.gov.cn    | portal  | trs (gov)         | gov       | 18       | relative (./ ../) |

"absolute, live": hrefs carry the portal's live host (Replay.host), which a crawl of the
loopback replay must map onto its base URL. Every replay has 2 categories, 5 entries a listing
page. (1) dates as Y-m-d H:i:s (DATE_FORMATS). `SHARED` names the two portals that carry the same stories (`shared_stories`).

`custom_replay` is a seventh portal, apart from the six: zs.jrkfq.cn, an in-house ASP.NET
site (scheme INHOUSE, markup "inhouse", UTF-8, root-relative links, 14 articles) whose URLs
follow no known CMS: /News/Detail/{id}, /News/List/{slug}[?pageIndex=n].
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime

from .model import Article, Portal, expected_items, make_portal
from .render import Page, render_site
from .schemes import (
    DEDECMS,
    GOV,
    INHOUSE,
    PHPCMS,
    WORDPRESS,
    ZBLOG,
    ZBLOG_DYNAMIC_HOT,
    Scheme,
)
from .sites import (
    CZ_PHPCMS,
    JINTAN_DEDE,
    JTKFQ_GOV,
    JURONG_INHOUSE,
    LIYANG,
    WUXI,
    YRD_WORDPRESS,
    Site,
)

SHARED = (LIYANG.key, JINTAN_DEDE.key)
"""The two portals carrying the same stories (same genuine paragraphs; one title changed)."""
SHARED_COUNT = 3
SEED = 21
HOT = 6
"""Length of the hot lists (theme.Theme.hot) that link by a scheme's second URL form."""


@dataclass
class Replay:
    """One portal as the acceptance crawl meets it."""

    key: str
    """The archive's `site` value for its articles."""
    spider: str
    """The spider that crawls it ("liyang", "wuxi" or the generic "portal")."""
    site: Site
    scheme: Scheme
    markup: str
    portal: Portal
    pages: dict[str, Page]
    links_host: str | None
    """What the pages' hrefs start with (None: root-relative or relative links)."""
    shared: list[tuple[int, int]] = field(default_factory=list)
    """(this portal's article id, the other SHARED portal's article id) of shared stories."""
    date_format: str | None = None
    """The pages' date setting (None: the markup's own, model.MARKUP_DATE_FORMAT)."""

    @property
    def host(self) -> str:
        """The portal's live base URL (the host its absolute links name)."""
        return self.site.host

    @property
    def encoding(self) -> str:
        page = self.pages["/"]
        return page.content_type.partition("charset=")[2]

    def expected_items(self, base_url: str) -> dict[str, dict]:
        """What the archive must hold, by URL, for this replay served at base_url."""
        return expected_items(
            self.portal, base_url, markup=self.markup, date_format=self.date_format
        )

    def article_paths(self) -> dict[int, str]:
        """Canonical path of every article, by id."""
        return {a.id: self.portal.article_path(a) for a in self.portal.articles}

    def alt_paths(self) -> dict[str, str]:
        """{second URL form: canonical path} for every article served under two forms."""
        if not self.scheme.serves_alt:
            return {}
        out = {}
        for a in self.portal.articles:
            alt = self.portal.alt_path(a)
            if alt:
                out[alt] = self.portal.article_path(a)
        return out

    def linked_alt_paths(self) -> dict[str, str]:
        """{second form: canonical path} of the articles some page links by the second form
        (hot lists link the HOT most viewed; a short link is on every article page)."""
        alts = self.alt_paths()
        if self.scheme.alt_linked == "hot":
            hot = sorted(self.portal.articles, key=lambda a: (-a.views, a.id))[:HOT]
            keep = {self.portal.article_path(a) for a in hot}
            return {alt: path for alt, path in alts.items() if path in keep}
        return alts


def _texts(portal: Portal) -> set[str]:
    return {a.title for a in portal.articles} | {p for a in portal.articles for p in a.paragraphs}


def _copy_story(target: Article, source: Article, retitle: bool) -> Article:
    """target carrying source's story: same genuine paragraphs; a changed title (with the
    source's title as 原标题) if retitle, else the same title and no 原标题."""
    title = f"{source.title}（转载）" if retitle else source.title
    return replace(
        target,
        title=title,
        original_title=source.title if retitle else "",
        paragraphs=list(source.paragraphs),
    )


def share_stories(source: Portal, target: Portal, k: int = SHARED_COUNT) -> tuple[Portal, list]:
    """target with k of source's stories replacing k of its own; [(target id, source id)]."""
    donors = source.newest_first()[1::4][:k]
    hosts = target.newest_first()[2::4][:k]
    if len(donors) < k or len(hosts) < k:
        raise ValueError("portals too small to share stories")
    pairs = list(zip((h.id for h in hosts), (d.id for d in donors), strict=True))
    by_id = dict(pairs)
    first = pairs[0][0]  # exactly one copy is retitled
    articles = [
        _copy_story(a, source.article(by_id[a.id]), retitle=a.id == first) if a.id in by_id else a
        for a in target.articles
    ]
    return replace(target, articles=articles), pairs


def _plain(portal: Portal) -> Portal:
    """A government site's documents: no 原标题 line, no visitor comments."""
    return replace(
        portal, articles=[replace(a, original_title="", comments=[]) for a in portal.articles]
    )


PLAN = (
    # site, spider, scheme, markup, articles, links host
    (LIYANG, "liyang", ZBLOG, "tpure", 16, LIYANG.host),
    (WUXI, "wuxi", ZBLOG_DYNAMIC_HOT, "tpure", 15, WUXI.host),
    (JINTAN_DEDE, "portal", DEDECMS, "cms", 14, None),
    (CZ_PHPCMS, "portal", PHPCMS, "table", 13, CZ_PHPCMS.host),
    (YRD_WORDPRESS, "portal", WORDPRESS, "wordpress", 17, YRD_WORDPRESS.host),
    (JTKFQ_GOV, "portal", GOV, "gov", 18, None),
)
DATE_FORMATS = {CZ_PHPCMS.key: "Y-m-d H:i:s"}
"""Date settings other than the markup's own (PHPCMS prints its inputtime in full)."""


def network_portals(rendered_at: datetime) -> dict[str, Portal]:
    """The six portals (content only), by key; no story repeats across them except SHARED's."""
    portals: dict[str, Portal] = {}
    taken: set[str] = set()
    for site, _, scheme, _, n, _ in PLAN:
        portal = make_portal(
            n,
            seed=SEED,
            rendered_at=rendered_at,
            per_page=5,
            categories=2,
            site=site,
            scheme=scheme,
            avoid_texts=frozenset(taken),
        )
        if site is JTKFQ_GOV:
            portal = _plain(portal)
        taken |= _texts(portal)
        portals[site.key] = portal
    return portals


def network_replays(rendered_at: datetime) -> list[Replay]:
    """The six replays, rendered at rendered_at (serve them with ReplayServer(date_header=…)).

    liyang and www.jtcfzs.cn share SHARED_COUNT stories: Replay.shared pairs their ids.
    """
    portals = network_portals(rendered_at)
    source_key, target_key = SHARED
    portals[target_key], pairs = share_stories(portals[source_key], portals[target_key])
    out = []
    for site, spider, scheme, markup, _, links_host in PLAN:
        portal = portals[site.key]
        shared: list[tuple[int, int]] = []
        if site.key == target_key:
            shared = list(pairs)
        elif site.key == source_key:
            shared = [(s, t) for t, s in pairs]
        fmt = DATE_FORMATS.get(site.key)
        pages = render_site(portal, markup, absolute_links_host=links_host, date_format=fmt)
        out.append(
            Replay(site.key, spider, site, scheme, markup, portal, pages, links_host, shared, fmt)
        )
    return out


def shared_stories(replays: list[Replay]) -> list[tuple[Article, Article]]:
    """(liyang article, www.jtcfzs.cn article) pairs carrying the same story."""
    by_key = {r.key: r for r in replays}
    source, target = by_key[SHARED[0]], by_key[SHARED[1]]
    return [(source.portal.article(s), target.portal.article(t)) for s, t in source.shared]


CUSTOM_ARTICLES = 14


def custom_replay(rendered_at: datetime) -> Replay:
    """The in-house CMS portal (zs.jrkfq.cn, spider "portal"), rendered at rendered_at.

    Its stories are none of the six network portals'; it takes no comments. Besides listings
    and articles it serves two dateless single pages its menu links (/About/Index 园区概况,
    /About/Contact 联系我们): they are not articles, and not in `expected_items`.
    """
    site = JURONG_INHOUSE
    taken: set[str] = set()
    for other in network_portals(rendered_at).values():
        taken |= _texts(other)
    portal = make_portal(
        CUSTOM_ARTICLES,
        seed=SEED,
        rendered_at=rendered_at,
        per_page=5,
        categories=2,
        site=site,
        scheme=INHOUSE,
        avoid_texts=frozenset(taken),
    )
    portal = replace(portal, articles=[replace(a, comments=[]) for a in portal.articles])
    pages = render_site(portal, "inhouse", absolute_links_host=None)
    return Replay(site.key, "portal", site, INHOUSE, "inhouse", portal, pages, None)
