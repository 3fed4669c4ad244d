package hostkit

import (
	"context"
	"sync"

	pbempty "google.golang.org/protobuf/types/known/emptypb"

	"github.com/pulumi/pulumi/sdk/v3/go/common/version"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// Runtime is the part of a LanguageRuntime server that every host here answers the same way, for
// a host to embed: the engine's address (given on the command line, or later by Handshake, which
// a program's run needs) and the plugin's version (the CLI's, stamped in at build time). The calls
// a host does not answer fall to the embedded Unimplemented server.
type Runtime struct {
	pulumirpc.UnimplementedLanguageRuntimeServer

	mu            sync.Mutex
	engineAddress string
}

// SetEngineAddress records where the engine is; an empty address leaves the one known.
func (r *Runtime) SetEngineAddress(address string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if address != "" {
		r.engineAddress = address
	}
}

// EngineAddress is where the engine is, or "" if it has not said.
func (r *Runtime) EngineAddress() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.engineAddress
}

func (r *Runtime) Handshake(
	_ context.Context, req *pulumirpc.LanguageHandshakeRequest,
) (*pulumirpc.LanguageHandshakeResponse, error) {
	r.SetEngineAddress(req.GetEngineAddress())
	return &pulumirpc.LanguageHandshakeResponse{}, nil
}

func (r *Runtime) GetPluginInfo(context.Context, *pbempty.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: version.Version}, nil
}
