# The two commands of the README: `make run` (install and serve on the embedded defaults) and
# `make test` (install, lint, type-check and run the tests). Both install everything they need.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test lint system-test-deps bench clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	# The name lexicon cache is built once at install time, not on each start.
	$(BIN)/python -m scrubber.lexicon build
	# Our packages' byte code, written now: where PYTHONDONTWRITEBYTECODE is set (or the tree is read-only) every
	# start would compile them from source again (0.1 s of the scrubber's 1.3 s start-up; bench/scrub_memory.py).
	$(BIN)/python -m compileall -q app web bots intake privacy outbound tickets models scrubber
	touch $@

install: $(STAMP)

run: install
	$(BIN)/scrubdesk db upgrade
	$(BIN)/scrubdesk serve

# Real servers the tests talk to: Dovecot for IMAP and Postfix as a relay (started by the tests on loopback ports).
system-test-deps:
	@command -v dovecot >/dev/null 2>&1 || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q dovecot-imapd; }
	# Headless Chromium for the web form tests (Playwright drives /usr/bin/chromium; no browser download).
	@command -v chromium >/dev/null 2>&1 || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium; }
	# axe-core for the accessibility audit in the browser tests (tests/web/test_browser.py), from the npm registry
	# into var/npm; without npm that audit is skipped.
	@[ -f var/npm/node_modules/axe-core/axe.min.js ] || { command -v npm >/dev/null 2>&1 && npm install -q --prefix var/npm --no-audit --no-fund axe-core@4; } || echo "axe-core not installed: the accessibility audit will be skipped"
	# Postfix for the relay test (tests/intake/smtp/test_postfix_relay.py runs a private instance from its own
	# config dir on loopback ports). Only where no MTA is installed yet, never replacing the machine's own,
	# and preseeded to "No configuration" so no system Postfix is set up or started. Optional: without it
	# that test is skipped.
	@[ -x /usr/sbin/postfix ] || [ -e /usr/sbin/sendmail ] || { echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections && apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postfix; } || echo "postfix not installed: the Postfix relay test will be skipped"
	# Tesseract with Dutch and English data for image attachments (intake/attachments/ocr.py), DejaVu fonts for
	# the test images. Without Tesseract, `make run` still works: images keep their metadata only, with a note.
	@command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx nld || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends tesseract-ocr tesseract-ocr-nld tesseract-ocr-eng fonts-dejavu-core; }

lint: install
	$(BIN)/ruff check .
	$(BIN)/mypy

test: install system-test-deps lint
	$(BIN)/pytest -q -ra $(PYTEST_ARGS)

bench: install
	$(BIN)/python bench/scrub.py
	$(BIN)/python bench/smtp_intake.py

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
