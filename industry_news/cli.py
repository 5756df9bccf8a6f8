"""The `industry-news` command: one sub-command per module, one-line errors."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from industry_news import (
    browse,
    clusters,
    copy_archive,
    export,
    harvest,
    reclean,
    report,
    search,
    sites,
    status,
)
from industry_news.errors import CommandError
from industry_news.storage import ArchiveError

COMMANDS = (
    export,
    search,
    browse,
    clusters,
    report,
    reclean,
    harvest,
    status,
    sites,
    copy_archive,
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="industry-news", description="Archive and export regional industrial-policy news."
    )
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in COMMANDS:
        module.add_parser(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    if extra:
        if args.command != "search":
            parser.error(f"unrecognized arguments: {' '.join(extra)}")
        args.extra = extra  # -word: an exclusion, not an option
    try:
        return int(args.func(args) or 0)
    except ArchiveError as exc:
        print(f"industry-news: {exc}", file=sys.stderr)
        return 1
    except CommandError as exc:
        print(f"industry-news: {exc}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        print("industry-news: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader (`| head`) has gone: what is left goes to /dev/null, quietly.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


if __name__ == "__main__":
    sys.exit(main())
