// Command hcpinspect reads HyperShift manifests and prints what the hcpkit
// SDK derives from them: for each HostedCluster and HostedControlPlane the
// kube-apiserver ports and advertise address, service publishing, public or
// private visibility, networks, release image and pause state; for each
// NodePool its cluster and whether that cluster is in the input.
//
// Usage:
//
//	hcpinspect [-o table|json|yaml] [--now RFC3339] [FILE|DIR|-]...
//
// With no arguments it inspects an embedded example. It exits 0 when every
// input was read, 1 when any input or document could not be, and 2 on a
// usage error.
package main

import (
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/hcpkit/hcpkit/internal/inspect"
)

//go:embed example.yaml
var example []byte

const usage = `Usage: hcpinspect [flags] [FILE|DIR|-]...

Reads HyperShift manifests (multi-document YAML or JSON, List kinds included)
and prints what hcpkit derives from each HostedCluster, HostedControlPlane and
NodePool. Directories are read recursively (*.yaml, *.yml, *.json); "-" reads
standard input. With no arguments, an embedded example is inspected.

Flags:
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// piped reports whether r is a pipe or a regular file, that is whether
// someone probably meant hcpinspect to read it.
func piped(r io.Reader) bool {
	f, ok := r.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	if err != nil {
		return false
	}
	return fi.Mode()&os.ModeNamedPipe != 0 || fi.Mode().IsRegular()
}

// run is the whole program; it returns the exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("hcpinspect", flag.ContinueOnError)
	fs.SetOutput(stderr)
	output := fs.String("o", "table", "output format: table, json or yaml")
	fs.StringVar(output, "output", "table", "same as -o")
	nowFlag := fs.String("now", "", "evaluate pausedUntil dates at this RFC 3339 time instead of the current time")
	fs.Usage = func() {
		fmt.Fprint(stderr, usage)
		fs.PrintDefaults()
	}
	// Accept flags before and after the inputs.
	var inputs []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return 0
			}
			return 2
		}
		if fs.NArg() == 0 {
			break
		}
		inputs = append(inputs, fs.Arg(0))
		args = fs.Args()[1:]
	}
	format, err := inspect.ParseFormat(*output)
	if err != nil {
		fmt.Fprintf(stderr, "hcpinspect: %v\n", err)
		return 2
	}
	now := time.Now()
	if *nowFlag != "" {
		// RFC 3339 allows a lowercase t and z; Go's layout wants them upper.
		now, err = time.Parse(time.RFC3339, strings.ToUpper(strings.TrimSpace(*nowFlag)))
		if err != nil {
			fmt.Fprintf(stderr, "hcpinspect: --now %q is not an RFC 3339 time\n", *nowFlag)
			return 2
		}
	}

	in := inspect.NewInspector(now)
	if len(inputs) == 0 {
		if piped(stdin) {
			fmt.Fprintln(stderr, "hcpinspect: no input named, so showing the embedded example; use - to read standard input")
		}
		in.Add(inspect.Split("(embedded example)", example))
	} else {
		inspect.Load(inputs, stdin, in.Add)
	}
	report := in.Report()
	if err := inspect.Render(stdout, report, format); err != nil {
		fmt.Fprintf(stderr, "hcpinspect: writing output: %v\n", err)
		return 1
	}
	if len(report.Errors) > 0 {
		for _, e := range report.Errors {
			fmt.Fprintf(stderr, "hcpinspect: %s\n", e.Error())
		}
		return 1
	}
	return 0
}
