"""Synthetic replays of 溧阳厂房网 (liyang.021cf.cn) and of other portals: content model, site
identities (sites), URL schemes (schemes), markups, loopback server, the six network replays
and the custom (in-house CMS) replay."""

from .model import (
    Article,
    Category,
    Portal,
    expected_item,
    expected_items,
    grow_portal,
    make_portal,
    make_seed_portal,
)
from .network import Replay, custom_replay, network_replays, shared_stories
from .render import ALL_MARKUPS, MARKUPS, NOT_FOUND, Page, render_article, render_site
from .schemes import SCHEMES, Scheme
from .server import ReplayServer
from .sites import SITES, Site

__all__ = [
    "ALL_MARKUPS",
    "MARKUPS",
    "NOT_FOUND",
    "SCHEMES",
    "SITES",
    "Article",
    "Category",
    "Page",
    "Portal",
    "Replay",
    "ReplayServer",
    "Scheme",
    "Site",
    "custom_replay",
    "expected_item",
    "expected_items",
    "grow_portal",
    "make_portal",
    "make_seed_portal",
    "network_replays",
    "render_article",
    "render_site",
    "shared_stories",
]
