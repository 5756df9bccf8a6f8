"""The markups, one `theme.Theme` subclass a module; THEMES maps each markup name to its class."""

from __future__ import annotations

from ..theme import Theme
from .cms import Cms
from .gov import Gov
from .html5 import Html5
from .inhouse import Inhouse
from .legacy import Legacy
from .mobile import Mobile
from .table import Table
from .tpure import Tpure
from .wordpress import Wordpress

THEMES: dict[str, type[Theme]] = {
    "tpure": Tpure,
    "table": Table,
    "html5": Html5,
    "cms": Cms,
    "mobile": Mobile,
    "wordpress": Wordpress,
    "legacy": Legacy,
    "gov": Gov,
    "inhouse": Inhouse,
}

__all__ = [
    "THEMES",
    "Cms",
    "Gov",
    "Html5",
    "Inhouse",
    "Legacy",
    "Mobile",
    "Table",
    "Tpure",
    "Wordpress",
]
