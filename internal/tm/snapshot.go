package tm

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"hash"
	"hash/crc32"
	"io"
	"maps"
	"slices"
	"strings"
	"time"
	"unsafe"
)

// A snapshot is a memory with its built indexes, so that a process starts without folding and
// indexing every entry again. Layout (little-endian, counts as uvarints): magic, format version,
// the number of pairs, then per pair its name and index; a CRC-32C of everything before it ends
// the file. An index is written as the arrays it holds; the maps that find an entry by ID or a key
// by hash are rebuilt on reading.
const (
	snapshotMagic   = "TILMASH-TM\n"
	snapshotVersion = 1
	// maxSnapshotText bounds one index's text: a corrupt length must not allocate without end.
	maxSnapshotText = 1 << 40
)

// ErrSnapshot is wrapped by every error of a snapshot that cannot be read: corrupt, truncated, of
// another format version.
var ErrSnapshot = errors.New("translation memory snapshot unusable")

var crcTable = crc32.MakeTable(crc32.Castagnoli)

// WriteSnapshot writes the memory, every pair's index with it, to w.
func (m *Memory) WriteSnapshot(w io.Writer) error {
	m.mu.Lock()
	names := slices.Sorted(maps.Keys(m.pairs))
	idx := make([]*Index, len(names))
	for i, n := range names {
		idx[i] = m.pairs[n]
	}
	m.mu.Unlock()
	sw := &snapWriter{w: bufio.NewWriterSize(w, 1<<16), crc: crc32.New(crcTable)}
	sw.bytes([]byte(snapshotMagic))
	sw.uvarint(snapshotVersion)
	sw.uvarint(uint64(len(names)))
	for i, name := range names {
		sw.str(name)
		idx[i].writeTo(sw)
	}
	sum := sw.crc.Sum32()
	if sw.err == nil {
		_, sw.err = sw.w.Write(binary.LittleEndian.AppendUint32(nil, sum))
	}
	if sw.err == nil {
		sw.err = sw.w.Flush()
	}
	if sw.err != nil {
		return fmt.Errorf("write translation memory snapshot: %w", sw.err)
	}
	return nil
}

// ReadSnapshot reads a memory written by WriteSnapshot. A snapshot that is truncated, corrupt or of
// another format version is refused with an error wrapping ErrSnapshot.
func ReadSnapshot(r io.Reader) (*Memory, error) {
	sr := &snapReader{r: bufio.NewReaderSize(r, 1<<16), crc: crc32.New(crcTable)}
	m, err := sr.memory()
	if err == nil {
		want := sr.crc.Sum32()
		var b [4]byte
		if _, err = io.ReadFull(sr.r, b[:]); err == nil && binary.LittleEndian.Uint32(b[:]) != want {
			err = errors.New("checksum mismatch")
		}
	}
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrSnapshot, err)
	}
	return m, nil
}

func (sr *snapReader) memory() (*Memory, error) {
	magic := sr.bytes(len(snapshotMagic))
	if sr.err == nil && string(magic) != snapshotMagic {
		return nil, errors.New("not a snapshot")
	}
	if v := sr.uvarint(); sr.err == nil && v != snapshotVersion {
		return nil, fmt.Errorf("format version %d, want %d", v, snapshotVersion)
	}
	n := sr.uvarint()
	m := NewMemory()
	for i := uint64(0); i < n && sr.err == nil; i++ {
		name := sr.str(1 << 10)
		x := NewIndex()
		if err := x.readFrom(sr); err != nil {
			return nil, fmt.Errorf("pair %q: %w", name, err)
		}
		if _, dup := m.pairs[name]; dup || strings.Count(name, "\x00") != 1 {
			return nil, fmt.Errorf("bad pair name %q", name)
		}
		m.pairs[name] = x
	}
	return m, sr.err
}

// writeTo writes the index under its read lock.
func (x *Index) writeTo(sw *snapWriter) {
	x.mu.RLock()
	defer x.mu.RUnlock()
	// Texts: one blob, each entry's strings by length; origins and authors, which repeat, by
	// number in a table.
	table := map[string]uint64{}
	var names []string
	intern := func(s string) uint64 {
		i, ok := table[s]
		if !ok {
			i = uint64(len(names))
			table[s] = i
			names = append(names, s)
		}
		return i
	}
	total := 0
	for i := range x.entries {
		e := &x.entries[i]
		total += len(e.Source) + len(e.Target)
		intern(e.Origin)
		intern(e.Author)
	}
	sw.uvarint(uint64(len(names)))
	for _, s := range names {
		sw.str(s)
	}
	sw.uvarint(uint64(total))
	for i := range x.entries {
		sw.bytes([]byte(x.entries[i].Source))
		sw.bytes([]byte(x.entries[i].Target))
	}
	sw.uvarint(uint64(len(x.entries)))
	for i := range x.entries {
		e := &x.entries[i]
		sw.varint(e.ID)
		sw.uvarint(uint64(len(e.Source)))
		sw.uvarint(uint64(len(e.Target)))
		sw.uvarint(table[e.Origin])
		sw.uvarint(table[e.Author])
		sw.varint(e.Created.UnixNano())
		sw.varint(int64(e.key))
		sw.varint(int64(e.next))
	}
	sw.int32s(x.free)
	sw.uvarint(uint64(len(x.keys)))
	for _, k := range x.keys {
		sw.uvarint(uint64(k.length))
		sw.varint(int64(k.head))
		sw.u64(k.hash)
	}
	sw.uvarint(uint64(x.nStatic))
	sw.uvarint(uint64(x.shortEnd))
	sw.uvarint(uint64(x.bits))
	sw.int32s(x.lenStart)
	sw.u32s(x.off)
	sw.u32s(x.post)
	sw.uvarint(uint64(len(x.stop)))
	for _, s := range x.stop {
		sw.u64(s)
	}
	buckets := slices.Sorted(maps.Keys(x.dyn))
	sw.uvarint(uint64(len(buckets)))
	for _, b := range buckets {
		sw.uvarint(uint64(b))
		sw.int32s(x.dyn[b])
	}
}

// readFrom fills an empty index from sr, checking every number it will later index with: a
// corrupt snapshot is an error, never an index that panics or loops.
func (x *Index) readFrom(sr *snapReader) error {
	nNames := sr.count(1 << 24)
	names := make([]string, 0, min(nNames, 1<<10))
	for range nNames {
		names = append(names, sr.str(1<<20))
	}
	total := sr.count(maxSnapshotText)
	var blob []byte
	for len(blob) < total && sr.err == nil { // grown as it arrives: a corrupt total fails at EOF
		chunk := min(total-len(blob), max(len(blob), 1<<20))
		blob = append(blob, sr.bytes(chunk)...)
	}
	text := unsafe.String(unsafe.SliceData(blob), len(blob))
	nEntries := sr.count(1 << 31)
	x.entries = make([]entryRec, 0, min(nEntries, 1<<20))
	at := 0
	for range nEntries {
		id := sr.varint()
		ls, lt := sr.count(total), sr.count(total)
		o, a := sr.count(len(names)-1), sr.count(len(names)-1)
		created := sr.varint()
		key, next := sr.varint(), sr.varint()
		if sr.err != nil {
			return sr.err
		}
		if at+ls+lt > len(text) || o >= len(names) || a >= len(names) {
			return errors.New("entry text out of range")
		}
		e := entryRec{Entry: Entry{ID: id, Source: text[at : at+ls], Target: text[at+ls : at+ls+lt],
			Origin: names[o], Author: names[a], Created: time.Unix(0, created).UTC()},
			key: int32(key), next: int32(next)}
		at += ls + lt
		x.entries = append(x.entries, e)
	}
	x.free = sr.int32s()
	nKeys := sr.count(1 << 31)
	x.keys = make([]keyRec, 0, min(nKeys, 1<<20))
	for range nKeys {
		x.keys = append(x.keys, keyRec{length: int32(sr.count(1 << 30)), head: int32(sr.varint()), hash: sr.u64()})
	}
	x.nStatic = int32(sr.count(len(x.keys)))
	x.shortEnd = int32(sr.count(int(x.nStatic)))
	x.bits = uint8(sr.count(maxBucketBits))
	x.lenStart = sr.int32s()
	x.off = sr.u32s()
	x.post = sr.u32s()
	nStop := sr.count(1 << 26)
	x.stop = make([]uint64, 0, min(nStop, 1<<16))
	for range nStop {
		x.stop = append(x.stop, sr.u64())
	}
	nDyn := sr.count(1 << maxBucketBits)
	for range nDyn {
		b := uint32(sr.count(1<<maxBucketBits - 1))
		x.dyn[b] = sr.int32s()
	}
	if sr.err != nil {
		return sr.err
	}
	if at != len(text) {
		return errors.New("text blob not used up")
	}
	return x.checkAndIndex()
}

// checkAndIndex checks the structure read from a snapshot and rebuilds the maps by ID and hash.
func (x *Index) checkAndIndex() error {
	ne, nk := int32(len(x.entries)), int32(len(x.keys))
	if x.bits < minBucketBits {
		return errors.New("bucket bits out of range")
	}
	nb := 1 << x.bits
	if len(x.off) == 0 && len(x.post) == 0 && len(x.stop) == 0 && x.nStatic == 0 {
		x.off, x.post, x.stop = nil, nil, nil // never built: every key is dynamic
		nb = 0
	} else if len(x.off) != nb+1 || len(x.stop) != (nb+63)/64 || x.off[0] != 0 || int(x.off[nb]) != len(x.post) {
		return errors.New("posting layout does not match the bucket count")
	}
	for b := range nb {
		if x.off[b] > x.off[b+1] {
			return errors.New("posting offsets not ascending")
		}
	}
	for _, k := range x.post {
		if k >= uint32(x.nStatic) {
			return errors.New("posting out of range")
		}
	}
	if len(x.lenStart) == 0 || x.lenStart[0] != 0 || x.lenStart[len(x.lenStart)-1] != x.nStatic {
		return errors.New("length starts out of range")
	}
	for i := 1; i < len(x.lenStart); i++ {
		if x.lenStart[i] < x.lenStart[i-1] {
			return errors.New("length starts not ascending")
		}
	}
	for b, keys := range x.dyn {
		if int(b) >= 1<<x.bits {
			return errors.New("dynamic bucket out of range")
		}
		for _, k := range keys {
			if k < x.nStatic || k >= nk {
				return errors.New("dynamic key out of range")
			}
		}
	}
	// Every live entry is on exactly one key's chain, the chain of its own key; every other slot
	// is free.
	seen := make([]bool, ne)
	x.byID = make(map[int64]int32, ne)
	x.byHash = make(map[uint64]int32, nk)
	x.maxLen, x.deadKeys = 0, 0
	for k := range nk {
		kr := x.keys[k]
		if kr.head < -1 || kr.head >= ne {
			return errors.New("key head out of range")
		}
		if kr.head < 0 {
			x.deadKeys++
			continue
		}
		if kr.length < 0 || int(kr.length) > 1<<30 {
			return errors.New("key length out of range")
		}
		if k < x.nStatic && (int(kr.length)+1 >= len(x.lenStart) || x.lenStart[kr.length] > k || k >= x.lenStart[kr.length+1]) {
			return errors.New("static key out of its length range")
		}
		for s := kr.head; s >= 0; s = x.entries[s].next {
			if s >= ne || seen[s] || x.entries[s].key != k {
				return errors.New("broken entry chain")
			}
			seen[s] = true
			if _, dup := x.byID[x.entries[s].ID]; dup {
				return errors.New("duplicate entry ID")
			}
			x.byID[x.entries[s].ID] = s
			if x.entries[s].next < -1 {
				return errors.New("broken entry chain")
			}
		}
		if _, taken := x.byHash[kr.hash]; taken {
			x.moreHash[kr.hash] = append(x.moreHash[kr.hash], k)
		} else {
			x.byHash[kr.hash] = k
		}
		x.maxLen = max(x.maxLen, int(kr.length))
	}
	for _, s := range x.free {
		if s < 0 || s >= ne || seen[s] || x.entries[s].key != -1 {
			return errors.New("bad free slot")
		}
		seen[s] = true
	}
	if len(x.byID)+len(x.free) != int(ne) {
		return errors.New("entries neither live nor free")
	}
	return nil
}

type snapWriter struct {
	w   *bufio.Writer
	crc hash.Hash32
	err error
	buf [binary.MaxVarintLen64]byte
}

func (sw *snapWriter) bytes(b []byte) {
	if sw.err != nil {
		return
	}
	sw.crc.Write(b)
	_, sw.err = sw.w.Write(b)
}

func (sw *snapWriter) uvarint(v uint64) { sw.bytes(binary.AppendUvarint(sw.buf[:0], v)) }
func (sw *snapWriter) varint(v int64)   { sw.bytes(binary.AppendVarint(sw.buf[:0], v)) }
func (sw *snapWriter) u64(v uint64)     { sw.bytes(binary.LittleEndian.AppendUint64(sw.buf[:0], v)) }

func (sw *snapWriter) str(s string) {
	sw.uvarint(uint64(len(s)))
	sw.bytes([]byte(s))
}

func (sw *snapWriter) u32s(vs []uint32) {
	sw.uvarint(uint64(len(vs)))
	chunk := make([]byte, 0, 1<<16)
	for i, v := range vs {
		chunk = binary.LittleEndian.AppendUint32(chunk, v)
		if len(chunk) == cap(chunk) || i == len(vs)-1 {
			sw.bytes(chunk)
			chunk = chunk[:0]
		}
	}
}

func (sw *snapWriter) int32s(vs []int32) {
	sw.u32s(unsafe.Slice((*uint32)(unsafe.Pointer(unsafe.SliceData(vs))), len(vs)))
}

type snapReader struct {
	r   *bufio.Reader
	crc hash.Hash32
	err error
}

func (sr *snapReader) fail(err error) {
	if sr.err == nil {
		if errors.Is(err, io.EOF) {
			err = io.ErrUnexpectedEOF
		}
		sr.err = err
	}
}

func (sr *snapReader) bytes(n int) []byte {
	if sr.err != nil {
		return nil
	}
	b := make([]byte, n)
	if _, err := io.ReadFull(sr.r, b); err != nil {
		sr.fail(err)
		return nil
	}
	sr.crc.Write(b)
	return b
}

func (sr *snapReader) uvarint() uint64 {
	if sr.err != nil {
		return 0
	}
	var buf [binary.MaxVarintLen64]byte
	for i := range buf {
		c, err := sr.r.ReadByte()
		if err != nil {
			sr.fail(err)
			return 0
		}
		buf[i] = c
		if c < 0x80 {
			sr.crc.Write(buf[:i+1])
			v, n := binary.Uvarint(buf[:i+1])
			if n <= 0 {
				sr.fail(errors.New("bad varint"))
				return 0
			}
			return v
		}
	}
	sr.fail(errors.New("varint too long"))
	return 0
}

func (sr *snapReader) varint() int64 {
	u := sr.uvarint()
	return int64(u>>1) ^ -int64(u&1)
}

// count reads a number that must lie in [0, limit].
func (sr *snapReader) count(limit int) int {
	v := sr.uvarint()
	if v > uint64(max(limit, 0)) {
		sr.fail(fmt.Errorf("count %d out of range", v))
		return 0
	}
	return int(v)
}

func (sr *snapReader) u64() uint64 {
	b := sr.bytes(8)
	if b == nil {
		return 0
	}
	return binary.LittleEndian.Uint64(b)
}

func (sr *snapReader) str(limit int) string { return string(sr.bytes(sr.count(limit))) }

// u32s reads a counted array, grown as it arrives so that a corrupt count fails at EOF instead of
// allocating.
func (sr *snapReader) u32s() []uint32 {
	n := sr.count(1 << 34)
	out := make([]uint32, 0, min(n, 1<<16))
	for len(out) < n && sr.err == nil {
		chunk := min(n-len(out), max(len(out), 1<<16))
		b := sr.bytes(4 * chunk)
		for i := 0; i+4 <= len(b); i += 4 {
			out = append(out, binary.LittleEndian.Uint32(b[i:]))
		}
	}
	return out
}

func (sr *snapReader) int32s() []int32 {
	u := sr.u32s()
	return unsafe.Slice((*int32)(unsafe.Pointer(unsafe.SliceData(u))), len(u))
}

// crc32Sum is the checksum a snapshot ends with, of the bytes before it.
func crc32Sum(b []byte) uint32 { return crc32.Checksum(b, crcTable) }
