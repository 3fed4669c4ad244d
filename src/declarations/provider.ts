import { providerConfigSchema } from "../core/provider-config";
import type { ProviderDeclaration } from "./declaration";

/** The provider's configuration: the keys themselves are declared in src/core/provider-config.ts. */
export const providerDeclaration: ProviderDeclaration = {
  description:
    "The ChatHub provider: one company's credentials. Declare one per company to manage several in one stack.",
  config: providerConfigSchema,
  outputs: ["baseUrl"],
  examples: {
    typescript: `// pulumi config set --secret chathub:token <company-token>
// The TypeScript resources read the stack's chathub: keys (one company per stack); an explicit
// provider with other credentials is the native provider's (YAML, Python, Go).
import { ChatHubOperator } from "pulumi-chathub";

new ChatHubOperator("alex", { organizationId: 24, name: "Alex Brown" });`,
    yaml: `# Stack config: pulumi config set --secret chathub:token <company-token>
# A second company, beside the stack's own credentials:
config:
  partnerToken:
    type: string
    secret: true
resources:
  partner:
    type: pulumi:providers:chathub
    properties:
      token: \${partnerToken}
  sam:
    type: chathub:index:Operator
    properties:
      organizationId: 31
      name: Sam Lee
    options:
      provider: \${partner}`,
  },
};
