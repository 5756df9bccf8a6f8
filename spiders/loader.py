"""Scrapy's spider loader, plus one spider per portal profile (`industry_news/portals/*.toml`).

A profile file that cannot be used leaves the other spiders working: `scrapy list` names the
file and key that are wrong, and `scrapy crawl` of that spider fails with the same message.
"""

from __future__ import annotations

import logging

from scrapy import Spider
from scrapy.exceptions import UsageError
from scrapy.settings import BaseSettings
from scrapy.spiderloader import SpiderLoader

from industry_news.profiles import SiteProfile, all_profiles
from spiders.portal import PortalCrawl

logger = logging.getLogger(__name__)


def profile_spider(profile: SiteProfile) -> type[PortalCrawl]:
    """The spider class of a portal profile."""
    attributes = {
        "name": profile.name,
        "site": profile.name,
        "portal_url": profile.base_url,
        "portal_hosts": profile.all_hosts,
        "schemes": profile.scheme,
        "start_listings": profile.listings,
        "theme": profile.theme,
        "__doc__": f"{profile.display_name or profile.name} ({profile.base_url}), from "
        f"{profile.source}.",
        "__module__": __name__,
    }
    class_name = "".join(part.title() for part in profile.name.split("_")) + "Spider"
    return type(class_name, (PortalCrawl,), attributes)


class ProfileSpiderLoader(SpiderLoader):
    """The project's spiders (SPIDER_MODULES) and one per profile."""

    def __init__(self, settings: BaseSettings) -> None:
        super().__init__(settings)
        found = all_profiles()
        self.broken = found.errors
        for error in found.errors.values():
            logger.error("Profile not loaded: %s", error)
        for name, profile in found.profiles.items():
            if name in self._spiders:
                logger.error("Profile %s: spider %r exists already", profile.source, name)
                continue
            self._spiders[name] = profile_spider(profile)

    def load(self, spider_name: str) -> type[Spider]:
        error = self.broken.get(spider_name)
        if error is not None and spider_name not in self._spiders:
            raise UsageError(f"profile not loaded: {error}", print_help=False)
        return super().load(spider_name)
