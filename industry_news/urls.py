"""A URL's canonical form, and rebasing a portal's links onto a mirror or replay (for what a URL
points to, see `schemes`)."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from w3lib.url import safe_url_string

# Query parameters that only track where a visitor came from.
_TRACKING = re.compile(
    r"^(utm_\w+|spm|from|source|share\w*|ref|referer|timestamp|_t|t|gclid|fbclid|isappinstalled)$",
    re.IGNORECASE,
)


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
