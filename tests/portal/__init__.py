"""Synthetic replays of 溧阳厂房网 (liyang.021cf.cn): content model, markups, loopback server."""

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
from .render import MARKUPS, NOT_FOUND, Page, render_article, render_site
from .server import ReplayServer

__all__ = [
    "MARKUPS",
    "NOT_FOUND",
    "Article",
    "Category",
    "Page",
    "Portal",
    "ReplayServer",
    "expected_item",
    "expected_items",
    "grow_portal",
    "make_portal",
    "make_seed_portal",
    "render_article",
    "render_site",
]
