import type { z } from "zod";
import { settingOf } from "../core/provider-config";
import type {
  FunctionDeclaration,
  PackageDeclaration,
  ProviderDeclaration,
  ResourceDeclaration,
} from "./declaration";
import { type PulumiType, PulumiTypeWriter } from "./pulumi-types";

/**
 * The Pulumi package schema (GetSchema, `pulumi package get-schema`, the SDKs under sdk/), derived
 * from the declarations: nothing here says what a property is.
 */
export function packageSchema(pkg: PackageDeclaration, version: string): Record<string, unknown> {
  const writer = new PulumiTypeWriter(pkg.name);
  const config = configProperties(pkg.provider.config);
  const resources = Object.fromEntries(
    pkg.resources.map((resource) => [resource.token, resourceSchema(writer, resource)]),
  );
  const functions = Object.fromEntries(pkg.functions.map((fn) => [fn.token, functionSchema(writer, fn)]));
  return {
    name: pkg.name,
    displayName: pkg.displayName,
    version,
    description: pkg.description,
    keywords: ["pulumi", pkg.name, "smsbat", "operators", "category/utility", "kind/native"],
    license: "Apache-2.0",
    homepage: "https://github.com/pulumi-chathub/pulumi-chathub",
    repository: "https://github.com/pulumi-chathub/pulumi-chathub",
    publisher: "pulumi-chathub",
    pluginDownloadURL: pkg.pluginDownloadURL,
    config: { variables: config },
    provider: {
      description: pkg.provider.description,
      properties: Object.fromEntries(pkg.provider.outputs.map((key) => [key, config[key]])),
      inputProperties: config,
    },
    types: writer.types,
    resources,
    functions,
    language: LANGUAGES,
  };
}

/** What a resource's description says of its id: how `pulumi import` takes it. */
export function importSentence(resource: ResourceDeclaration): string {
  const { format, example, name, brings } = resource.id;
  const command = `\`pulumi import ${resource.token} ${name} ${example}\``;
  return `Its id is ${format}, e.g. "${example}" (${brings === undefined ? command : `${command} ${brings}`}).`;
}

function resourceSchema(writer: PulumiTypeWriter, resource: ResourceDeclaration): PulumiType {
  const inputs = writer.object(resource.inputs.shape as Record<string, z.ZodType>, "input");
  const state = writer.object(
    { ...resource.inputs.shape, ...resource.outputs.shape } as Record<string, z.ZodType>,
    "output",
  );
  return {
    description: `${resource.description} ${importSentence(resource)}`,
    inputProperties: inputs.properties,
    requiredInputs: inputs.required,
    properties: state.properties,
    required: state.required,
  };
}

function functionSchema(writer: PulumiTypeWriter, fn: FunctionDeclaration): PulumiType {
  const outputs = writer.object(fn.outputs.shape as Record<string, z.ZodType>, "output");
  const inputs =
    fn.inputs === undefined
      ? undefined
      : writer.object(fn.inputs.shape as Record<string, z.ZodType>, "input");
  return {
    description: fn.description,
    ...(inputs === undefined
      ? {}
      : {
          inputs: {
            properties: inputs.properties,
            ...(inputs.required.length > 0 ? { required: inputs.required } : {}),
          },
        }),
    outputs: { properties: outputs.properties, required: outputs.required },
  };
}

/** The provider's configuration, as stack config (`chathub:token`) and as an explicit provider's inputs. */
function configProperties(config: ProviderDeclaration["config"]): Record<string, PulumiType> {
  return Object.fromEntries(
    config.keyof().options.map((key) => {
      const { doc, type } = settingOf(key);
      return [key, { type, description: doc.description, ...(doc.secret ? { secret: true } : {}) }];
    }),
  );
}

/** The Python SDK's README (sdk/python, generated from this schema). */
const PYTHON_README = `# pulumi_chathub

Manage ChatHub (SMSBAT) operators from a Pulumi Python program: \`Operator\`,
\`OrganizationRoster\`, \`get_operators\`, \`get_organizations\` and \`get_organization\`.

\`\`\`sh
pip install pulumi-chathub
\`\`\`

No Node.js is needed: the Pulumi engine downloads the provider plugin, \`pulumi-resource-chathub\`
(one executable per platform, from this project's GitHub releases), the first time a program
needs it. Offline, install it from a release's archive:
\`pulumi plugin install resource chathub <version> --file pulumi-resource-chathub-v<version>-<os>-<arch>.tar.gz\`.

Then \`pulumi config set --secret chathub:token <company-token>\` and \`pulumi up\`. The example
program is examples/python; the resources are described in docs/reference/.
`;

/** How each language's SDK is generated (scripts/generate-sdks). */
const LANGUAGES = {
  nodejs: { packageName: "@pulumi-chathub/chathub" },
  python: {
    packageName: "pulumi_chathub",
    // The SDK is versioned as the plugin it talks to, and built from a pyproject.toml.
    respectSchemaVersion: true,
    pyproject: { enabled: true },
    // The floor docs/supported-versions.md gives, the Pulumi release the tests pin.
    requires: { pulumi: ">=3.248.0,<4.0.0" },
    readme: PYTHON_README,
  },
  // The committed SDKs under sdk/ (scripts/generate-sdks): Go's module is sdk/ (sdk/go.mod), so
  // this package path resolves; respectSchemaVersion writes the plugin's version into each SDK
  // (pulumi-plugin.json, version.txt), which a local `replace` or checkout would otherwise lose.
  go: {
    importBasePath: "github.com/pulumi-chathub/pulumi-chathub/sdk/go/chathub",
    respectSchemaVersion: true,
  },
  csharp: { rootNamespace: "PulumiChatHub", respectSchemaVersion: true },
};
