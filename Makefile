# Casebook: `make site` builds Site/ from Content/; `make test` runs the test suite.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = "0" ] || echo sudo)

.PHONY: site test build release deps clean bench

## Install libcmark when pkg-config cannot find it (apt on Debian/Ubuntu; on macOS, say how).
deps:
	@if pkg-config --exists libcmark 2>/dev/null; then :; \
	elif [ "$$(uname)" = "Darwin" ]; then \
		echo "libcmark is missing: run 'brew install cmark pkg-config'" >&2; exit 1; \
	elif command -v apt-get >/dev/null 2>&1; then \
		echo "Installing libcmark-dev and pkg-config with apt-get..."; \
		$(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libcmark-dev pkg-config >/dev/null; \
	else \
		echo "libcmark is missing: install cmark's development files with your package manager" >&2; exit 1; \
	fi

build: deps
	$(SWIFT) build

site: build
	$(SWIFT) run --skip-build casebook build

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	$(SWIFT) run --skip-build casebook check

release: deps
	$(SWIFT) build -c release

clean:
	rm -rf .build Site

## Release-build benchmark on synthetic trackers of 1,000 and 10,000 events (see Scripts/bench.sh).
bench: deps
	Scripts/bench.sh 5 1000 10000
