# Newsroom — `make run` to try it, `make test` to check it. Everything lives in .venv.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
PG_URL ?= postgres://postgres@127.0.0.1:5432/newsroom
# pytest-xdist processes for make test / test-postgres / fuzz-long (each its own test database);
# WORKERS=0 runs the suite in one process (--pdb, print debugging).
WORKERS ?= 2

# The first Python >= 3.12 found: pyenv's 3.13 on our machines, else whatever is on PATH.
PYTHON ?= $(shell for c in $$(ls -d $$HOME/.pyenv/versions/3.1[3-9]*/bin/python 2>/dev/null | sort -rV) \
	python3.14 python3.13 python3.12 python3; do \
	command -v $$c >/dev/null 2>&1 && $$c -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null \
	&& { command -v $$c; break; }; done)

.PHONY: setup run test test-postgres fuzz-long e2e test-browser lint format messages clean bench-search bench explain observatory \
	loadtest backup restore bench-alerts lighthouse importer-score

$(STAMP): requirements.txt requirements-dev.txt
	@if [ -z "$(PYTHON)" ]; then \
		echo "Newsroom needs Python 3.12 or newer, and none was found."; \
		echo "Install it (e.g. 'pyenv install 3.13', or your system's python3.13 package),"; \
		echo "or point to it: make PYTHON=/path/to/python3.13 $(MAKECMDGOALS)"; \
		exit 1; fi
	@[ -x $(PY) ] || { echo "Creating $(VENV) with $(PYTHON)"; $(PYTHON) -m venv $(VENV); }
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $(STAMP)

# Developer machine only (git-ignored): manage.py runs with DEBUG on. Production has no .env.
.env:
	printf '# Developer machine only (git-ignored): manage.py runs with DEBUG on.\nDEBUG=1\n' > .env

setup: $(STAMP) .env

run: setup
	DEBUG=1 $(PY) manage.py migrate --no-input
	DEBUG=1 $(PY) manage.py load_demo
	@echo "Newsroom: http://$(HOST):$(PORT)/  (back office: http://$(HOST):$(PORT)/admin/)"
	DEBUG=1 $(PY) manage.py runserver $(HOST):$(PORT)

# Lint, then the whole suite on SQLite (it includes `check` and `makemigrations --check`).
test: setup lint
	$(PY) -m pytest -n $(WORKERS)

# The same suite against PostgreSQL (the test runner creates its own database, one per worker).
test-postgres: setup
	DATABASE_URL=$(PG_URL) $(PY) -m pytest -n $(WORKERS)

# The property-based tests (fuzzing, the sanitiser) with Hypothesis's "long" profile: about 33
# times the examples of a normal run, drawn at random (tests/conftest.py).
fuzz-long: setup
	HYPOTHESIS_PROFILE=long $(PY) -m pytest -n $(WORKERS) tests/site/test_fuzz.py tests/site/test_xss.py

# Test-only Node tools (the Nu Html Checker, the MDN HTTP Observatory), from package-lock.json.
# Without install scripts: one of the Observatory's fetches certificates from the internet, which
# neither it (bench/observatory.mjs trusts our test CA) nor CI needs.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error --ignore-scripts
	@touch $@

# End-to-end tests in Debian's Chromium (apt-get install chromium): journeys, axe-core,
# HTML validity; screenshots in tests/e2e/artifacts/. In one process: they share a browser.
e2e: setup node_modules/.installed
	$(PY) -m pytest -m browser tests/e2e

test-browser: e2e

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache

format: setup
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# Refresh the French UI strings after changing templates or code (needs GNU gettext).
messages: setup
	DEBUG=1 $(PY) manage.py makemessages -l fr --no-obsolete --ignore=.venv --ignore=staticfiles \
		--ignore=node_modules --ignore=bench
	DEBUG=1 $(PY) manage.py compilemessages -l fr --ignore=.venv

# Search on N releases (default 100,000) in PostgreSQL database newsroom_bench (kept between
# runs): p50/p95/max of the search page, beside a naive icontains search. N=10000 for a quick run.
BENCH_URL ?= postgres://postgres@127.0.0.1:5432/newsroom_bench
N ?= 100000
bench-search: setup
	$(PY) -m bench.search --releases $(N) --database-url $(BENCH_URL)

# The plan of every statement of every public page type on N releases (default 100,000, the
# database of bench-search): rows of the releases table read, and any sequential scan of it
# (exit 1).
explain: setup
	$(PY) -m bench.explain --releases $(N) --database-url $(BENCH_URL)

# The MDN HTTP Observatory's tests and grade on the production profile (DEBUG off, HTTPS with a
# throw-away certificate authority, HTTP redirecting): home, a release page, the admin sign-in.
observatory: setup node_modules/.installed
	$(PY) -m bench.observatory

# Lighthouse (npm lighthouse, in Debian's Chromium, headless) on the production profile (DEBUG
# off, gunicorn, WhiteNoise, the demo content in a throw-away SQLite database): home, list, a
# release, an institution, in French and English, mobile and desktop; a table of the four scores,
# the failed audits of any page below 95 (exit 1). Reports in bench/lighthouse-reports/.
lighthouse: setup node_modules/.installed
	$(PY) -m bench.lighthouse

# Every page type under gunicorn (2 workers), driven by wrk (Debian's: installed if missing and
# root), built and cached, beside a constant Django view (the floor). PAGES releases (default
# 10,000; PAGES=100000 for the large archive) in database newsroom_bench_<PAGES>.
PAGES ?= 10000
DURATION ?= 10
bench: setup
	@command -v wrk >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get install -y -qq wrk >/dev/null; } \
		|| { echo "make bench needs wrk: apt-get install wrk"; exit 1; }
	$(PY) -m bench.pages --releases $(PAGES) --duration $(DURATION)

# Load and faults, in a throw-away PostgreSQL cluster of its own (port 25432, a temporary folder;
# never the machine's service): CLIENTS readers for LOAD_SECONDS against gunicorn (2 workers)
# while a publisher publishes and edits every 0.2 s (zero errors, zero lost edits); then
# PostgreSQL stopped (the 503 page) and started again (pages back, gunicorn untouched).
LOAD_RELEASES ?= 2000
LOAD_SECONDS ?= 60
CLIENTS ?= 64
loadtest: setup
	$(PY) -m bench.loadtest --releases $(LOAD_RELEASES) --duration $(LOAD_SECONDS) \
		--clients $(CLIENTS)

# One archive of the database (fixtures: restores on SQLite or PostgreSQL) and the media files,
# in backups/ (git-ignored); `make restore FILE=backups/newsroom-….tar.gz` into an empty
# database (FORCE=1 replaces what it holds).
backup: setup
	$(PY) manage.py backup

restore: setup
	@[ -n "$(FILE)" ] || { echo "make restore FILE=backups/newsroom-….tar.gz [FORCE=1]"; exit 1; }
	$(PY) manage.py restore "$(FILE)" $(if $(FORCE),--force)

# Alerts: 10,000 confirmed subscribers in PostgreSQL database newsroom_bench_alerts (made and
# dropped by the run), a release published: the time to hand out its alerts, then to send them
# all with one worker (and with two) to a local SMTP sink (aiosmtpd).
ALERTS_URL ?= postgres://postgres@127.0.0.1:5432/newsroom_bench_alerts
SUBSCRIBERS ?= 10000
bench-alerts: setup
	$(PY) -m bench.alerts --subscribers $(SUBSCRIBERS) --database-url $(ALERTS_URL)

# The importer on releases in other organisations' house styles (tests/importer_corpus/, with
# a held-out part never tuned on) and on our own samples: right/total per field, overall %.
importer-score: setup
	$(PY) -m bench.importer_score

clean:
	rm -rf $(VENV) node_modules db.sqlite3 media staticfiles .pytest_cache .ruff_cache tests/e2e/artifacts
