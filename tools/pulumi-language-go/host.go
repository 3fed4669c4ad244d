package main

import (
	"context"
	"os/exec"
	"strings"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"

	"pulumi-chathub/hostkit"
)

// goHost answers for Go programs; the methods every host answers alike (Handshake,
// GetPluginInfo) and the engine's address are hostkit.Runtime's.
type goHost struct {
	hostkit.Runtime
}

func (h *goHost) About(context.Context, *pulumirpc.AboutRequest) (*pulumirpc.AboutResponse, error) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		return nil, status.Errorf(codes.FailedPrecondition, "Go is not installed: %v", err)
	}
	out, err := exec.Command(gobin, "version").Output()
	if err != nil {
		return nil, status.Errorf(codes.FailedPrecondition, "could not run go version: %v", err)
	}
	return &pulumirpc.AboutResponse{Executable: gobin, Version: strings.TrimSpace(string(out))}, nil
}
