// Package tmbench holds benchmarks that set the translation memory's index beside other ways of
// looking up a memory: BenchmarkPgTrgm runs the same memory and queries through a PostgreSQL table
// with a pg_trgm GIN index, as Weblate, Pontoon and Tolgee look up theirs. It has only tests: they
// import tm and PostgreSQL's driver together, which neither tm (pure domain) nor store (whose SQL
// is Tilmash's own queries, not a peer's design) should.
package tmbench
