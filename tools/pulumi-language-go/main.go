// Command pulumi-language-go is the Go language host of this project's tests: it runs Go Pulumi
// programs the way upstream's host does (build the program, run the binary with the engine's
// settings in its environment), tells the engine which provider plugins a program's go.mod
// requires, and generates Go code (`pulumi package gen-sdk --language go`, and the code
// `pulumi import` prints).
//
// Upstream's host lives in its own Go module (github.com/pulumi/pulumi/sdk/go/pulumi-language-go/v3),
// which the Go module proxy reachable from this project's machines refuses for every version, like
// the Node.js one (see tools/pulumi-language-nodejs). The code generator itself is in
// github.com/pulumi/pulumi/pkg/v3, which the proxy serves: scripts/ensure-pulumi builds this host in
// the CLI's own wrapper module, at the CLI's version, so the code it writes is the one that CLI's
// users get. What it leaves out compared with upstream's is listed in CONTRIBUTING.md.
package main

import "pulumi-chathub/hostkit"

func main() {
	// This host sends no traces: it takes --tracing, as the engine passes it, and ignores it.
	_, engineAddress := hostkit.CommandLine("a Zipkin-compatible tracing endpoint (ignored)")
	host := &goHost{}
	host.SetEngineAddress(engineAddress)
	hostkit.Serve("pulumi-language-go", host)
}
