package bench

import (
	"math"
	"testing"
	"time"
)

func TestMedian(t *testing.T) {
	for _, tc := range []struct {
		in   []float64
		want float64
	}{
		{nil, 0},
		{[]float64{3}, 3},
		{[]float64{3, 1, 2}, 2},
		{[]float64{4, 1, 3, 2}, 2.5},
	} {
		if got := Median(tc.in); got != tc.want {
			t.Errorf("Median(%v) = %v, want %v", tc.in, got, tc.want)
		}
	}
	in := []float64{3, 1, 2}
	Median(in)
	if in[0] != 3 {
		t.Error("Median sorted its argument")
	}
	if got := MedianDuration([]time.Duration{time.Millisecond, 3 * time.Millisecond, 2 * time.Millisecond}); got != 2 {
		t.Errorf("MedianDuration = %v, want 2", got)
	}
}

func TestSlopeAndExponent(t *testing.T) {
	x := []float64{1, 2, 3, 4}
	if got := Slope(x, []float64{3, 5, 7, 9}); math.Abs(got-2) > 1e-12 {
		t.Errorf("Slope of y=2x+1 = %v", got)
	}
	if got := Slope([]float64{1, 1}, []float64{1, 2}); got != 0 {
		t.Errorf("Slope with constant x = %v, want 0", got)
	}
	sq := []float64{1, 4, 9, 16}
	if got := Exponent(x, sq); math.Abs(got-2) > 1e-12 {
		t.Errorf("Exponent of y=x² = %v", got)
	}
	if got := Exponent(x, []float64{5, 10, 15, 20}); math.Abs(got-1) > 1e-12 {
		t.Errorf("Exponent of y=5x = %v", got)
	}
}

func TestSpaced(t *testing.T) {
	for _, tc := range []struct {
		n, k int
		want []int
	}{
		{5, 0, []int{0, 1, 2, 3, 4}},
		{3, 10, []int{0, 1, 2}},
		{10, 3, []int{0, 3, 6}},
		{0, 3, []int{}},
	} {
		got := spaced(tc.n, tc.k)
		if len(got) != len(tc.want) {
			t.Errorf("spaced(%d, %d) = %v, want %v", tc.n, tc.k, got, tc.want)
			continue
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("spaced(%d, %d) = %v, want %v", tc.n, tc.k, got, tc.want)
				break
			}
		}
	}
}
