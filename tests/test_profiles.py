"""Portal profiles: the package's TOML files, checks that name the file and key, and spiders."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

import pytest

from industry_news.profiles import (
    PACKAGE_PROFILES,
    PROFILES_ENV,
    ProfileError,
    load_profile,
    load_profiles,
    profile_dirs,
)
from spiders.loader import profile_spider
from tests.crawling import ROOT
from tests.harvesting import environment

GOOD = """
name = "changzhou"
display_name = "常州厂房网"
base_url = "http://changzhou.021cf.cn/"
hosts = ["m.changzhou.021cf.cn"]
scheme = ["zblog"]
theme = "tpure"
hotlines = ["400 0123 021"]
copyright_patterns = ['本文由常州厂房网发布']

[health]
min_title = 0.9
history = 4
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / f"{name}.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_package_profiles_load_cleanly() -> None:
    found = load_profiles([PACKAGE_PROFILES])
    assert found.errors == {}
    assert set(found.profiles) >= {"liyang", "wuxi"}
    liyang, wuxi = found.profiles["liyang"], found.profiles["wuxi"]
    assert liyang.display_name == "溧阳厂房网"
    assert liyang.all_hosts[0] == "liyang.021cf.cn"
    assert wuxi.all_hosts[0] == "wuxi.021cf.cn"
    # Shared hotlines; nothing of wuxi depends on its unknown site name.
    assert set(wuxi.hotlines) == set(liyang.hotlines)
    assert wuxi.display_name == ""


def test_a_profile_holds_every_key(tmp_path: Path) -> None:
    profile = load_profile(write(tmp_path, "changzhou", GOOD))
    assert profile.name == "changzhou"
    assert profile.all_hosts == ("changzhou.021cf.cn", "m.changzhou.021cf.cn")
    assert profile.scheme == ("zblog",)
    assert profile.health.min_title == 0.9 and profile.health.history == 4
    assert profile.health.min_date == 0.90  # the default stays
    assert profile.source.endswith("changzhou.toml")


@pytest.mark.parametrize(
    ("change", "key", "problem"),
    [
        (('theme = "tpure"', 'colour = "red"'), "colour", "unknown key"),
        (("http://changzhou.021cf.cn/", "changzhou.021cf.cn"), "base_url", "not an http(s) URL"),
        (("['本文由常州厂房网发布']", "['本文由(常州']"), "copyright_patterns", "bad regular"),
        (('scheme = ["zblog"]', 'scheme = ["joomla"]'), "scheme", "unknown scheme"),
        (('theme = "tpure"', 'theme = "twentytwenty"'), "theme", "unknown theme"),
        (('hotlines = ["400 0123 021"]', 'hotlines = "400 0123 021"'), "hotlines", "list of"),
        (("min_title = 0.9", 'min_title = "high"'), "health.min_title", "non-negative"),
        (("history = 4", "history = 2.5"), "health.history", "whole number"),
        (("history = 4", "slack = 1"), "health.slack", "unknown key"),
        (('name = "changzhou"', 'name = "Chang Zhou"'), "name", "not a spider name"),
        (('name = "changzhou"\n', ""), "name", "missing"),
    ],
)
def test_a_broken_profile_names_its_file_and_key(
    tmp_path: Path, change: tuple[str, str], key: str, problem: str
) -> None:
    old, new = change
    assert old in GOOD
    path = write(tmp_path, "changzhou", GOOD.replace(old, new, 1))
    with pytest.raises(ProfileError) as raised:
        load_profile(path)
    message = str(raised.value)
    assert message.startswith(f"{path}: key {key!r}: ") and problem in message
    assert raised.value.key == key


def test_a_file_that_is_not_toml_names_the_file(tmp_path: Path) -> None:
    path = write(tmp_path, "changzhou", 'name = "changzhou\n')
    with pytest.raises(ProfileError, match=r"changzhou\.toml: is not valid TOML"):
        load_profile(path)


def test_broken_files_are_kept_aside_and_the_others_load(tmp_path: Path) -> None:
    write(tmp_path, "changzhou", GOOD)
    write(tmp_path, "broken", GOOD.replace("changzhou", "broken").replace("theme", "thme"))
    write(tmp_path, "again", GOOD)  # a second profile named changzhou
    found = load_profiles([tmp_path])
    assert set(found.profiles) == {"changzhou"}
    assert set(found.errors) == {"broken", "changzhou"}
    assert "key 'thme': unknown key" in str(found.errors["broken"])
    assert "already used by" in str(found.errors["changzhou"])


def scrapy(tmp_path: Path, *args: str, profiles: Path) -> subprocess.CompletedProcess[str]:
    env = environment() | {PROFILES_ENV: str(profiles)}
    command = [sys.executable, "-m", "scrapy", *args]
    command += ["-s", f"INDUSTRY_NEWS_DB=sqlite:///{tmp_path / 'a.sqlite3'}"]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)


@pytest.fixture
def extra(tmp_path: Path) -> Path:
    """A folder of profiles: one good, one with a bad regex."""
    folder = tmp_path / "profiles"
    folder.mkdir()
    write(folder, "changzhou", GOOD)
    write(folder, "jintan", GOOD.replace("changzhou", "jintan").replace("发布']", "(']"))
    return folder


def test_scrapy_list_shows_a_spider_per_profile_and_names_the_broken_file(
    tmp_path: Path, extra: Path
) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "scrapy", "list"],
        cwd=ROOT,
        env=environment() | {PROFILES_ENV: str(extra)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["changzhou", "liyang", "portal", "wuxi"]
    assert f"{extra / 'jintan.toml'}: key 'copyright_patterns': bad regular expression" in (
        done.stderr
    )


def test_crawling_a_broken_profile_fails_with_its_file_and_key(tmp_path: Path, extra: Path) -> None:
    done = scrapy(tmp_path, "crawl", "jintan", profiles=extra)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert f"{extra / 'jintan.toml'}: key 'copyright_patterns'" in done.stderr.splitlines()[-1]


def test_harvest_reports_the_broken_profile_and_runs_the_others(
    tmp_path: Path, extra: Path
) -> None:
    env = environment() | {PROFILES_ENV: str(extra)}
    db = tmp_path / "a.sqlite3"
    # changzhou points at a closed port: it runs (and finds nothing) while jintan cannot start.
    command = [sys.executable, "-m", "industry_news.cli", "harvest", "changzhou", "jintan"]
    command += ["--db", f"sqlite:///{db}", "-a", "changzhou:base_url=http://127.0.0.1:9/"]
    done = subprocess.run(
        command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 2
    assert done.stdout.startswith("changzhou: finished in ")
    broken = [line for line in done.stderr.splitlines() if line.startswith("jintan:")]
    assert broken == [
        f"jintan: did not start: {extra / 'jintan.toml'}: key 'copyright_patterns': bad regular"
        f" expression '本文由常州厂房网(' (missing ), unterminated subpattern at position 8)"
    ]


def test_profiles_env_accepts_several_folders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    write(first, "changzhou", GOOD)
    write(second, "jintan", GOOD.replace("changzhou", "jintan"))
    monkeypatch.setenv(PROFILES_ENV, f"{first}{os.pathsep}{second}")
    assert profile_dirs() == [PACKAGE_PROFILES, first, second]
    assert set(load_profiles().profiles) == {"changzhou", "jintan", "liyang", "wuxi"}


def test_sites_lists_the_profiles_and_names_the_broken_file(tmp_path: Path, extra: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "industry_news.cli", "sites", "--db", f"sqlite:///{tmp_path}/n.db"],
        cwd=tmp_path,
        env=environment() | {PROFILES_ENV: str(extra)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    header, *lines = done.stdout.splitlines()
    assert header.split()[:2] == ["site", "name"]
    assert [line.split()[0] for line in lines] == ["liyang", "wuxi", "changzhou"]
    assert lines[2].split()[1:5] == ["常州厂房网", "http://changzhou.021cf.cn/", "0", "-"]
    assert done.stderr.startswith(f"industry-news: profile not loaded: {extra / 'jintan.toml'}")


def test_a_profiles_listings_are_crawled_from_the_start(tmp_path: Path) -> None:
    text = GOOD.replace('theme = "tpure"', 'listings = ["/index.php/category-9.html"]')
    spider = profile_spider(load_profile(write(tmp_path, "changzhou", text)))(
        base_url="http://127.0.0.1:8000/"
    )

    async def starts() -> list[str]:
        return [request.url async for request in spider.start()]

    assert asyncio.run(starts()) == [
        "http://127.0.0.1:8000/",
        "http://127.0.0.1:8000/index.php/category-9.html",
    ]
    assert spider.name == spider.site == "changzhou"
    assert spider.theme == ""
