"""The bookkeeping of a crawl frontier shared on Redis by several crawler processes.

scrapy-redis keeps the shared request queue (a sorted set of serialized requests) and the
dupefilter. What it lacks, and is kept here, is who holds which request and when the crawl as
a whole is over:

- `claim` takes the next request off the queue and records it under the worker that took it,
  in one atomic step, so a worker killed between the two cannot lose it;
- `ack` forgets a request once everything its page led to is stored or queued;
- `beat` says the worker is alive; a worker silent for longer than the timeout is dead, and the
  requests it held go back on the queue (`settle`);
- `settle`, run by an idle worker, answers "work" (the queue holds requests), "wait" (another
  worker is busy and may queue more) or "done": nothing is queued and nobody is busy, so the
  crawl is over and its dupefilter is dropped (the next crawl starts afresh);
- `leave` hands back what a worker that stops early held.

Every step is one Lua script, so the answer to "is the crawl over" never races a worker's
claim. Keys live under one prefix per crawl (`<prefix>:requests`, `:dupefilter`, `:beats`,
`:busy`, `:claims:<worker>`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from redis import Redis

FRONTIER_WORKER = "industry_news/frontier/worker"
"""Stats: the worker's name, in a crawl whose frontier is shared on Redis."""

_NOW_MS = "local t = redis.call('TIME') local now = t[1] * 1000 + math.floor(t[2] / 1000)"

_CLAIM = f"""
local top = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
if #top == 0 then return false end
{_NOW_MS}
redis.call('ZREM', KEYS[1], top[1])
redis.call('HSET', KEYS[2], top[1], top[2])
redis.call('SADD', KEYS[4], ARGV[1])
redis.call('ZADD', KEYS[3], now, ARGV[1])
return top[1]
"""

_BEAT = f"""
{_NOW_MS}
redis.call('ZADD', KEYS[1], now, ARGV[1])
"""

_REQUEUE = """
local function requeue(queue, claims)
  local held = redis.call('HGETALL', claims)
  for i = 1, #held, 2 do redis.call('ZADD', queue, held[i + 1], held[i]) end
  redis.call('DEL', claims)
  return #held / 2
end
"""

_LEAVE = f"""
{_REQUEUE}
local n = requeue(KEYS[1], KEYS[2])
redis.call('ZREM', KEYS[3], ARGV[1])
redis.call('SREM', KEYS[4], ARGV[1])
return n
"""

_SETTLE = f"""
{_REQUEUE}
{_NOW_MS}
local queue, dupefilter, beats, busy, prefix = KEYS[1], KEYS[2], KEYS[3], KEYS[4], ARGV[3]
redis.call('DEL', prefix .. ':claims:' .. ARGV[1])
redis.call('SREM', busy, ARGV[1])
redis.call('ZADD', beats, now, ARGV[1])
local recovered = 0
for _, dead in ipairs(redis.call('ZRANGEBYSCORE', beats, '-inf', now - tonumber(ARGV[2]))) do
  recovered = recovered + requeue(queue, prefix .. ':claims:' .. dead)
  redis.call('ZREM', beats, dead)
  redis.call('SREM', busy, dead)
end
if redis.call('ZCARD', queue) > 0 then return {{'work', recovered}} end
if redis.call('SCARD', busy) > 0 then return {{'wait', recovered}} end
redis.call('DEL', dupefilter)
return {{'done', recovered}}
"""

State = Literal["work", "wait", "done"]


@dataclass(frozen=True)
class Keys:
    """The Redis keys of one shared crawl."""

    prefix: str

    @property
    def queue(self) -> str:
        return f"{self.prefix}:requests"

    @property
    def dupefilter(self) -> str:
        return f"{self.prefix}:dupefilter"

    @property
    def beats(self) -> str:
        return f"{self.prefix}:beats"

    @property
    def busy(self) -> str:
        return f"{self.prefix}:busy"

    def claims(self, worker: str) -> str:
        return f"{self.prefix}:claims:{worker}"


def crawl_prefix(spider: str, site: str) -> str:
    """The key prefix of a spider's crawl of a site (two sites never share a queue)."""
    return f"industry-news:{spider}:{site or spider}"


class Frontier:
    """One worker's view of a shared crawl: its claims, its heartbeat, the crawl's end."""

    def __init__(self, server: Redis, keys: Keys, worker: str, timeout_ms: int) -> None:
        self.server = server
        self.keys = keys
        self.worker = worker
        self.timeout_ms = timeout_ms
        self._claim = server.register_script(_CLAIM)
        self._beat = server.register_script(_BEAT)
        self._leave = server.register_script(_LEAVE)
        self._settle = server.register_script(_SETTLE)

    def _worker_keys(self) -> list[str]:
        k = self.keys
        return [k.queue, k.claims(self.worker), k.beats, k.busy]

    def claim(self) -> bytes | None:
        """The next queued request (serialized), now held by this worker; None if none."""
        return self._claim(keys=self._worker_keys(), args=[self.worker]) or None

    def ack(self, data: bytes) -> None:
        """The request is done with: it is no longer this worker's to hand back."""
        self.server.hdel(self.keys.claims(self.worker), data)

    def beat(self) -> None:
        self._beat(keys=[self.keys.beats], args=[self.worker])

    def settle(self) -> tuple[State, int]:
        """For an idle worker (it holds nothing): the crawl's state, and how many requests of
        dead workers were put back on the queue."""
        k = self.keys
        state, recovered = self._settle(
            keys=[k.queue, k.dupefilter, k.beats, k.busy],
            args=[self.worker, self.timeout_ms, k.prefix],
        )
        return state.decode() if isinstance(state, bytes) else state, int(recovered)

    def leave(self) -> int:
        """Stop taking part: the requests this worker holds go back on the queue (counted)."""
        return int(self._leave(keys=self._worker_keys(), args=[self.worker]))
