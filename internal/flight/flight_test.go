package flight

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestDoShares(t *testing.T) {
	var g Group[int]
	var runs atomic.Int32
	release := make(chan struct{})
	var wg sync.WaitGroup
	results := make([]int, 16)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			v, err := g.Do(context.Background(), "k", func(context.Context) (int, error) {
				runs.Add(1)
				<-release
				return 42, nil
			})
			if err != nil {
				t.Error(err)
			}
			results[i] = v
		}()
	}
	time.Sleep(50 * time.Millisecond)
	close(release)
	wg.Wait()
	if runs.Load() != 1 {
		t.Errorf("fn ran %d times", runs.Load())
	}
	for _, v := range results {
		if v != 42 {
			t.Fatalf("results %v", results)
		}
	}
}

func TestDoCancelsWhenAllCallersLeave(t *testing.T) {
	var g Group[int]
	stopped := make(chan struct{})
	ctx, cancel := context.WithCancel(context.Background())
	go func() { time.Sleep(20 * time.Millisecond); cancel() }()
	_, err := g.Do(ctx, "k", func(fctx context.Context) (int, error) {
		<-fctx.Done()
		close(stopped)
		return 0, fctx.Err()
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v", err)
	}
	select {
	case <-stopped:
	case <-time.After(5 * time.Second):
		t.Fatal("the shared call was not cancelled")
	}
}

func TestDoSurvivesOneCallerLeaving(t *testing.T) {
	var g Group[string]
	short, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	fn := func(fctx context.Context) (string, error) {
		select {
		case <-time.After(60 * time.Millisecond):
			return "done", nil
		case <-fctx.Done():
			return "", fctx.Err()
		}
	}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		if _, err := g.Do(short, "k", fn); !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("short caller: %v", err)
		}
	}()
	time.Sleep(2 * time.Millisecond)
	v, err := g.Do(context.Background(), "k", fn)
	wg.Wait()
	if err != nil || v != "done" {
		t.Fatalf("long caller: %q %v", v, err)
	}
}

func TestDoError(t *testing.T) {
	var g Group[int]
	boom := errors.New("boom")
	if _, err := g.Do(context.Background(), "k", func(context.Context) (int, error) { return 0, boom }); !errors.Is(err, boom) {
		t.Fatal(err)
	}
}
