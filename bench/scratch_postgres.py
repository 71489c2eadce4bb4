"""A throw-away PostgreSQL cluster for ``make loadtest``: its own data directory (a temporary
folder) and port, so that stopping it to test an outage never touches the machine's own
PostgreSQL service, which others' tests use. Run as the ``postgres`` user (PostgreSQL refuses
root): through ``runuser`` when we are root."""

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path


def binaries():
    """The newest installed server's bin directory (Debian's layout), or PG_BIN."""
    if os.environ.get("PG_BIN"):
        return Path(os.environ["PG_BIN"])
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"), key=lambda p: p.parent)
    if not found:
        raise SystemExit("make loadtest needs PostgreSQL's server binaries (postgresql-15)")
    return found[-1].parent


# Below Linux's ephemeral ports (32768-60999): while the server is stopped, a client's attempt
# to connect to a port in that range can be given the same port as its own and connect to
# itself (TCP simultaneous open), which then keeps the port from the server started again.
PORT = 25432


class ScratchPostgres:
    def __init__(self, port=PORT):
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                raise SystemExit(f"Port {port} is taken: is a previous load test's cluster left?")
        self.port = port
        self.bin = binaries()
        self.root = Path(tempfile.mkdtemp(prefix="newsroom-loadtest-pg-"))
        self.data, self.log = self.root / "data", self.root / "server.log"
        self.as_postgres = os.geteuid() == 0
        if self.as_postgres:
            user = pwd.getpwnam("postgres")
            os.chown(self.root, user.pw_uid, user.pw_gid)
        self.run("initdb", "-D", self.data, "-U", "postgres", "-A", "trust", "-E", "UTF8",
                 "--locale=C", "--no-sync")  # fmt: skip
        self.running = False

    @property
    def url(self):
        return f"postgres://postgres@127.0.0.1:{self.port}/newsroom_loadtest"

    def run(self, program, *args):
        command = [str(self.bin / program), *map(str, args)]
        if self.as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, cwd=self.root)
        if done.returncode:
            log = self.log.read_text()[-2000:] if self.log.exists() else ""
            raise RuntimeError(f"{program} failed: {done.stderr or done.stdout}\n{log}")

    def start(self):
        # Sockets only on 127.0.0.1 and in our folder; fsync off: a test cluster, and a clean
        # stop (what the fault phase does) writes everything anyway.
        options = f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off"
        self.run("pg_ctl", "-D", self.data, "-l", self.log, "-o", options, "-w", "start")
        self.running = True

    def stop(self):
        """As an outage: connections cut at once (``-m fast``)."""
        self.run("pg_ctl", "-D", self.data, "-m", "fast", "-w", "stop")
        self.running = False

    def destroy(self):
        if self.running:
            self.stop()
        shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self):
        try:
            self.start()
        except BaseException:
            self.destroy()
            raise
        return self

    def __exit__(self, *exc):
        self.destroy()
