"""Portal profiles: one TOML file per portal (`portals/*.toml`), checked when it is loaded.

A profile names the portal (its spider), where it lives, and what it pastes around its
articles on top of the generic cleaning rules. Adding a portal takes a file, no Python: the
package's own `portals/` folder, and any folder listed in INDUSTRY_NEWS_PROFILES.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field, fields
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from industry_news.health import HealthRule
from industry_news.schemes import SCHEMES
from industry_news.selectors import THEMES

# A Path when installed in a folder; inside the zipped egg Scrapyd runs, a zipfile.Path.
PACKAGE_PROFILES: Traversable = files("industry_news") / "portals"
PROFILES_ENV = "INDUSTRY_NEWS_PROFILES"
"""Extra folders of profile files, separated by the OS path separator (':' on Unix)."""
_NAME = re.compile(r"[a-z][a-z0-9_]*")


class ProfileError(ValueError):
    """A profile file that cannot be used: the message names the file and the key."""

    def __init__(self, path: Path, key: str | None, problem: str) -> None:
        where = f"{path}: key {key!r}" if key else str(path)
        super().__init__(f"{where}: {problem}")
        self.path, self.key = path, key


@dataclass(frozen=True)
class SiteProfile:
    """One portal: where it is, and its own boilerplate on top of the generic cleaning rules.

    Patterns are regular expressions searched in one line (block) of text; hotlines are
    compared by their digits only, so any spacing or dashes match.
    """

    name: str
    display_name: str = ""
    base_url: str = ""
    hosts: tuple[str, ...] = ()
    """Other host names of the portal (www., m.): its links on them are its own."""
    scheme: tuple[str, ...] = ()
    """The URL schemes its links follow (see `schemes`); empty: every known scheme."""
    listings: tuple[str, ...] = ()
    """Listing pages the crawl starts from besides the home page (paths or URLs)."""
    theme: str = ""
    """A theme whose known selectors are tried first (see `selectors.THEMES`); an optimisation."""
    contact_names: tuple[str, ...] = ()
    """People / WeChat account names of the portal's contact block."""
    hotlines: tuple[str, ...] = ()
    contact_patterns: tuple[str, ...] = ()
    """Other lines of the portal's contact block."""
    copyright_patterns: tuple[str, ...] = ()
    """The portal's own copyright wording."""
    whitelist: tuple[str, ...] = ()
    """Paragraphs never removed (compared by their normalised key)."""
    health: HealthRule = field(default_factory=HealthRule)
    """When a crawl run of the portal is unhealthy (see `health`)."""
    source: str = ""
    """The file the profile was read from."""

    @property
    def all_hosts(self) -> tuple[str, ...]:
        """The host of base_url, then the other hosts."""
        host = (urlsplit(self.base_url).hostname or "").lower()
        return (host, *self.hosts) if host else self.hosts


GENERIC = SiteProfile(name="generic")
_LISTS = {"hosts", "scheme", "listings", "contact_names", "hotlines"} | {
    "contact_patterns",
    "copyright_patterns",
    "whitelist",
}
_PATTERNS = ("contact_patterns", "copyright_patterns")
_KEYS = {f.name for f in fields(SiteProfile)} - {"source"}
_HEALTH_KEYS = {f.name: f.type for f in fields(HealthRule)}


def load_profile(path: Traversable) -> SiteProfile:
    """The profile in a TOML file; ProfileError names the file and the key that is wrong."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise ProfileError(path, None, f"cannot be read ({error})") from None
    except tomllib.TOMLDecodeError as error:
        raise ProfileError(path, None, f"is not valid TOML ({error})") from None
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key not in _KEYS:
            raise ProfileError(path, key, f"unknown key (known: {', '.join(sorted(_KEYS))})")
        values[key] = _value(path, key, value)
    name = values.get("name")
    if name is None:
        raise ProfileError(path, "name", "missing (the spider's name)")
    if not _NAME.fullmatch(name):
        raise ProfileError(path, "name", f"{name!r} is not a spider name (a-z, 0-9, _)")
    if "base_url" not in values:
        raise ProfileError(path, "base_url", "missing (the portal's home page)")
    return SiteProfile(**values, source=str(path))


def _value(path: Path, key: str, value: Any) -> Any:
    if key == "health":
        return _health(path, value)
    if key in _LISTS:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ProfileError(path, key, "must be a list of strings")
        for item in value:
            _check(path, key, item)
        return tuple(value)
    if not isinstance(value, str):
        raise ProfileError(path, key, "must be a string")
    _check(path, key, value)
    return value


def _check(path: Path, key: str, value: str) -> None:
    if key in _PATTERNS:
        try:
            re.compile(value)
        except re.error as error:
            raise ProfileError(path, key, f"bad regular expression {value!r} ({error})") from None
    elif key == "base_url":
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ProfileError(path, key, f"{value!r} is not an http(s) URL")
    elif key == "scheme" and value not in SCHEMES:
        raise ProfileError(path, key, f"unknown scheme {value!r} (known: {', '.join(SCHEMES)})")
    elif key == "theme" and value not in THEMES:
        raise ProfileError(path, key, f"unknown theme {value!r} (known: {', '.join(THEMES)})")
    elif key == "hosts" and not re.fullmatch(r"[a-z0-9.-]+(?::\d+)?", value):
        raise ProfileError(path, key, f"{value!r} is not a host name")


def _health(path: Path, value: Any) -> HealthRule:
    if not isinstance(value, dict):
        raise ProfileError(path, "health", "must be a table of health limits")
    limits: dict[str, float | int] = {}
    for key, limit in value.items():
        if key not in _HEALTH_KEYS:
            raise ProfileError(path, f"health.{key}", "unknown key")
        whole = _HEALTH_KEYS[key] == "int"
        kind = int if whole else (int, float)
        if isinstance(limit, bool) or not isinstance(limit, kind) or limit < 0:
            noun = "whole number" if whole else "number"
            raise ProfileError(path, f"health.{key}", f"must be a non-negative {noun}")
        limits[key] = limit
    return HealthRule(**limits)


def profile_dirs() -> list[Traversable]:
    """Where profiles are read from: the package's folder, then INDUSTRY_NEWS_PROFILES."""
    extra = os.environ.get(PROFILES_ENV, "")
    return [PACKAGE_PROFILES, *(Path(p) for p in extra.split(os.pathsep) if p)]


@dataclass(frozen=True)
class Profiles:
    """Every profile found, and the files that could not be used."""

    profiles: dict[str, SiteProfile]
    errors: dict[str, ProfileError]
    """By the name the file would give (its stem)."""


def load_profiles(dirs: list[Traversable] | None = None) -> Profiles:
    """Every profile file of the folders; a broken file is kept as its error, not raised."""
    profiles: dict[str, SiteProfile] = {}
    errors: dict[str, ProfileError] = {}
    for folder in profile_dirs() if dirs is None else dirs:
        for path in sorted(_toml_files(folder), key=lambda p: p.name):
            try:
                profile = load_profile(path)
            except ProfileError as error:
                errors[path.stem] = error
                continue
            if profile.name in profiles:
                first = profiles[profile.name].source
                errors[profile.name] = ProfileError(path, "name", f"already used by {first}")
                continue
            profiles[profile.name] = profile
    return Profiles(profiles, errors)


def _toml_files(folder: Traversable) -> Iterator[Traversable]:
    """The folder's *.toml files (a folder inside a zip has no glob); none if it is missing."""
    if folder.is_dir():
        yield from (p for p in folder.iterdir() if p.name.endswith(".toml"))


@cache
def _loaded(dirs: tuple[Traversable, ...]) -> Profiles:
    return load_profiles(list(dirs))


def all_profiles() -> Profiles:
    """The profiles of `profile_dirs()` (read once per process)."""
    return _loaded(tuple(profile_dirs()))


def get_profile(name: str) -> SiteProfile:
    """The profile of site `name`; a site without one gets the generic rules under its name."""
    profile = all_profiles().profiles.get(name)
    return profile if profile is not None else SiteProfile(name=name)
