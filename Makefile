GO ?= go
DB ?= tilmash.db
ADDR ?= 127.0.0.1:8080

.PHONY: run test build lint bench fuzz screenshots loadtest loadtest-compare

## run: start the service with demo data on the embedded SQLite file $(DB)
run:
	$(GO) run ./cmd/tilmash serve --addr $(ADDR) --db $(DB) --demo

## test: every test, with the race detector
# A race-detector binary sleeps a second before it exits, so that racing
# goroutines still running can report; a test binary's have ended with its
# tests, and the 30 packages' seconds were a sixth of make test.
test:
	GORACE=atexit_sleep_ms=100 $(GO) test -race -count=1 ./...

## build: the tilmash binary in ./bin
build:
	$(GO) build -o bin/tilmash ./cmd/tilmash

## loadtest: load a fresh `tilmash serve` (built without -race) on a temporary database: saves,
## reads, sign-ins at 1/16/64 clients; loopback only, each phase bounded (LOADTEST="--phases w16+r16 --duration 10s")
loadtest: build
	./bin/tilmash loadtest $(LOADTEST)

## loadtest-compare: the same phases on SQLite, PostgreSQL with one replica and with two (a throwaway
## cluster: needs Debian's postgresql package), for README's table (LOADTEST as above)
loadtest-compare:
	scripts/loadtest-compare $(LOADTEST)

## lint: vet and formatting
lint:
	$(GO) vet ./...
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

## bench: the benchmarks quoted in README's performance table
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

# FUZZ_TARGETS are the fuzz targets of the file readers and of the imports
# that write what they read, as package:Target.
FUZZ_TARGETS = \
	./internal/xliff:FuzzRead \
	./internal/tmx:FuzzRead \
	./internal/glossary:FuzzReadCSV \
	./internal/glossary:FuzzReadTBX \
	./internal/segment:FuzzSegment \
	./internal/xmltext:FuzzReplace \
	./internal/app:FuzzImportXLIFF \
	./internal/app:FuzzImportTMX \
	./internal/app:FuzzImportGlossary
FUZZTIME ?= 10s

## fuzz: each target of FUZZ_TARGETS for FUZZTIME (go test takes one -fuzz at a time, .ci/fuzz runs one); a crasher is saved under the package's testdata/fuzz: commit it as a regression seed
fuzz:
	@set -e; for t in $(FUZZ_TARGETS); do \
		echo "fuzz $${t%%:*} $${t##*:}"; \
		GO=$(GO) .ci/fuzz $${t%%:*} $${t##*:} $(FUZZTIME); \
	done

## screenshots: docs/editor.png (1280×800) and phone-width pages, taken by the browser test in Chromium
screenshots:
	TILMASH_BROWSER_TESTS=required TILMASH_SCREENSHOTS=$(CURDIR)/docs $(GO) test -count=1 -run '^TestBrowserWholeFlow$$' ./internal/server/
