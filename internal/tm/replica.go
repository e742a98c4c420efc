package tm

import (
	"slices"
	"strings"
)

// HighWater returns the number of entries and the highest entry ID: what a snapshot was current
// up to.
func (x *Index) HighWater() (n int, maxID int64) {
	x.mu.RLock()
	defer x.mu.RUnlock()
	for i := range x.entries {
		if x.entries[i].key >= 0 {
			maxID = max(maxID, x.entries[i].ID)
		}
	}
	return len(x.byID), maxID
}

// IDsUpTo returns the IDs of the entries with ID <= limit, ascending.
func (x *Index) IDsUpTo(limit int64) []int64 {
	x.mu.RLock()
	defer x.mu.RUnlock()
	// The entry array, not the map by ID: sequential, and mostly in ID order already, which the
	// sort then finds cheap.
	ids := make([]int64, 0, len(x.byID))
	for i := range x.entries {
		if e := &x.entries[i]; e.key >= 0 && e.ID <= limit {
			ids = append(ids, e.ID)
		}
	}
	slices.Sort(ids)
	return ids
}

// Get returns the entry with this ID.
func (x *Index) Get(id int64) (Entry, bool) {
	x.mu.RLock()
	defer x.mu.RUnlock()
	slot, ok := x.byID[id]
	if !ok {
		return Entry{}, false
	}
	return x.entries[slot].Entry, true
}

// Take removes the index of the pair source→target from the memory and returns it, or nil.
func (m *Memory) Take(source, target string) *Index {
	key := pairKey(source, target)
	m.mu.Lock()
	defer m.mu.Unlock()
	x := m.pairs[key]
	delete(m.pairs, key)
	return x
}

// Put makes x the index of the pair source→target.
func (m *Memory) Put(source, target string, x *Index) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.pairs[pairKey(source, target)] = x
}

func pairKey(source, target string) string {
	return strings.ToLower(source) + "\x00" + strings.ToLower(target)
}
