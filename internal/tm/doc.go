// Package tm is the translation memory: an in-process fuzzy index per language pair that answers
// "which approved translations have a source like this one?" with CAT-style scores (0–100).
//
// The index never scans every entry. Distinct folded sources ("keys") are numbered in order of
// length, so a length window is a contiguous key range; character trigrams (numbered by occurrence,
// hashed into buckets) have posting lists of key numbers. A lookup counts shared trigrams over the
// rarest buckets first within a posting budget, prunes with the q-gram lemma and the current top-k
// score, and verifies the few survivors with bit-parallel (Myers/Hyyrö) edit distance.
package tm
