// ChatHub operators from Go: a roster file, an operator found by organization name, and a second
// company through an explicit provider.
//
// Configure once per stack:
//
//	pulumi config set --secret chathub:token <company-token>
//	pulumi config set --secret companyBToken <second-company-token>
//	pulumi config set companyBOrganizationId <an organization of the second company>
//	pulumi config set chathub:baseUrl https://chatapi.smsbat.com   (the default)
package main

import (
	"github.com/pulumi-chathub/pulumi-chathub/sdk/go/chathub"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		cfg := config.New(ctx, "")

		// The code is the truth for organization 24: `pulumi preview --refresh --diff` names anyone
		// added or changed by hand, and `pulumi up` puts them back as the file says.
		support, err := chathub.NewOrganizationRoster(ctx, "support", &chathub.OrganizationRosterArgs{
			OrganizationId: pulumi.Int(24),
			File:           pulumi.String("support.yaml"),
			Unmanaged:      chathub.UnmanagedModeDeactivate,
		})
		if err != nil {
			return err
		}

		// One person in another organization, found by its name.
		sales := chathub.GetOrganizationOutput(ctx, chathub.GetOrganizationOutputArgs{Name: pulumi.String("Sales")})
		dana, err := chathub.NewOperator(ctx, "dana", &chathub.OperatorArgs{
			OrganizationId: sales.Id(),
			Name:           pulumi.String("Dana Sales"),
		})
		if err != nil {
			return err
		}

		// A second company, with credentials of its own: resources given this provider use them.
		// Its address is the stack's chathub:baseUrl when set (the emulator's, in a test).
		companyBArgs := &chathub.ProviderArgs{Token: cfg.RequireSecret("companyBToken")}
		if baseURL := config.Get(ctx, "chathub:baseUrl"); baseURL != "" {
			companyBArgs.BaseUrl = pulumi.String(baseURL)
		}
		companyB, err := chathub.NewProvider(ctx, "company-b", companyBArgs)
		if err != nil {
			return err
		}
		sam, err := chathub.NewOperator(ctx, "sam", &chathub.OperatorArgs{
			OrganizationId: pulumi.Int(cfg.RequireInt("companyBOrganizationId")),
			Name:           pulumi.String("Sam South"),
		}, pulumi.Provider(companyB))
		if err != nil {
			return err
		}

		ctx.Export("operatorIds", support.OperatorIds)
		ctx.Export("counts", support.Counts)
		ctx.Export("unmanagedOperators", support.UnmanagedOperators)
		ctx.Export("danaId", dana.ID())
		ctx.Export("samId", sam.ID())
		return nil
	})
}
