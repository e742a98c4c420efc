package workspace

import (
	"bytes"
	"encoding/binary"
	"flag"
	"image"
	"image/color"
	"image/png"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"tilmash/web"
)

var updateIcon = flag.Bool("update-icon", false, "rewrite web/static/favicon.ico from iconPixel")

// TestFaviconICO: web/static/favicon.ico is the drawing of favicon.svg (a
// blue rounded square with a white T) at 16 and 32 pixels, as PNG images in
// an ICO file, which every browser reads. The drawing lives here, so the
// binary file can be made again: go test -run TestFaviconICO -update-icon.
func TestFaviconICO(t *testing.T) {
	want, err := faviconICO(16, 32)
	if err != nil {
		t.Fatal(err)
	}
	if *updateIcon {
		if err := os.WriteFile(filepath.Join("..", "..", "..", "web", "static", "favicon.ico"), want, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Skip("wrote web/static/favicon.ico; run again without -update-icon to check it")
	}
	got, err := fs.ReadFile(web.FS, "static/favicon.ico")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("web/static/favicon.ico (%d bytes) is not the drawing (%d bytes): go test -run TestFaviconICO -update-icon", len(got), len(want))
	}
	sizes, err := icoSizes(got)
	if err != nil {
		t.Fatal(err)
	}
	if len(sizes) != 2 || sizes[0] != 16 || sizes[1] != 32 {
		t.Errorf("favicon.ico holds images of %v px, want [16 32]", sizes)
	}
}

// iconPixel is the colour of favicon.svg's 32-unit drawing at (x, y).
func iconPixel(x, y float64) color.NRGBA {
	const r = 6 // the corner radius
	cx, cy := min(max(x, r), 32-r), min(max(y, r), 32-r)
	if (x-cx)*(x-cx)+(y-cy)*(y-cy) > r*r {
		return color.NRGBA{}
	}
	bar := x >= 7 && x < 25 && y >= 7 && y < 12
	stem := x >= 13.5 && x < 18.5 && y >= 12 && y < 26
	if bar || stem {
		return color.NRGBA{0xff, 0xff, 0xff, 0xff}
	}
	return color.NRGBA{0x1a, 0x5f, 0xb4, 0xff}
}

// faviconICO draws the icon at each size, averaging 8×8 samples a pixel,
// and packs the PNGs into an ICO file.
func faviconICO(sizes ...int) ([]byte, error) {
	var pngs [][]byte
	for _, n := range sizes {
		img := image.NewNRGBA(image.Rect(0, 0, n, n))
		const k = 8
		for py := range n {
			for px := range n {
				var r, g, b, a float64
				for sy := range k {
					for sx := range k {
						scale := 32 / float64(n)
						c := iconPixel((float64(px)+(float64(sx)+.5)/k)*scale, (float64(py)+(float64(sy)+.5)/k)*scale)
						w := float64(c.A) / 255
						r, g, b, a = r+float64(c.R)*w, g+float64(c.G)*w, b+float64(c.B)*w, a+w
					}
				}
				if a > 0 {
					img.SetNRGBA(px, py, color.NRGBA{uint8(r/a + .5), uint8(g/a + .5), uint8(b/a + .5), uint8(a/(k*k)*255 + .5)})
				}
			}
		}
		var buf bytes.Buffer
		if err := png.Encode(&buf, img); err != nil {
			return nil, err
		}
		pngs = append(pngs, buf.Bytes())
	}
	var out bytes.Buffer
	binary.Write(&out, binary.LittleEndian, [3]uint16{0, 1, uint16(len(pngs))}) // reserved, type icon, count
	offset := 6 + 16*len(pngs)
	for i, p := range pngs {
		binary.Write(&out, binary.LittleEndian, struct {
			W, H, Colors, Reserved uint8
			Planes, BitCount       uint16
			Size, Offset           uint32
		}{uint8(sizes[i]), uint8(sizes[i]), 0, 0, 1, 32, uint32(len(p)), uint32(offset)})
		offset += len(p)
	}
	for _, p := range pngs {
		out.Write(p)
	}
	return out.Bytes(), nil
}

// icoSizes reads an ICO file's directory and decodes each image, returning their widths.
func icoSizes(b []byte) ([]int, error) {
	var head [3]uint16
	if err := binary.Read(bytes.NewReader(b), binary.LittleEndian, &head); err != nil {
		return nil, err
	}
	if head[0] != 0 || head[1] != 1 {
		return nil, errNotICO
	}
	var sizes []int
	for i := range int(head[2]) {
		e := b[6+16*i:]
		size, offset := binary.LittleEndian.Uint32(e[8:]), binary.LittleEndian.Uint32(e[12:])
		img, err := png.Decode(bytes.NewReader(b[offset : offset+size]))
		if err != nil {
			return nil, err
		}
		if img.Bounds().Dx() != int(e[0]) {
			return nil, errNotICO
		}
		sizes = append(sizes, img.Bounds().Dx())
	}
	return sizes, nil
}

var errNotICO = fs.ErrInvalid
