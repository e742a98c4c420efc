// Package tm is the translation memory: an in-process fuzzy index per language pair that answers
// "which approved translations have a source like this one?" with CAT-style scores (0–100).
//
// The index never scans every entry. Distinct folded sources ("keys") are numbered in order of
// length, so a length window is a contiguous key range; character trigrams (numbered by occurrence,
// hashed into buckets) have posting lists of key numbers. Lists too frequent to be worth storing
// ("stop" buckets) keep only their short keys, so a heading's lookup counts every trigram it has.
// A lookup counts shared trigrams over the rarest buckets first within a posting budget, turns
// each key's count into an upper bound of its score (q-gram lemma, length difference), and
// verifies with bit-parallel (Myers/Hyyrö) edit distance every key whose bound can still reach
// the k-th score found, most promising first. Result.Exact says whether that finished within the
// verification budget: when it is true, the answer is the one scoring every entry would give.
//
// A snapshot (WriteSnapshot, ReadSnapshot) saves a memory with its built index, so that a process
// starts without rebuilding it.
package tm
