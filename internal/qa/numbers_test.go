package qa

import (
	"reflect"
	"slices"
	"testing"
)

func slicesSort(s []string) { slices.Sort(s) }

func TestScanNumbers(t *testing.T) {
	tests := []struct {
		text   string
		native bool
		want   []string // values; optional ones end in "?"
	}{
		{"2030", false, []string{"2030"}},
		{"с 27 по 29 ноября", false, []string{"27", "29"}},
		{"25-27 сентября 2015 г.", false, []string{"25", "27", "2015"}},
		{"1 000 человек", false, []string{"1000"}},
		{"1\u00a0000\u202f000", false, []string{"1000000"}},
		{"1,000,000.5", false, []string{"1000000.5"}},
		{"1.000.000,50", false, []string{"1000000.5"}},
		{"2,5 и 2.5 и 2,50", false, []string{"2.5", "2.5", "2.5"}},
		{"0,75", false, []string{"0.75"}},
		{"16.07.2019", false, []string{"16", "7?", "2019"}},
		{"07/16/19", false, []string{"7", "16?", "19"}},
		{"2019, 2020 и 2021.", false, []string{"2019", "2020", "2021"}},
		{"в 2015 123 человека", false, []string{"2015", "123"}},
		{"ЦУР 16 и G20", false, []string{"16", "20"}},
		{"007", false, []string{"7"}},
		{"١٬٠٠٠ و٢٫٥", true, []string{"1000", "2.5"}},
		{"۲۰۳۰", true, []string{"2030"}},
		{"۲۰۳۰", false, nil},
		{"3,0", false, []string{"3"}},
	}
	for _, tt := range tests {
		ns := numberScanner{native: tt.native}
		var got []string
		for _, n := range ns.scan(tt.text, nil) {
			v := string(ns.value(n))
			if n.optional {
				v += "?"
			}
			got = append(got, v)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("scan(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}
