package main

import (
	"context"
	"errors"

	gogen "github.com/pulumi/pulumi/pkg/v3/codegen/go"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"

	"pulumi-chathub/hostkit/codegen"
)

// GeneratePackage writes the Go SDK of the schema into the requested directory (the binding and
// the writing are hostkit/codegen's). Go SDKs take no overlays, and the schema is validated
// strictly: a dangling reference is an error.
func (h *goHost) GeneratePackage(
	_ context.Context, req *pulumirpc.GeneratePackageRequest,
) (*pulumirpc.GeneratePackageResponse, error) {
	if len(req.GetExtraFiles()) > 0 {
		return nil, errors.New("overlays are not supported for Go")
	}
	return codegen.GeneratePackage(req, schema.ValidationOptions{},
		func(pkg *schema.Package, _ schema.ReferenceLoader) (map[string][]byte, error) {
			return gogen.GeneratePackage("pulumi-language-go", pkg, req.GetLocalDependencies())
		})
}

// GenerateProgram turns a program in Pulumi's intermediate language into Go: what `pulumi import`
// prints (or writes with --out) for the resources it imported into a Go project. The program is
// bound with the default (strict) options whatever the request asks.
func (h *goHost) GenerateProgram(
	_ context.Context, req *pulumirpc.GenerateProgramRequest,
) (*pulumirpc.GenerateProgramResponse, error) {
	return codegen.GenerateProgram(req, gogen.GenerateProgram)
}
