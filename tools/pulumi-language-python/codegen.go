package main

import (
	"context"

	"github.com/pulumi/pulumi/pkg/v3/codegen/pcl"
	pygen "github.com/pulumi/pulumi/pkg/v3/codegen/python"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"

	"pulumi-chathub/hostkit/codegen"
)

// GeneratePackage is `pulumi package gen-sdk --language python`: the Python SDK of the schema
// written into the requested directory (the binding and the writing are hostkit/codegen's). Unlike
// the Go host's, it allows references the schema loader cannot resolve, and writes the request's
// extra files (overlays) with the SDK.
func (h *pythonHost) GeneratePackage(
	_ context.Context, req *pulumirpc.GeneratePackageRequest,
) (*pulumirpc.GeneratePackageResponse, error) {
	return codegen.GeneratePackage(req, schema.ValidationOptions{AllowDanglingReferences: true},
		func(pkg *schema.Package, loader schema.ReferenceLoader) (map[string][]byte, error) {
			return pygen.GeneratePackage("pulumi-language-python", pkg, req.GetExtraFiles(), loader)
		})
}

// GenerateProgram turns a program in Pulumi's intermediate language into Python: what
// `pulumi import` prints as the code of the resources it imported. The program is bound with
// output-versioned invokes, as upstream's Python host asks for, and leniently unless the request
// is strict.
func (h *pythonHost) GenerateProgram(
	_ context.Context, req *pulumirpc.GenerateProgramRequest,
) (*pulumirpc.GenerateProgramResponse, error) {
	options := []pcl.BindOption{pcl.PreferOutputVersionedInvokes}
	if !req.GetStrict() {
		options = append(options, pcl.NonStrictBindOptions()...)
	}
	return codegen.GenerateProgram(req, pygen.GenerateProgram, options...)
}
