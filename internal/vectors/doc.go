// Package vectors loads the golden vectors that hcpkit's tests replay: cases
// measured on HyperShift's support/util v0.1.40 and copied into each
// package's testdata/.
//
// A test picks the cases of one legacy function with Load, decodes a case's
// inputs (In, or one of them with Case.Arg) and its expected result
// (Case.Want, or Expected) with Decode or DecodeStrict, and compares. Load
// fails the test when the file is missing, unreadable or holds no case for
// the function, so a renamed function or a lost file cannot turn a golden
// test into one that checks nothing. Cases marked legacy_fault or panics are
// not targets; where a file gives their corrected result in "fixed" (or
// "corrected"), Want returns it and the RequireFixed option makes Load check
// that every such case has one.
//
// Two file layouts are read:
//
//	{"cases": {"Fn": [case, ...]}, ...}    one map of functions (most files)
//	{"Fn": {"cases": [case, ...]}, ...}    one object per function
//
// The package is test support only: nothing outside _test.go files imports
// it.
package vectors
