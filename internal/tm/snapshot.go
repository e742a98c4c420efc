package tm

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash"
	"hash/crc32"
	"io"
	"maps"
	"slices"
	"strings"
	"sync"
	"time"
	"unsafe"
)

// A snapshot is a memory with its built indexes, so that a process starts without folding and
// indexing every entry again. It is a sequence of sections, each an 8-byte length and its bytes,
// ended by a CRC-32C of everything before it. The head section holds the magic, the format version
// and the number of pairs; then per pair four sections: meta (the pair's name, the entry and key
// records, the small arrays, counts as varints), text (every entry's source and target, one
// blob), and the posting offsets and postings as little-endian uint32. The big sections are read
// straight into the arrays the index keeps: no copy, no parsing. The maps that find an entry by ID
// or a key by hash are rebuilt on reading.
const (
	snapshotMagic   = "TILMASH-TM\n"
	snapshotVersion = 2
)

// ErrSnapshot is wrapped by every error of a snapshot that cannot be read: corrupt, truncated, of
// another format version.
var ErrSnapshot = errors.New("translation memory snapshot unusable")

var crcTable = crc32.MakeTable(crc32.Castagnoli)

// littleEndian: the host stores a uint32 as the snapshot does, so arrays go to and from it as
// they lie in memory.
var littleEndian = func() bool {
	v := uint16(1)
	return *(*byte)(unsafe.Pointer(&v)) == 1
}()

// WriteSnapshot writes the memory, every pair's index with it, to w.
func (m *Memory) WriteSnapshot(w io.Writer) error {
	m.mu.Lock()
	names := slices.Sorted(maps.Keys(m.pairs))
	idx := make([]*Index, len(names))
	for i, n := range names {
		idx[i] = m.pairs[n]
	}
	m.mu.Unlock()
	sw := &snapWriter{w: w, crc: crc32.New(crcTable)}
	var head []byte
	head = append(head, snapshotMagic...)
	head = binary.AppendUvarint(head, snapshotVersion)
	head = binary.AppendUvarint(head, uint64(len(names)))
	sw.section(head)
	for i, name := range names {
		idx[i].writeTo(sw, name)
	}
	if sw.err == nil {
		_, sw.err = w.Write(binary.LittleEndian.AppendUint32(nil, sw.crc.Sum32()))
	}
	if sw.err != nil {
		return fmt.Errorf("write translation memory snapshot: %w", sw.err)
	}
	return nil
}

// ReadSnapshot reads a memory written by WriteSnapshot from r, which holds size bytes (a file's
// size): no length read from a corrupt snapshot makes it allocate more than that. A snapshot that
// is truncated, corrupt or of another format version is refused with an error wrapping
// ErrSnapshot.
func ReadSnapshot(r io.Reader, size int64) (*Memory, error) {
	sr := &sectionReader{r: r, crc: crc32.New(crcTable), left: size}
	m, err := sr.memory()
	if err == nil {
		want := sr.crc.Sum32()
		var b [4]byte
		if _, err = io.ReadFull(r, b[:]); err == nil && binary.LittleEndian.Uint32(b[:]) != want {
			err = errors.New("checksum mismatch")
		} else if err == nil && sr.left != 4 {
			err = errors.New("trailing bytes")
		}
	}
	if err != nil {
		if errors.Is(err, io.EOF) {
			err = io.ErrUnexpectedEOF
		}
		return nil, fmt.Errorf("%w: %w", ErrSnapshot, err)
	}
	return m, nil
}

func (sr *sectionReader) memory() (*Memory, error) {
	head, err := sr.small()
	if err != nil {
		return nil, err
	}
	hr := &snapReader{b: head}
	if magic := hr.bytes(len(snapshotMagic)); hr.err == nil && string(magic) != snapshotMagic {
		return nil, errors.New("not a snapshot")
	}
	if v := hr.uvarint(); hr.err == nil && v != snapshotVersion {
		return nil, fmt.Errorf("format version %d, want %d", v, snapshotVersion)
	}
	n := hr.uvarint()
	if hr.err != nil {
		return nil, hr.err
	}
	m := NewMemory()
	for range n {
		x := NewIndex()
		name, err := x.readFrom(sr)
		if err != nil {
			return nil, fmt.Errorf("pair %q: %w", name, err)
		}
		if _, dup := m.pairs[name]; dup || strings.Count(name, "\x00") != 1 {
			return nil, fmt.Errorf("bad pair name %q", name)
		}
		m.pairs[name] = x
	}
	return m, nil
}

// writeTo writes the index of the pair name under its read lock.
func (x *Index) writeTo(sw *snapWriter, name string) {
	x.mu.RLock()
	defer x.mu.RUnlock()
	// Origins and authors, which repeat, by number in a table.
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
	mw := &metaWriter{}
	mw.str(name)
	mw.uvarint(uint64(len(names)))
	for _, s := range names {
		mw.str(s)
	}
	mw.uvarint(uint64(len(x.entries)))
	for i := range x.entries {
		e := &x.entries[i]
		mw.varint(e.ID)
		mw.uvarint(uint64(len(e.Source)))
		mw.uvarint(uint64(len(e.Target)))
		mw.uvarint(table[e.Origin])
		mw.uvarint(table[e.Author])
		mw.varint(e.Created.UnixNano())
		mw.varint(int64(e.key))
		mw.varint(int64(e.next))
	}
	mw.int32s(x.free)
	mw.uvarint(uint64(len(x.keys)))
	for _, k := range x.keys {
		mw.uvarint(uint64(k.length))
		mw.varint(int64(k.head))
		mw.u64(k.hash)
	}
	mw.uvarint(uint64(x.nStatic))
	mw.uvarint(uint64(x.shortEnd))
	mw.uvarint(uint64(x.bits))
	mw.int32s(x.lenStart)
	mw.uvarint(uint64(len(x.stop)))
	for _, s := range x.stop {
		mw.u64(s)
	}
	buckets := slices.Sorted(maps.Keys(x.dyn))
	mw.uvarint(uint64(len(buckets)))
	for _, b := range buckets {
		mw.uvarint(uint64(b))
		mw.int32s(x.dyn[b])
	}
	sw.section(mw.b)

	sw.header(total)
	chunk := make([]byte, 0, 1<<20)
	for i := range x.entries {
		chunk = append(chunk, x.entries[i].Source...)
		chunk = append(chunk, x.entries[i].Target...)
		if len(chunk) >= 1<<20 || i == len(x.entries)-1 {
			sw.write(chunk)
			chunk = chunk[:0]
		}
	}
	sw.u32s(x.off)
	sw.u32s(x.post)
}

// readFrom fills an empty index from sr and returns its pair's name, checking every number it
// will later index with: a corrupt snapshot is an error, never an index that panics or loops.
func (x *Index) readFrom(sec *sectionReader) (string, error) {
	meta, err := sec.small()
	if err != nil {
		return "", err
	}
	blob, err := sec.small()
	if err != nil {
		return "", err
	}
	text := unsafe.String(unsafe.SliceData(blob), len(blob))
	if x.off, err = sec.u32s(); err != nil {
		return "", err
	}
	if x.post, err = sec.u32s(); err != nil {
		return "", err
	}
	sr := &snapReader{b: meta}
	name := sr.str(1 << 10)
	nNames := sr.count(len(sr.b))
	names := make([]string, 0, nNames)
	for range nNames {
		names = append(names, sr.str(1<<20))
	}
	total := len(text)
	nEntries := sr.count(len(sr.b) / 8) // an entry takes at least 8 bytes
	x.entries = make([]entryRec, 0, nEntries)
	at := 0
	for range nEntries {
		id := sr.varint()
		ls, lt := sr.count(total), sr.count(total)
		o, a := sr.count(len(names)-1), sr.count(len(names)-1)
		created := sr.varint()
		key, next := sr.varint(), sr.varint()
		if sr.err != nil {
			return name, sr.err
		}
		if at+ls+lt > len(text) || o >= len(names) || a >= len(names) {
			return name, errors.New("entry text out of range")
		}
		e := entryRec{Entry: Entry{ID: id, Source: text[at : at+ls], Target: text[at+ls : at+ls+lt],
			Origin: names[o], Author: names[a], Created: time.Unix(0, created).UTC()},
			key: int32(key), next: int32(next)}
		at += ls + lt
		x.entries = append(x.entries, e)
	}
	x.free = sr.int32s()
	nKeys := sr.count(len(sr.b) / 10) // a key takes at least 10 bytes
	x.keys = make([]keyRec, 0, nKeys)
	for range nKeys {
		x.keys = append(x.keys, keyRec{length: int32(sr.count(1 << 30)), head: int32(sr.varint()), hash: sr.u64()})
	}
	x.nStatic = int32(sr.count(len(x.keys)))
	x.shortEnd = int32(sr.count(int(x.nStatic)))
	x.bits = uint8(sr.count(maxBucketBits))
	x.lenStart = sr.int32s()
	nStop := sr.count(len(sr.b) / 8)
	x.stop = make([]uint64, 0, nStop)
	for range nStop {
		x.stop = append(x.stop, sr.u64())
	}
	nDyn := sr.count(1 << maxBucketBits)
	for range nDyn {
		b := uint32(sr.count(1<<maxBucketBits - 1))
		x.dyn[b] = sr.int32s()
	}
	if sr.err != nil {
		return name, sr.err
	}
	if len(sr.b) != 0 {
		return name, errors.New("meta section not used up")
	}
	if at != len(text) {
		return name, errors.New("text blob not used up")
	}
	if err := x.checkAndIndex(); err != nil {
		return name, err
	}
	x.setLengths() // after the check: static keys are sorted by length
	return name, nil
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
	x.maxLen, x.deadKeys = 0, 0
	// The map by hash is filled beside the checks (a restart's two biggest costs, on two cores);
	// it reads only the keys' own fields.
	var hashes sync.WaitGroup
	defer hashes.Wait()
	hashes.Go(func() {
		x.byHash = make(map[uint64]int32, nk)
		for k := range nk {
			if kr := x.keys[k]; kr.head >= 0 {
				if _, taken := x.byHash[kr.hash]; taken {
					x.moreHash[kr.hash] = append(x.moreHash[kr.hash], k)
				} else {
					x.byHash[kr.hash] = k
				}
			}
		}
	})
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
			n := len(x.byID) // one map operation, not two: a restart makes a million
			if x.byID[x.entries[s].ID] = s; len(x.byID) == n {
				return errors.New("duplicate entry ID")
			}
			if x.entries[s].next < -1 {
				return errors.New("broken entry chain")
			}
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

// snapWriter writes sections to w and keeps the checksum of what it wrote.
type snapWriter struct {
	w   io.Writer
	crc hash.Hash32
	err error
}

func (sw *snapWriter) write(b []byte) {
	if sw.err == nil {
		sw.crc.Write(b)
		_, sw.err = sw.w.Write(b)
	}
}

// header starts a section of n bytes.
func (sw *snapWriter) header(n int) {
	sw.write(binary.LittleEndian.AppendUint64(nil, uint64(n)))
}

func (sw *snapWriter) section(b []byte) {
	sw.header(len(b))
	sw.write(b)
}

// u32s writes a section of little-endian uint32: the array's own memory where the host is
// little-endian.
func (sw *snapWriter) u32s(vs []uint32) {
	sw.header(4 * len(vs))
	if littleEndian {
		sw.write(unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(vs))), 4*len(vs)))
		return
	}
	chunk := make([]byte, 0, 1<<16)
	for i, v := range vs {
		chunk = binary.LittleEndian.AppendUint32(chunk, v)
		if len(chunk) == cap(chunk) || i == len(vs)-1 {
			sw.write(chunk)
			chunk = chunk[:0]
		}
	}
}

// metaWriter encodes a meta section in memory.
type metaWriter struct{ b []byte }

func (mw *metaWriter) uvarint(v uint64) { mw.b = binary.AppendUvarint(mw.b, v) }
func (mw *metaWriter) varint(v int64)   { mw.b = binary.AppendVarint(mw.b, v) }
func (mw *metaWriter) u64(v uint64)     { mw.b = binary.LittleEndian.AppendUint64(mw.b, v) }

func (mw *metaWriter) str(s string) {
	mw.uvarint(uint64(len(s)))
	mw.b = append(mw.b, s...)
}

func (mw *metaWriter) int32s(vs []int32) {
	mw.uvarint(uint64(len(vs)))
	for _, v := range vs {
		mw.b = binary.LittleEndian.AppendUint32(mw.b, uint32(v))
	}
}

// sectionReader reads sections from r, each into memory of its own, and keeps the checksum of
// what it read; left is what r still holds, the bound of every length.
type sectionReader struct {
	r    io.Reader
	crc  hash.Hash32
	left int64
}

// length reads a section's length.
func (sr *sectionReader) length() (int, error) {
	var b [8]byte
	if err := sr.read(b[:]); err != nil {
		return 0, err
	}
	n := binary.LittleEndian.Uint64(b[:])
	if n > uint64(sr.left) {
		return 0, fmt.Errorf("section of %d bytes, %d left", n, sr.left)
	}
	return int(n), nil
}

func (sr *sectionReader) read(b []byte) error {
	if int64(len(b)) > sr.left {
		return io.ErrUnexpectedEOF
	}
	if _, err := io.ReadFull(sr.r, b); err != nil {
		return err
	}
	sr.crc.Write(b)
	sr.left -= int64(len(b))
	return nil
}

// small reads a whole section.
func (sr *sectionReader) small() ([]byte, error) {
	n, err := sr.length()
	if err != nil {
		return nil, err
	}
	b := make([]byte, n)
	return b, sr.read(b)
}

// u32s reads a section of little-endian uint32, straight into the array where the host is
// little-endian.
func (sr *sectionReader) u32s() ([]uint32, error) {
	n, err := sr.length()
	if err != nil {
		return nil, err
	}
	if n%4 != 0 {
		return nil, errors.New("uint32 section of odd length")
	}
	out := make([]uint32, n/4)
	if littleEndian {
		return out, sr.read(unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(out))), n))
	}
	b := make([]byte, n)
	if err := sr.read(b); err != nil {
		return nil, err
	}
	for i := range out {
		out[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return out, nil
}

// snapReader decodes a section held in memory; b is what is left of it. Every count is checked
// against the bytes left, so a corrupt one fails instead of allocating without end.
type snapReader struct {
	b   []byte
	err error
}

func (sr *snapReader) fail(err error) {
	if sr.err == nil {
		sr.err = err
	}
	sr.b = nil
}

func (sr *snapReader) bytes(n int) []byte {
	if sr.err != nil {
		return nil
	}
	if n < 0 || n > len(sr.b) {
		sr.fail(io.ErrUnexpectedEOF)
		return nil
	}
	b := sr.b[:n:n]
	sr.b = sr.b[n:]
	return b
}

func (sr *snapReader) uvarint() uint64 {
	if sr.err != nil {
		return 0
	}
	v, n := binary.Uvarint(sr.b)
	if n <= 0 {
		if n == 0 {
			sr.fail(io.ErrUnexpectedEOF)
		} else {
			sr.fail(errors.New("bad varint"))
		}
		return 0
	}
	sr.b = sr.b[n:]
	return v
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

// int32s reads a counted array of little-endian 32-bit numbers.
func (sr *snapReader) int32s() []int32 {
	n := sr.count(len(sr.b) / 4)
	b := sr.bytes(4 * n)
	if b == nil {
		return nil
	}
	out := make([]int32, n)
	for i := range out {
		out[i] = int32(binary.LittleEndian.Uint32(b[4*i:]))
	}
	return out
}

// crc32Sum is the checksum a snapshot ends with, of the bytes before it.
func crc32Sum(b []byte) uint32 { return crc32.Checksum(b, crcTable) }
