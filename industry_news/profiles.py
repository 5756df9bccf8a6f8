"""Site profiles: what one portal of the network pastes around its articles."""

from __future__ import annotations

from dataclasses import dataclass, field

from industry_news.health import HealthRule


@dataclass(frozen=True)
class SiteProfile:
    """One portal's own boilerplate, on top of the generic cleaning rules.

    Patterns are regular expressions searched in one line (block) of text; hotlines are
    compared by their digits only, so any spacing or dashes match.
    """

    name: str
    display_name: str = ""
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


GENERIC = SiteProfile(name="generic")

PROFILES: dict[str, SiteProfile] = {
    "liyang": SiteProfile(
        name="liyang",
        display_name="溧阳厂房网",
        contact_names=("葛毅明",),
        hotlines=("400 0123 021", "13391219793"),
        contact_patterns=(r"产业招商\s*[/／]?\s*厂房土地租售", r"请说明您的需求"),
        copyright_patterns=(
            r"本文由溧阳厂房网发布",
            r"部[份分]内容收集于网络",
            r"如有不妥之处请联系我们删除",
        ),
    ),
    "generic": GENERIC,
}


def get_profile(name: str) -> SiteProfile:
    """The profile of site `name`; an unknown site gets the generic rules under its own name."""
    profile = PROFILES.get(name)
    return profile if profile is not None else SiteProfile(name=name)
