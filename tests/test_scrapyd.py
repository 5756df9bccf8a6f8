"""Deployment: the project as an egg (the real `scrapyd-deploy`) on a real Scrapyd started on
127.0.0.1, and a crawl of a loopback replay of the portal scheduled through Scrapyd's HTTP API.

Only the egg reaches Scrapyd: its jobs run in a folder without scrapy.cfg, so the settings
module comes from the egg's `scrapy` entry point and the profiles (`liyang`) from the egg's
package data, read from inside the zip.
"""

from __future__ import annotations

import configparser
import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import zipfile
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from urllib.parse import urlencode

import pytest

from industry_news.dates import SHANGHAI
from tests.crawling import FAST, ROOT, rows
from tests.portal import ReplayServer, expected_items, make_portal, render_site

PROJECT = "industry_news"
VERSION = "r1"
PORTALS = sorted(p.name for p in (ROOT / "industry_news" / "portals").glob("*.toml"))
# Project folders that are not part of the egg (or are another checkout's state).
NOT_COPIED = {".git", ".venv", "venv", "tests", "data", "build", "dist"}
NEVER_COPIED = ("__pycache__", "*.egg-info", ".pytest_cache", ".ruff_cache", ".hypothesis")


def executable(name: str) -> str | None:
    """The venv's own script first (pytest may run without the venv activated), then PATH."""
    here = Path(sys.executable).parent
    return shutil.which(name, path=os.pathsep.join([str(here), os.environ.get("PATH", "")]))


SCRAPYD = executable("scrapyd")
SCRAPYD_DEPLOY = executable("scrapyd-deploy")
pytestmark = pytest.mark.skipif(
    SCRAPYD is None or SCRAPYD_DEPLOY is None,
    reason="scrapyd and scrapyd-deploy are not installed (pip install scrapyd scrapyd-client)",
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def isolated_env(home: Path) -> dict[str, str]:
    """This environment without project, archive or Scrapyd settings, and with its own home:
    a developer's ~/.scrapyd.conf or ~/.scrapy.cfg cannot change the port or the targets."""
    env = dict(os.environ)
    for name in list(env):
        if name.startswith("SCRAPYD_") or name.startswith("XDG_"):
            del env[name]
    for name in ("SCRAPY_SETTINGS_MODULE", "SCRAPY_PROJECT", "INDUSTRY_NEWS_DB"):
        env.pop(name, None)
    env.pop("INDUSTRY_NEWS_PROFILES", None)  # profiles come from the egg alone
    env["HOME"] = str(home)
    return env


def api(base: str, endpoint: str, **params: str) -> dict:
    """GET a Scrapyd JSON endpoint."""
    url = f"{base}/{endpoint}" + (f"?{urlencode(params)}" if params else "")
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.load(response)


def api_post(base: str, endpoint: str, fields: list[tuple[str, str]]) -> dict:
    """POST a form (repeated names allowed, as `-d setting=… -d setting=…`) to Scrapyd."""
    data = urlencode(fields).encode()
    with urllib.request.urlopen(f"{base}/{endpoint}", data=data, timeout=10) as response:
        return json.load(response)


class Scrapyd:
    """A Scrapyd process on 127.0.0.1 with its folders under `root`."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.home = root / "home"
        self.home.mkdir()
        self.env = isolated_env(self.home)
        self.log = root / "scrapyd.out"
        self.process: subprocess.Popen[bytes] | None = None
        self.url = ""

    def start(self, attempts: int = 3) -> None:
        for _ in range(attempts):  # another process may take the free port before Scrapyd does
            port = free_port()
            self._write_conf(port)
            with self.log.open("wb") as out:
                self.process = subprocess.Popen(
                    [SCRAPYD],
                    cwd=self.root,
                    env=self.env,
                    stdout=out,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,  # its jobs too are stopped with its group
                )
            self.url = f"http://127.0.0.1:{port}"
            if self._wait_ready(timeout=30):
                return
            self.stop()
        pytest.fail(f"Scrapyd did not answer daemonstatus.json:\n{self.server_log()[-3000:]}")

    def _write_conf(self, port: int) -> None:
        (self.root / "scrapyd.conf").write_text(
            "[scrapyd]\n"
            "bind_address = 127.0.0.1\n"
            f"http_port = {port}\n"
            f"eggs_dir = {self.root / 'eggs'}\n"
            f"logs_dir = {self.root / 'logs'}\n"
            f"dbs_dir = {self.root / 'dbs'}\n"
            f"items_dir = {self.root / 'items'}\n"
            "poll_interval = 0.2\n"
            "max_proc = 2\n",
            encoding="utf-8",
        )

    def _wait_ready(self, timeout: float) -> bool:
        assert self.process is not None
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                return False
            try:
                if api(self.url, "daemonstatus.json")["status"] == "ok":
                    return True
            except OSError:
                pass
            time.sleep(0.1)
        return False

    def stop(self) -> None:
        if self.process is None:
            return
        process, self.process = self.process, None
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)  # Scrapyd and any job still running
            deadline = time.monotonic() + 15
            # Wait for its exit without reaping it, so that its group id stays its own.
            flags = os.WEXITED | os.WNOHANG | os.WNOWAIT
            while time.monotonic() < deadline and not os.waitid(os.P_PID, process.pid, flags):
                time.sleep(0.1)
            with contextlib.suppress(ProcessLookupError):  # what of its group is left
                os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=15)

    def server_log(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


@pytest.fixture(scope="module")
def scrapyd(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Scrapyd]:
    server = Scrapyd(tmp_path_factory.mktemp("scrapyd"))
    try:
        server.start()
        yield server
    finally:
        server.stop()


def copy_project(target: Path) -> Path:
    """The project folder as a deployer has it, without tests, data, the venv or build output
    (scrapyd-deploy writes setup.py and build/ into the folder it runs from)."""

    def ignore(folder: str, names: list[str]) -> set[str]:
        ignored = shutil.ignore_patterns(*NEVER_COPIED)(folder, names)
        if Path(folder) == ROOT:
            ignored |= NOT_COPIED & set(names)
        return ignored

    shutil.copytree(ROOT, target, ignore=ignore)
    return target


@pytest.fixture(scope="module")
def deployed(scrapyd: Scrapyd, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """`scrapyd-deploy loopback -p industry_news` from a copy of the project whose scrapy.cfg
    has a [deploy:loopback] target on the test's Scrapyd."""
    project = copy_project(tmp_path_factory.mktemp("deploy") / "industry-news")
    with (project / "scrapy.cfg").open("a", encoding="utf-8") as cfg:
        cfg.write(f"\n[deploy:loopback]\nurl = {scrapyd.url}/\nproject = {PROJECT}\n")
    done = subprocess.run(
        [SCRAPYD_DEPLOY, "loopback", "-p", PROJECT, "-v", VERSION],
        cwd=project,
        env=scrapyd.env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    # scrapyd-deploy exits 0 even when Scrapyd refuses the egg: its answer is on stdout.
    answer = done.stdout.strip().splitlines()
    response = json.loads(answer[-1]) if answer else {"status": "none", "message": done.stderr}
    eggs = list((scrapyd.root / "eggs" / PROJECT).glob("*.egg"))
    return {"response": response, "eggs": eggs}


@pytest.fixture(scope="module")
def crawled(scrapyd: Scrapyd, deployed: dict, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """`liyang` scheduled through schedule.json on a 12-article replay, polled to its end."""
    assert deployed["response"]["status"] == "ok", deployed["response"]
    db = tmp_path_factory.mktemp("archive") / "archive.sqlite3"
    now = datetime.now(SHANGHAI).replace(microsecond=0)
    portal = make_portal(12, seed=4, rendered_at=now, per_page=5, categories=2)
    settings = [f"INDUSTRY_NEWS_DB=sqlite:///{db}", *FAST[1::2]]
    with ReplayServer(render_site(portal, "tpure"), date_header=now) as replay:
        fields = [("project", PROJECT), ("spider", "liyang"), ("base_url", replay.base_url)]
        fields += [("setting", setting) for setting in settings]
        scheduled = api_post(scrapyd.url, "schedule.json", fields)
        assert scheduled["status"] == "ok", scheduled
        job = scheduled["jobid"]
        finished = wait_finished(scrapyd, job, timeout=120)
        expected = expected_items(portal, replay.base_url, markup="tpure")
    log = scrapyd.root / "logs" / PROJECT / "liyang" / f"{job}.log"
    return {
        "job": job,
        "finished": finished,
        "db": db,
        "expected": expected,
        "log": log.read_text(encoding="utf-8") if log.exists() else "",
        "log_path": log,
    }


def wait_finished(scrapyd: Scrapyd, job: str, timeout: float) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        jobs = api(scrapyd.url, "listjobs.json", project=PROJECT)
        for entry in jobs["finished"]:
            if entry["id"] == job:
                return entry
        time.sleep(0.2)
    pytest.fail(f"job {job} not finished after {timeout} s: {jobs}")


def test_deploy_is_accepted(deployed: dict) -> None:
    response = deployed["response"]
    assert response["status"] == "ok", response.get("message", response)
    assert response["project"] == PROJECT
    assert response["version"] == VERSION


def test_scrapyd_lists_the_project_and_a_spider_per_profile(
    scrapyd: Scrapyd, deployed: dict
) -> None:
    assert PROJECT in api(scrapyd.url, "listprojects.json")["projects"]
    listed = api(scrapyd.url, "listspiders.json", project=PROJECT)
    assert listed["status"] == "ok", listed.get("message", listed)
    profiles = {name.removesuffix(".toml") for name in PORTALS}
    assert "liyang" in profiles
    assert set(listed["spiders"]) == profiles | {"portal"}


def test_the_egg_holds_the_profiles_and_the_settings_entry_point(deployed: dict) -> None:
    (egg,) = deployed["eggs"]
    with zipfile.ZipFile(egg) as archive:
        names = set(archive.namelist())
        entry_points = configparser.ConfigParser()
        entry_points.read_string(archive.read("EGG-INFO/entry_points.txt").decode())
    assert {f"industry_news/portals/{name}" for name in PORTALS} <= names
    assert "industry_news/stopwords.txt" in names
    assert {"industry_news/settings.py", "spiders/loader.py", "pipelines/store.py"} <= names
    assert not any(name.startswith(("tests/", "benchmarks/")) for name in names)
    # Scrapyd's runner takes the settings module from here; without it every job fails.
    assert entry_points.has_section("scrapy"), (
        "the egg has no [scrapy] entry point: pyproject.toml needs\n"
        '[project.entry-points.scrapy]\nsettings = "industry_news.settings"'
    )
    assert entry_points["scrapy"]["settings"] == "industry_news.settings"


def test_jobs_run_the_eggs_code_not_the_working_tree(deployed: dict) -> None:
    """The venv holds an editable install of the checkout (`pip install -e .`): its import hook
    comes after sys.path, where Scrapyd's runner appends the egg, so the jobs ran the egg's code.
    (A regular install in site-packages would come first and shadow every deployed egg.)"""
    (egg,) = deployed["eggs"]
    probe = (
        "import sys; from scrapyd.runner import activate_egg; activate_egg(sys.argv[1]); "
        "import industry_news.profiles, spiders.loader, pipelines.store as s; "
        "print(industry_news.profiles.__file__, spiders.loader.__file__, s.__file__)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, str(egg)],
        cwd=egg.parent,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert all(path.startswith(f"{egg}{os.sep}") for path in done.stdout.split()), done.stdout


def test_the_scheduled_crawl_archives_the_replay(crawled: dict) -> None:
    expected = {url: item["title"] for url, item in crawled["expected"].items() if item["body"]}
    assert len(expected) == 12
    stored = dict(rows(crawled["db"], "select url, title from articles"))
    assert stored == expected
    runs = rows(crawled["db"], "select spider, finish_reason, new from crawl_runs")
    assert runs == [("liyang", "finished", 12)]


def test_the_jobs_items_feed_holds_the_same_articles(scrapyd: Scrapyd, crawled: dict) -> None:
    """Scrapyd's items_dir feed (FEED_EXPORT_FIELDS, as `scrapy crawl -O`), served over HTTP."""
    items_url = crawled["finished"]["items_url"]
    assert items_url, crawled["finished"]
    with urllib.request.urlopen(f"{scrapyd.url}{items_url}", timeout=10) as response:
        items = [json.loads(line) for line in response.read().decode().splitlines()]
    expected = {url: item["title"] for url, item in crawled["expected"].items() if item["body"]}
    assert {item["url"]: item["title"] for item in items} == expected
    assert len(items) == len(expected)


def test_the_job_ended_cleanly(scrapyd: Scrapyd, crawled: dict) -> None:
    assert crawled["finished"]["spider"] == "liyang"
    assert crawled["log"], f"no job log at {crawled['log_path']}"
    assert "Traceback" not in crawled["log"], crawled["log"][-3000:]
    assert "Spider closed (finished)" in crawled["log"]
    server = scrapyd.server_log()
    assert f"Process finished: project='{PROJECT}' spider='liyang' job='{crawled['job']}'" in server
    assert "Process died" not in server
