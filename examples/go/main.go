// A Go Pulumi program managing ChatHub with the native provider chathub: company A's support
// roster from a file, with the stack's credentials, and company B through an explicit provider,
// one person in its Sales organization, found by name.
package main

import (
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"

	"github.com/pulumi-chathub/pulumi-chathub/sdk/go/chathub"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		cfg := config.New(ctx, "")

		// Company A (chathub:token): the code is the truth for organization 24. Everyone in
		// support.yaml is there as written; anyone else live there is deactivated by `up`.
		support, err := chathub.NewOrganizationRoster(ctx, "support", &chathub.OrganizationRosterArgs{
			OrganizationId: pulumi.Int(24),
			File:           pulumi.String("support.yaml"),
			Unmanaged:      chathub.UnmanagedModeDeactivate,
		}, pulumi.Protect(true)) // removing the roster would retire everyone it manages
		if err != nil {
			return err
		}

		// Company B, with credentials of its own: an explicit provider, passed to what it manages.
		companyBArgs := &chathub.ProviderArgs{Token: cfg.RequireSecret("companyBToken")}
		if baseURL := cfg.Get("companyBBaseUrl"); baseURL != "" {
			companyBArgs.BaseUrl = pulumi.StringPtr(baseURL)
		}
		companyB, err := chathub.NewProvider(ctx, "companyB", companyBArgs)
		if err != nil {
			return err
		}
		sales := chathub.GetOrganizationOutput(ctx, chathub.GetOrganizationOutputArgs{
			Name: pulumi.StringPtr("Sales"),
		}, pulumi.Provider(companyB))
		dana, err := chathub.NewOperator(ctx, "dana", &chathub.OperatorArgs{
			OrganizationId: sales.Id(),
			Name:           pulumi.String("Dana Sales"),
		}, pulumi.Provider(companyB))
		if err != nil {
			return err
		}

		ctx.Export("operatorIds", support.OperatorIds)
		ctx.Export("counts", support.Counts)
		ctx.Export("unmanagedOperators", support.UnmanagedOperators)
		ctx.Export("salesOrganizationId", sales.Id())
		ctx.Export("danaId", dana.ID())
		return nil
	})
}
