"""Log lines that name the page, not the whole item (an item carries its page's HTML)."""

from __future__ import annotations

import logging
from typing import Any

from itemadapter import ItemAdapter
from scrapy import Spider
from scrapy.http import Response
from scrapy.logformatter import LogFormatter, LogFormatterResult
from twisted.python.failure import Failure


def _url(item: Any) -> str:
    return str(ItemAdapter(item).get("url", "?"))


class ConciseLogFormatter(LogFormatter):
    def scraped(
        self, item: Any, response: Response | Failure | None, spider: Spider
    ) -> LogFormatterResult:
        return {"level": logging.DEBUG, "msg": "Archived %(url)s", "args": {"url": _url(item)}}

    def dropped(
        self,
        item: Any,
        exception: BaseException,
        response: Response | Failure | None,
        spider: Spider,
    ) -> LogFormatterResult:
        return {
            "level": logging.WARNING,
            "msg": "Dropped (%(reason)s): %(url)s",
            "args": {"reason": exception, "url": _url(item)},
        }

    def item_error(
        self,
        item: Any,
        exception: BaseException,
        response: Response | Failure | None,
        spider: Spider,
    ) -> LogFormatterResult:
        return {
            "level": logging.ERROR,
            "msg": "Error processing %(url)s",
            "args": {"url": _url(item)},
        }
