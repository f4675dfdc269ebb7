package flight

import (
	"context"
	"errors"
	"sync"

	"golang.org/x/sync/singleflight"
)

// Group runs one call per key at a time for all concurrent callers of Do.
// The zero value is ready to use.
type Group[T any] struct {
	group singleflight.Group
	mu    sync.Mutex
	calls map[string]*call
}

// call is the shared context of one key's callers.
type call struct {
	ctx     context.Context
	cancel  context.CancelFunc
	waiters int
}

func (g *Group[T]) join(ctx context.Context, key string) *call {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.calls == nil {
		g.calls = map[string]*call{}
	}
	c := g.calls[key]
	if c == nil {
		cctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
		c = &call{ctx: cctx, cancel: cancel}
		g.calls[key] = c
	}
	c.waiters++
	return c
}

func (g *Group[T]) leave(key string, c *call) {
	g.mu.Lock()
	defer g.mu.Unlock()
	c.waiters--
	if c.waiters == 0 {
		c.cancel()
		if g.calls[key] == c {
			delete(g.calls, key)
		}
	}
}

// Do returns the result of fn for key, running fn once for all callers that
// ask for key while it runs. fn gets a context that carries ctx's values and
// ends when every caller waiting for it has gone; a caller whose ctx ends
// returns ctx's error at once.
func (g *Group[T]) Do(ctx context.Context, key string, fn func(context.Context) (T, error)) (T, error) {
	var zero T
	for attempt := 0; ; attempt++ {
		if err := ctx.Err(); err != nil {
			return zero, err
		}
		c := g.join(ctx, key)
		ch := g.group.DoChan(key, func() (any, error) { return fn(c.ctx) })
		select {
		case res := <-ch:
			g.leave(key, c)
			if res.Err != nil {
				// A call whose callers had all gone ends with their
				// cancellation; this caller still waits, so it starts
				// another.
				if errors.Is(res.Err, context.Canceled) && ctx.Err() == nil && attempt < 3 {
					continue
				}
				return zero, res.Err
			}
			return res.Val.(T), nil
		case <-ctx.Done():
			g.leave(key, c)
			return zero, ctx.Err()
		}
	}
}
