"""The MDN HTTP Observatory on the production profile: ``make observatory``.

Serves the app as production does (DEBUG off, static files collected, the demo content) under
gunicorn, over HTTPS on 127.0.0.1 with a certificate from a throw-away certificate authority
(trusted by the scanner only), and over HTTP (which redirects to HTTPS); then runs the
Observatory's own tests and grader (npm ``@mdn/mdn-http-observatory``, through
``bench/observatory.mjs``) on the home page, a release page and the back office's sign-in page.
Prints each page's grade, score and the tests that did not pass; exits with 1 unless every
grade is A+.
"""

import json
import os
import secrets
import shutil
import ssl
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from bench.pages import GUNICORN, ROOT, free_port

NODE_SCRIPT = ROOT / "bench" / "observatory.mjs"
HOST = "localhost"


def certificates(folder):
    """A certificate authority and a certificate for ``HOST`` it signed: (CA, cert, key)."""
    ca_key, ca, key, request, cert = (
        folder / name for name in ("ca.key", "ca.pem", "server.key", "server.csr", "server.pem")
    )
    extensions = folder / "server.ext"
    extensions.write_text(
        f"subjectAltName=DNS:{HOST},IP:127.0.0.1\nextendedKeyUsage=serverAuth\n"
        "keyUsage=critical,digitalSignature,keyEncipherment\n"
    )

    def openssl(command, *args):
        # The folder is mkdtemp's: no space in its paths.
        subprocess.run(["openssl", *command.split(), *args], check=True, capture_output=True)

    authority = ["basicConstraints=critical,CA:TRUE", "keyUsage=critical,keyCertSign,cRLSign"]
    openssl(
        f"req -x509 -newkey rsa:2048 -nodes -days 2 -keyout {ca_key} -out {ca}",
        *("-subj", "/CN=Newsroom observatory test CA"),
        *(argument for extension in authority for argument in ("-addext", extension)),
    )
    openssl(f"req -newkey rsa:2048 -nodes -keyout {key} -out {request}", "-subj", f"/CN={HOST}")
    openssl(
        f"x509 -req -in {request} -CA {ca} -CAkey {ca_key} -CAcreateserial -days 2 -out {cert}"
        f" -extfile {extensions}"
    )
    return ca, cert, key


def wait_for(url, process, context=None):
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(url, timeout=2, context=context).read()
            return
        except urllib.error.HTTPError:
            return  # it answers (a redirect to HTTPS, say)
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError(f"gunicorn did not start ({url})") from None
            time.sleep(0.3)


def main():
    package = ROOT / "node_modules" / "@mdn" / "mdn-http-observatory"
    if not package.is_dir():
        sys.exit("make observatory needs the npm tools: npm ci --ignore-scripts")
    # Its install script downloads Chromium's HSTS preload list (installed without scripts,
    # offline): a local host is on no such list.
    preload = package / "conf" / "hsts-preload.json"
    if not preload.exists():
        preload.write_text("{}")
    folder = Path(tempfile.mkdtemp(prefix="newsroom-observatory-"))
    servers = []
    try:
        ca, cert, key = certificates(folder)
        http_port, https_port = free_port(), free_port()
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.auto",
            "DEBUG": "0",
            "HTTPS": "1",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": HOST,
            "SECURE_SSL_HOST": f"{HOST}:{https_port}",
            "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
            "MEDIA_ROOT": str(folder / "media"),
            "STATIC_ROOT": str(folder / "static"),
        }
        manage = [sys.executable, "manage.py"]
        for command in (["migrate", "--no-input"], ["load_demo"], ["collectstatic", "--no-input"]):
            subprocess.run([*manage, *command, "-v0"], cwd=ROOT, env=env, check=True)
        release = subprocess.run(
            [
                *manage,
                "shell",
                "-v0",
                "-c",
                "from newsroom.models import PressRelease; "
                "print(PressRelease.objects.published().first().get_absolute_url('fr'))",
            ],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
        for port, tls in (
            (https_port, ["--certfile", str(cert), "--keyfile", str(key)]),
            (http_port, []),
        ):
            command = f"config.wsgi --workers 1 --bind 127.0.0.1:{port} --log-level warning"
            servers.append(subprocess.Popen([GUNICORN, *command.split(), *tls], cwd=ROOT, env=env))
        trusted = ssl.create_default_context(cafile=str(ca))
        wait_for(f"https://{HOST}:{https_port}/robots.txt", servers[0], trusted)
        wait_for(f"http://{HOST}:{http_port}/robots.txt", servers[1], trusted)
        paths = ["/fr/", release, "/admin/login/"]
        scan = subprocess.run(
            ["node", NODE_SCRIPT, HOST, str(http_port), str(https_port), *paths],
            cwd=ROOT,
            env={**os.environ, "NODE_EXTRA_CA_CERTS": str(ca)},
            capture_output=True,
            text=True,
            check=False,
        )
        if scan.returncode:
            print(scan.stderr, file=sys.stderr)
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=30)
        shutil.rmtree(folder, ignore_errors=True)

    print("MDN HTTP Observatory (its tests and grader), the production profile over HTTPS")
    print(f"{'page':60} {'grade':>5} {'score':>5}  tests not passed")
    grades = []
    for line in scan.stdout.splitlines():
        result = json.loads(line)
        failed = [
            f"{name}: {test['result']} ({test['modifier']:+d})"
            for name, test in result.get("tests", {}).items()
            if not test["pass"]
        ]
        bonus = [
            f"{name} {test['modifier']:+d}"
            for name, test in result.get("tests", {}).items()
            if test["pass"] and test["modifier"] > 0
        ]
        grades.append(result.get("grade"))
        print(
            f"{result['path'][:60]:60} {result.get('grade', '-'):>5} {result.get('score', 0):>5}  "
            f"{', '.join(failed) or 'none'}"
        )
        if bonus:
            print(f"{'':60} {'':>5} {'':>5}  extra credit: {', '.join(bonus)}")
    return 0 if grades and all(grade == "A+" for grade in grades) else 1


if __name__ == "__main__":
    sys.exit(main())
