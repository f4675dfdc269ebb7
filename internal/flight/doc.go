// Package flight collapses concurrent identical calls into one, like
// golang.org/x/sync/singleflight (on which it is built), and also lets each
// caller stop waiting when its own context ends: the shared call runs under
// a context of its own, which is cancelled once no caller waits for it.
package flight
