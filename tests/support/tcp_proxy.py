"""A TCP hop in front of the real PostgreSQL, which a test can cut and restore: the database then
becomes unreachable as it does when its host goes away, connections refused and those open dropped."""

from __future__ import annotations

import asyncio
import contextlib
import socket
import threading

from sqlalchemy.engine import make_url


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def database_target(database_url: str) -> tuple[str, int]:
    """Where a database URL's server listens: a host name, or (embedded PostgreSQL) the folder of its
    Unix socket, which ``TcpProxy`` reaches as such."""
    url = make_url(database_url)
    host = url.host or str(url.query.get("host") or "127.0.0.1")
    return host, url.port or 5432


def via_hop(database_url: str, port: int) -> str:
    """The database URL reached through a hop listening on 127.0.0.1's ``port`` instead."""
    url = make_url(database_url).difference_update_query(["host"]).set(host="127.0.0.1", port=port)
    return url.render_as_string(hide_password=False)


class TcpProxy:
    """A TCP hop on 127.0.0.1 to ``target_host``'s ``target_port``, or to a PostgreSQL Unix socket when
    ``target_host`` is a folder."""

    def __init__(self, target_host: str, target_port: int, port: int | None = None) -> None:
        self.target = (target_host, target_port)
        self.port = port or free_port()
        self._server: asyncio.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", self.port, reuse_address=True)

    async def cut(self) -> None:
        """Nothing listens any more, and every open connection is dropped."""
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
            self._server = None
        for writer in list(self._writers):
            writer.transport.abort()
        self._writers.clear()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            host, port = self.target
            if host.startswith("/"):
                upstream_reader, upstream_writer = await asyncio.open_unix_connection(f"{host}/.s.PGSQL.{port}")
            else:
                upstream_reader, upstream_writer = await asyncio.open_connection(host, port)
        except OSError:
            writer.transport.abort()
            return
        self._writers |= {writer, upstream_writer}
        await asyncio.gather(self._pipe(reader, upstream_writer), self._pipe(upstream_reader, writer))

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while data := await reader.read(65536):
                writer.write(data)
                await writer.drain()
        except (ConnectionError, OSError):
            pass
        finally:
            self._writers.discard(writer)
            with contextlib.suppress(Exception):
                writer.transport.abort()


class ThreadedTcpProxy:
    """The same hop on its own event loop in a thread, for tests that drive a server process."""

    def __init__(self, target_host: str, target_port: int, port: int | None = None) -> None:
        self.proxy = TcpProxy(target_host, target_port, port)
        self.port = self.proxy.port
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)

    def start(self) -> None:
        self._thread.start()
        asyncio.run_coroutine_threadsafe(self.proxy.start(), self._loop).result(timeout=10)

    def stop(self) -> None:
        asyncio.run_coroutine_threadsafe(self.proxy.cut(), self._loop).result(timeout=10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)
