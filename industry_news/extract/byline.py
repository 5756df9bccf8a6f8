"""The byline: a credit line opening the body (作者：…, 执笔/…, 文｜…): the author's, not text."""

from __future__ import annotations

import re

_CREDIT = re.compile(
    r"^[【\[(（]?\s*(?:作者|撰文|执笔|文|文/图|图/文|文图|图文)\s*[:：/｜|]\s*(?P<names>[^:：]{1,40}?)"
    r"\s*[】\])）]?$"
)
_NOT_NAMES = re.compile(r"[。！？!?，,；;]")
_OUTLET_AND_ROLE = re.compile(r"^(?:《[^》]{1,20}》)?\s*(?:\S{0,10}?(?:特约记者|记者|通讯员))?\s*")


def byline(line: str) -> str | None:
    """The names a credit line gives (作者：《中国企业家》记者 林涛 → 林涛), or None."""
    match = _CREDIT.match(line)
    if match is None or _NOT_NAMES.search(match["names"]):
        return None
    return _OUTLET_AND_ROLE.sub("", match["names"]) or match["names"]
