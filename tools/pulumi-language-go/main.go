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

import (
	"flag"
	"fmt"
	"os"

	"google.golang.org/grpc"

	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"

	"pulumi-chathub/enginewatch"
)

func main() {
	// The engine passes logging and tracing flags before its address. The logging flags
	// (--logtostderr, -v) are registered by glog, which the SDK's packages import.
	flag.String("tracing", "", "a Zipkin-compatible tracing endpoint (ignored)")
	flag.Parse()

	enginewatch.ExitWhenGone()

	host := &goHost{}
	if args := flag.Args(); len(args) > 0 {
		host.engineAddress = args[len(args)-1]
	}
	handle, err := rpcutil.ServeWithOptions(rpcutil.ServeOptions{
		Init: func(srv *grpc.Server) error {
			pulumirpc.RegisterLanguageRuntimeServer(srv, host)
			return nil
		},
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "pulumi-language-go: could not start the RPC server: %v\n", err)
		os.Exit(1)
	}
	// The engine reads the port from the first line of standard output.
	fmt.Printf("%d\n", handle.Port)
	if err := <-handle.Done; err != nil {
		fmt.Fprintf(os.Stderr, "pulumi-language-go: RPC server stopped: %v\n", err)
		os.Exit(1)
	}
}
