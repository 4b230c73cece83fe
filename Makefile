# Colopass — the two commands: `make run` and `make test`. Everything else is a step they take.
SHELL := /bin/bash
.DEFAULT_GOAL := help

DATA_DIR ?= data
HOST     ?= 127.0.0.1
PORT     ?= 8080
# System packages the build, the tests and the benchmarks need (Debian names): zbar-tools reads
# badges back in the tests, chromium and its driver run the browser test (CJK fonts so its
# screenshots show the Chinese), wrk loads the server, time reads gate-check's peak memory.
APT_PACKAGES := pkg-config libsqlite3-dev sqlite3 libssl-dev openssl libqrencode-dev libpng-dev zbar-tools \
                chromium chromium-driver fonts-noto-cjk wrk time
# The API contract test (schemathesis) and the notification tests' receivers (aiosmtpd) run from a
# project-local venv made from Tests/requirements.txt; libcurl sends the e-mail (SMTP) and the webhooks.
APT_PACKAGES += libcurl4-openssl-dev python3-venv curl
VENV := .venv
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BIN := .build/debug

.PHONY: help deps build run test bench clean contract

help:
	@echo "make run    install what is missing, build, start Colopass on $(HOST):$(PORT) with a demo site"
	@echo "make test   install what is missing, build, run every test"
	@echo "make bench  release build and the benchmarks"

# apt-get update only runs when a package is actually missing.
deps:
	@missing=""; \
	for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "colopass: installing$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi
	@$(MAKE) --no-print-directory $(VENV)/.installed

# The Python test tools, from PyPI into .venv/; made again when the requirements change.
$(VENV)/.installed: Tests/requirements.txt
	@[ -x $(VENV)/bin/python ] || python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q --disable-pip-version-check -r Tests/requirements.txt
	@touch $@

build: deps
	swift build

run: build
	@if [ ! -f "$(DATA_DIR)/colopass.sqlite" ]; then $(BIN)/colopass init --demo --data-dir "$(DATA_DIR)"; fi
	$(BIN)/colopass serve --data-dir "$(DATA_DIR)" --host $(HOST) --port $(PORT)

test: deps
	swift build --build-tests
	swift test --skip-build
	Tests/contract/schemathesis.sh

# The API contract against a real `colopass serve` (schemathesis, bounded in time); part of `make test`.
contract: deps
	swift build
	Tests/contract/schemathesis.sh

bench: deps
	swift build -c release --product colopass-bench
	swift build -c release --product gate-check
	swift build -c release --product colopass
	.build/release/colopass-bench

clean:
	rm -rf .build
