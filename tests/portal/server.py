"""A loopback HTTP server replaying rendered pages (`render.render_site`)."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from urllib.parse import parse_qsl, unquote, urlsplit

from .render import NOT_FOUND, Page

_FALLBACK_404 = Page(
    404,
    '<!DOCTYPE html><html><head><meta charset="utf-8"><title>404</title></head>'
    "<body><h1>404</h1><p>页面不存在</p></body></html>".encode(),
    "text/html; charset=utf-8",
)


def request_key(raw_path: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """A request path as the CMS reads it: percent-escapes decoded, query parameters unordered
    (`&amp;` as a separator too, as some crawlers send hrefs copied raw)."""
    parts = urlsplit(raw_path)
    query = parts.query.replace("&amp;", "&")
    return unquote(parts.path), tuple(sorted(parse_qsl(query, keep_blank_values=True)))


class ReplayServer:
    """Serve {path: Page} on 127.0.0.1 (an ephemeral port) from a daemon thread.

    Use as a context manager; `base_url` is "http://127.0.0.1:PORT"; `requests` lists the
    request paths (with query) in arrival order; `set_pages` swaps the site between crawls;
    `latency` (seconds) delays every response, as a distant server would.
    """

    def __init__(
        self, pages: dict[str, Page], date_header: datetime | None = None, latency: float = 0.0
    ) -> None:
        self._lock = threading.Lock()
        self._latency = latency
        self._pages = dict(pages)
        self._keys = self._index(self._pages)
        self._date = date_header
        self._log: list[tuple[str, str]] = []
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # ---- state
    @property
    def requests(self) -> list[str]:
        """Paths requested so far (GET and HEAD), in order."""
        with self._lock:
            return [path for _, path in self._log]

    @property
    def request_log(self) -> list[tuple[str, str]]:
        """(method, path) of every request so far, in order."""
        with self._lock:
            return list(self._log)

    def clear_requests(self) -> None:
        """Forget the requests logged so far."""
        with self._lock:
            self._log.clear()

    def set_pages(self, pages: dict[str, Page], date_header: datetime | None = None) -> None:
        """Serve another site from now on (and another Date header if given)."""
        with self._lock:
            self._pages = dict(pages)
            self._keys = self._index(self._pages)
            if date_header is not None:
                self._date = date_header

    @staticmethod
    def _index(pages: dict[str, Page]) -> dict[tuple, str]:
        return {request_key(path): path for path in pages if path.startswith("/")}

    @property
    def base_url(self) -> str:
        if self._httpd is None:
            raise RuntimeError("server not started")
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    def _respond(self, method: str, raw_path: str) -> tuple[Page, datetime | None]:
        with self._lock:
            self._log.append((method, raw_path))
            pages, keys, date = self._pages, self._keys, self._date
        page = pages.get(raw_path)
        if page is None and request_key(raw_path) in keys:
            page = pages[keys[request_key(raw_path)]]
        if page is None:
            page = pages.get(urlsplit(raw_path).path)  # the engine ignores unknown queries
        if page is None:
            page = pages.get(NOT_FOUND, _FALLBACK_404)
            page = Page(404, page.body, page.content_type, page.headers)
        return page, date

    # ---- lifecycle
    def start(self) -> ReplayServer:
        server = self

        class Handler(BaseHTTPRequestHandler):
            server_version = "nginx"
            sys_version = ""

            def _serve(self, head: bool) -> None:
                page, date = server._respond(self.command, self.path)
                time.sleep(server._latency)
                self.send_response_only(page.status)
                self.send_header("Server", "nginx")
                self.send_header(
                    "Date",
                    format_datetime(date.astimezone(UTC), usegmt=True)
                    if date is not None
                    else self.date_time_string(),
                )
                self.send_header("Content-Type", page.content_type)
                self.send_header("Content-Length", str(len(page.body)))
                for name, value in page.headers.items():
                    self.send_header(name, value)
                self.send_header("Connection", "close")
                self.end_headers()
                if not head:
                    self.wfile.write(page.body)

            def do_GET(self) -> None:
                self._serve(head=False)

            def do_HEAD(self) -> None:
                self._serve(head=True)

            def log_message(self, format: str, *args: object) -> None:
                pass

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._httpd = self._thread = None

    def __enter__(self) -> ReplayServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
