package tm

import "sync"

// Memory holds one Index per language pair, created on first use. Safe for concurrent use.
type Memory struct {
	mu    sync.Mutex
	pairs map[string]*Index
}

// NewMemory returns an empty memory.
func NewMemory() *Memory {
	return &Memory{pairs: map[string]*Index{}}
}

// Pair returns the index of the pair source→target (BCP 47 tags, compared case-insensitively),
// creating it on first use.
func (m *Memory) Pair(source, target string) *Index {
	key := pairKey(source, target)
	m.mu.Lock()
	defer m.mu.Unlock()
	x, ok := m.pairs[key]
	if !ok {
		x = NewIndex()
		m.pairs[key] = x
	}
	return x
}
