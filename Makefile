# Concord: `make run` serves the site; `make test` runs the whole suite.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
HOST ?= 127.0.0.1
PYTEST_ARGS ?=
# pytest-xdist workers, one per core of a 2-core machine (a third to two fifths less wall time
# when the machine is otherwise idle); PYTEST_WORKERS= (empty) runs the suite in one process.
PYTEST_WORKERS ?= 2

.PHONY: install install-dev run init test lint pytest browser-deps design-system bench clean

$(VENV)/.installed: requirements.txt pyproject.toml
	@test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -qq --disable-pip-version-check -r requirements.txt -e .
	@touch $@

install: $(VENV)/.installed

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(BIN)/pip install -qq --disable-pip-version-check -r requirements-dev.txt
	@touch $@

install-dev: $(VENV)/.installed-dev

init: install
	$(BIN)/concord init

run: init
	$(BIN)/concord serve --host $(HOST) --port $(PORT)

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	@touch $@

browser-deps: node_modules/.installed
	@scripts/ensure-chromium

# The GOV.UK Design System (govuk-frontend, pinned in package.json) compiled with Concord's
# settings into committed static files: only this target needs Node, `make run` does not.
GOVUK := concord/site/static/govuk
design-system: node_modules/.installed
	npx sass --no-source-map --style=compressed --load-path=node_modules \
		scripts/design-system/govuk.scss $(GOVUK)/govuk-frontend.min.css
	sed 's|//# sourceMappingURL=.*||' node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js \
		> $(GOVUK)/govuk-frontend.min.js
	node -p '"govuk-frontend " + require("govuk-frontend/package.json").version + " (MIT licence), built by make design-system"' \
		> $(GOVUK)/VERSION.txt

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

pytest: install-dev
	@$(BIN)/python -m pytest $(if $(PYTEST_WORKERS),-n $(PYTEST_WORKERS) --dist loadscope) $(PYTEST_ARGS); rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests: the suite is missing, which counts as a failure." >&2; exit 1; fi; \
	exit $$rc

test: install-dev browser-deps lint pytest

$(VENV)/.installed-bench: $(VENV)/.installed-dev requirements-bench.txt
	$(BIN)/pip install -qq --disable-pip-version-check -r requirements-bench.txt
	@touch $@

# Figures and the commands that produce them are in BENCHMARKS.md; not part of `make test`.
bench: $(VENV)/.installed-bench
	$(BIN)/python bench/import_speed.py
	$(BIN)/python bench/search_latency.py --paragraphs 100000 --database sqlite

clean:
	rm -rf $(VENV) node_modules var
