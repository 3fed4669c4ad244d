package hostkit

import (
	"fmt"
	"os"

	"google.golang.org/grpc"

	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// Serve is the handshake every language host owes the engine that started it: answer the
// LanguageRuntime calls on a port of its own, printed as the first line of standard output (where
// the engine reads it), until the server stops, and stop with the engine (ExitWhenGone). A server
// that cannot start, or stops with an error, is said on standard error after the host's name and
// ends the process with status 1.
func Serve(name string, host pulumirpc.LanguageRuntimeServer) {
	ExitWhenGone()
	handle, err := rpcutil.ServeWithOptions(rpcutil.ServeOptions{
		Init: func(srv *grpc.Server) error {
			pulumirpc.RegisterLanguageRuntimeServer(srv, host)
			return nil
		},
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: could not start the RPC server: %v\n", name, err)
		os.Exit(1)
	}
	fmt.Printf("%d\n", handle.Port)
	if err := <-handle.Done; err != nil {
		fmt.Fprintf(os.Stderr, "%s: RPC server stopped: %v\n", name, err)
		os.Exit(1)
	}
}
