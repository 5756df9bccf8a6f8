"""CPU time of a real `scrapy crawl liyang` in a child process, with a core function patched
out when a benchmark needs the baseline without it."""

from __future__ import annotations

import resource
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FAST = ("-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "RETRY_TIMES=1")


def children_cpu() -> float:
    """User + system seconds of this process's finished children."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def crawl_cpu(base_url: str, db: Path, without: str | None = None) -> float:
    """CPU seconds of one crawl of the replay at base_url into db; `without` names a function
    (`module:name`) the child replaces by a no-op first."""
    if without is None:
        start = ["-m", "scrapy"]
    else:
        module, name = without.split(":")
        start = [
            "-c",
            f"import sys; import {module} as m; m.{name} = lambda *a, **k: None; "
            "from scrapy.cmdline import execute; sys.argv = ['scrapy', *sys.argv[1:]]; execute()",
        ]
    command = [sys.executable, *start, "crawl", "liyang", "-a", f"base_url={base_url}"]
    command += ["-s", f"INDUSTRY_NEWS_DB=sqlite:///{db}", *FAST]
    before = children_cpu()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=900)
    if done.returncode != 0:
        sys.exit(f"crawl failed:\n{done.stderr[-3000:]}")
    return children_cpu() - before
