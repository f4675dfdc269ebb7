// Package pause interprets the spec.pausedUntil field of HostedClusters,
// HostedControlPlanes and NodePools and builds their ReconciliationActive
// condition.
//
// The field holds either a boolean ("true" pauses until the field is
// removed) or an RFC 3339 date (reconciliation pauses until then). Compared
// with HyperShift's support/util v0.1.40, surrounding whitespace is ignored,
// lowercase "t" and "z" are accepted in dates as RFC 3339 allows, a date in
// the past means not paused with a zero requeue duration (never a negative
// one), and the condition builder takes a clock so it can be tested.
package pause
