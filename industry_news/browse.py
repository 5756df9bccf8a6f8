"""`industry-news browse`: the archive in Datasette, read-only, with Chinese labels and search.

Datasette serves the SQLite file read-only. The archive's views give it what analysts read:
`article_list` (the articles with Chinese column names, Beijing time and a month, without the
raw HTML) and `related_list` (each related link beside its source and, when archived, its
target). The search box is the canned query `search`, which runs `industry-news search`'s
own ranking through the SQL function `industry_news_search` (`browse_plugin`).
"""

from __future__ import annotations

import argparse
import asyncio
import os
from pathlib import Path
from typing import Any

from industry_news import browse_plugin
from industry_news.errors import CommandError
from industry_news.storage import open_existing, resolve_db_url, sqlite_path

DEFAULT_PORT = 8001

ARTICLE_COLUMNS = {
    "编号": "The article's id in the archive",
    "标题": "Title as the page shows it",
    "站点": "Site: the portal's profile, or its host",
    "分类": "Category (栏目) the page names",
    "发布时间": "Published, Beijing time (the span a relative date allows is in the archive)",
    "日期精度": "How precise the date is: second, minute, day, month",
    "月份": "Month published (Beijing time)",
    "作者": "Author the page names",
    "原标题": "The source's own title (原标题：…), if the page shows one",
    "浏览量": "Views the page showed when crawled",
    "页面日期": "The date exactly as the page showed it (8个月前 (09-24))",
    "网址": "The article's URL",
    "正文": "Body without contact blocks, copyright notices and pasted footers",
    "抓取时间": "When it was last crawled (Beijing time)",
}
RELATED_COLUMNS = {
    "来源编号": "The article whose 相关文章 block holds the link",
    "来源标题": "Its title",
    "位置": "Position in the block (from 0)",
    "目标标题": "The linked title as the block shows it",
    "目标网址": "The linked URL",
    "目标编号": "The linked article's id, if it is archived",
}


def metadata(database: str) -> dict[str, Any]:
    """Datasette's metadata: labels, descriptions, facets, hidden tables, canned queries."""
    return {
        "title": "industry-news 档案",
        "description": "Chinese regional industrial-policy news, as archived by industry-news.",
        "databases": {
            database: {
                "tables": {
                    "article_list": {
                        "title": "文章",
                        "description": "Every archived article (raw HTML is not shown).",
                        "columns": ARTICLE_COLUMNS,
                        "facets": ["站点", "分类", "日期精度", "月份"],
                        "sort_desc": "发布时间",
                        "label_column": "标题",
                    },
                    "related_list": {
                        "title": "相关链接",
                        "description": "Each 相关文章 link beside its source and its target.",
                        "columns": RELATED_COLUMNS,
                        "facets": ["来源编号"],
                    },
                    **{
                        name: {"hidden": True}
                        for name in (
                            "articles",
                            "archive_meta",
                            "rejected_pages",
                            "learned_boilerplate",
                            browse_plugin.TABLE,
                            *(f"{browse_plugin.TABLE}_{part}" for part in PARTS),
                        )
                    },
                },
                "queries": QUERIES,
            }
        },
    }


PARTS = ("config", "data", "docsize", "idx", "content")
QUERIES: dict[str, dict[str, Any]] = {
    "search": {
        "title": "搜索 Search",
        "hide_sql": True,
        "description": (
            '词之间为“且”；"短语"；-词 排除；词 OR 词。Words are AND-ed; "a phrase"; '
            "-word excludes; OR between words. Best hits first."
        ),
        "sql": (
            "SELECT json_extract(value, '$.title') AS 标题, json_extract(value, '$.site') AS 站点,"
            " json_extract(value, '$.published_at') AS 发布时间,"
            " json_extract(value, '$.category') AS 分类,"
            " json_extract(value, '$.snippet') AS 摘要, json_extract(value, '$.url') AS 网址,"
            " round(json_extract(value, '$.score'), 3) AS 得分"
            " FROM json_each(industry_news_search(:q, 50)) ORDER BY key"
        ),
    },
    "newest": {
        "title": "最新文章 Newest articles",
        "sql": (
            "SELECT 发布时间, 站点, 分类, 标题, 网址 FROM article_list"
            " ORDER BY 发布时间 DESC LIMIT 100"
        ),
    },
    "per_month": {
        "title": "每月每站文章数 Articles per month per site",
        "sql": (
            "SELECT 月份, 站点, count(*) AS 文章数 FROM article_list WHERE 月份 IS NOT NULL"
            " GROUP BY 月份, 站点 ORDER BY 月份 DESC, 站点"
        ),
    },
    "most_linked": {
        "title": "被链接最多的文章 Most-linked articles",
        "sql": (
            "SELECT a.标题, a.站点, a.发布时间, count(*) AS 被链接次数, a.网址"
            " FROM related_list r JOIN article_list a ON a.编号 = r.目标编号"
            " GROUP BY r.目标编号 ORDER BY 被链接次数 DESC, a.发布时间 DESC LIMIT 100"
        ),
    },
}


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "browse",
        help="open the archive in Datasette (read-only) in a web browser",
        description="Serve the archive read-only with Datasette: tables, facets, search.",
    )
    parser.add_argument(
        "--db", metavar="URL", help="archive URL (default: $INDUSTRY_NEWS_DB or data/)"
    )
    parser.add_argument("--host", default="127.0.0.1", help="address (default 127.0.0.1)")
    parser.add_argument(
        "--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    url = resolve_db_url(args.db)
    path = sqlite_path(url)
    if path is None:
        raise CommandError("browse serves SQLite archives only (Datasette reads SQLite)", 2)
    open_existing(url).dispose()  # views and the search index of an older archive, once
    serve(path, args.host, args.port)
    return 0


def serve(path: Path, host: str, port: int) -> None:
    """Run Datasette on the archive until interrupted."""
    import uvicorn
    from datasette.app import Datasette
    from datasette.plugins import pm

    os.environ[browse_plugin.ARCHIVE_ENV] = f"sqlite:///{path}"
    if not pm.is_registered(browse_plugin):
        pm.register(browse_plugin, name="industry_news")
    ds = Datasette(
        [str(path)],
        metadata=metadata(path.stem),
        settings={"default_page_size": 50, "sql_time_limit_ms": 5000, "facet_time_limit_ms": 1000},
    )
    asyncio.run(ds.invoke_startup())
    print(f"industry-news: serving {path} read-only at http://{host}:{port}/", flush=True)
    uvicorn.run(ds.app(), host=host, port=port, log_level="warning", lifespan="on")
