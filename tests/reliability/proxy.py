"""A TCP proxy in front of PostgreSQL that a test can stop, hang or start again.

Stopping the shared PostgreSQL server would disturb everyone else on the machine; stopping
this proxy looks the same to the app: connections are refused and open ones are cut.
"""

import contextlib
import os
import select
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path


class DatabaseProxy:
    def __init__(self, target_host: str = "127.0.0.1", target_port: int = 5432, port: int | None = None):
        self.target = (target_host, target_port)
        self.mode = "down"
        self.accepted = 0  # connections the app opened to the "database"
        self._listener: socket.socket | None = None
        self._pairs: list[tuple[socket.socket, socket.socket | None]] = []
        self._lock = threading.Lock()
        if port is None:
            probe = socket.socket()
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
            probe.close()
        self.port = port

    # up: forward; hang: accept and never answer; down: refuse and cut open connections.
    def up(self) -> None:
        self._set_mode("up")

    def hang(self) -> None:
        self._set_mode("hang")

    def down(self) -> None:
        self._cut()
        self.mode = "down"
        if self._listener is not None:
            # shutdown() wakes the thread blocked in accept(); close() alone would not.
            with contextlib.suppress(OSError):
                self._listener.shutdown(socket.SHUT_RDWR)
            self._listener.close()
            self._listener = None

    def _set_mode(self, mode: str) -> None:
        self._cut()
        self.mode = mode
        if self._listener is None:
            listener = socket.socket()
            listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            listener.bind(("127.0.0.1", self.port))
            listener.listen(64)
            self._listener = listener
            threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def _cut(self) -> None:
        with self._lock:
            pairs, self._pairs = self._pairs, []
        for client, server in pairs:
            for sock in (client, server):
                if sock is not None:
                    with contextlib.suppress(OSError):
                        sock.shutdown(socket.SHUT_RDWR)
                    sock.close()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _address = listener.accept()
            except OSError:
                return
            with self._lock:
                self.accepted += 1
            if self.mode == "hang":
                with self._lock:
                    self._pairs.append((client, None))
                continue
            try:
                server = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            with self._lock:
                self._pairs.append((client, server))
            threading.Thread(target=self._pipe, args=(client, server), daemon=True).start()

    @staticmethod
    def _pipe(client: socket.socket, server: socket.socket) -> None:
        sockets = [client, server]
        try:
            while True:
                readable, _, _ = select.select(sockets, [], [], 1.0)
                for sock in readable:
                    data = sock.recv(65536)
                    if not data:
                        return
                    (server if sock is client else client).sendall(data)
        except (OSError, ValueError):
            return
        finally:
            for sock in sockets:
                with contextlib.suppress(OSError):
                    sock.close()


class ProxyProcess:
    """The proxy in a process of its own, so that a test can stop it with SIGSTOP.

    A stopped process is the nastiest hang: its kernel still accepts new connections and
    acknowledges every packet on open ones, so no TCP timeout on the app's side fires; only a
    client-side time limit ends the wait.
    """

    def __init__(self):
        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        self.port = probe.getsockname()[1]
        probe.close()
        root = Path(__file__).resolve().parent.parent.parent
        self.process = subprocess.Popen([sys.executable, "-m", "tests.reliability.proxy", str(self.port)], cwd=root)
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise AssertionError("the proxy process did not start") from None
                time.sleep(0.05)

    def freeze(self) -> None:
        os.kill(self.process.pid, signal.SIGSTOP)

    def thaw(self) -> None:
        os.kill(self.process.pid, signal.SIGCONT)

    def stop(self) -> None:
        self.thaw()
        self.process.terminate()
        self.process.wait(timeout=10)


if __name__ == "__main__":  # python -m tests.reliability.proxy PORT: forward until terminated
    DatabaseProxy(port=int(sys.argv[1])).up()
    while True:
        signal.pause()
