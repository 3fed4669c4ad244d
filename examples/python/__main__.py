"""ChatHub operators from Python: a roster file, an operator found by organization name, and a
second company through an explicit provider.

Configure once per stack:
    pulumi config set --secret chathub:token <company-token>
    pulumi config set --secret companyBToken <second-company-token>
    pulumi config set companyBOrganizationId <an organization of the second company>
    pulumi config set chathub:baseUrl https://chatapi.smsbat.com   (the default)
"""

import pulumi
import pulumi_chathub as chathub

config = pulumi.Config()

# The code is the truth for organization 24: `pulumi preview --refresh --diff` names anyone
# added or changed by hand, and `pulumi up` puts them back as the file says.
support = chathub.OrganizationRoster(
    "support",
    organization_id=24,
    file="support.yaml",
    unmanaged="deactivate",
)

# One person in another organization, found by its name.
sales = chathub.get_organization_output(name="Sales")
dana = chathub.Operator("dana", organization_id=sales.id, name="Dana Sales")

# A second company, with credentials of its own: resources given this provider use them.
company_b = chathub.Provider(
    "company-b",
    token=config.require_secret("companyBToken"),
    base_url=pulumi.Config("chathub").get("baseUrl"),
)
sam = chathub.Operator(
    "sam",
    organization_id=config.require_int("companyBOrganizationId"),
    name="Sam South",
    opts=pulumi.ResourceOptions(provider=company_b),
)

pulumi.export("operatorIds", support.operator_ids)
pulumi.export("counts", support.counts)
pulumi.export("unmanagedOperators", support.unmanaged_operators)
pulumi.export("danaId", dana.id)
pulumi.export("samId", sam.id)
