// Package events collects the warning messages that Kubernetes events record
// about an object, in a stable order, for status conditions and messages.
package events
