import { DESIRED_STATUSES } from "../api";
import { UNMANAGED_MODES } from "../core/organization-roster/unmanaged";
import { CONFIG_KEYS, settingOf } from "../core/provider-config";

/** The provider's name: its tokens are `chathub:index:*`, its plugin `pulumi-resource-chathub`. */
export const PACKAGE_NAME = "chathub";
export const OPERATOR_TOKEN = "chathub:index:Operator";
export const ORGANIZATION_ROSTER_TOKEN = "chathub:index:OrganizationRoster";
export const GET_OPERATORS_TOKEN = "chathub:index:getOperators";
export const GET_ORGANIZATIONS_TOKEN = "chathub:index:getOrganizations";
export const GET_ORGANIZATION_TOKEN = "chathub:index:getOrganization";

/** The Python SDK's README (sdk/python, generated from this schema). */
const PYTHON_README = `# pulumi_chathub

Manage ChatHub (SMSBAT) operators from a Pulumi Python program: \`Operator\`,
\`OrganizationRoster\`, \`get_operators\`, \`get_organizations\` and \`get_organization\`.

This package talks to the provider plugin \`pulumi-resource-chathub\`, which ships in the npm
package \`pulumi-chathub\` and runs on Node.js 20 or later. Install both:

\`\`\`sh
npm install -g pulumi-chathub          # puts pulumi-resource-chathub on PATH (Node.js 20+ needed)
pip install ./sdk/python               # this package, from a checkout of pulumi-chathub
\`\`\`

Then \`pulumi config set --secret chathub:token <company-token>\` and \`pulumi up\`. The example
program is examples/python; the resources are described in docs/native-provider.md.
`;

const ref = (type: string) => ({ $ref: `#/types/chathub:index:${type}` });
const integer = (description: string) => ({ type: "integer", description });
const string = (description: string) => ({ type: "string", description });
const listOf = (type: string, description: string) => ({ type: "array", items: ref(type), description });

/** The provider's configuration, as stack config (`chathub:token`) and as an explicit provider's inputs. */
const configProperties = Object.fromEntries(
  CONFIG_KEYS.map((key) => {
    const { doc, type } = settingOf(key);
    return [key, { type, description: doc.description, ...(doc.secret ? { secret: true } : {}) }];
  }),
);

const ACTIVE_DATES =
  'An ISO 8601 date ("2026-12-31": the whole day in `timeZone`) or date-time ("2026-12-31T18:00:00Z"; without an offset, a wall time in `timeZone`).';
const activeFrom = string(
  `Dated entries: the person is active from this moment on, and inactive (never deleted) before it. ${ACTIVE_DATES}`,
);
const activeUntil = string(
  `Dated entries: the person is active until this moment (a date: through its end), and inactive (never deleted) after it. ${ACTIVE_DATES} A declared status "inactive" stays inactive inside the window.`,
);
const timeZone = string(
  'The time zone in which the dates of `activeFrom` and `activeUntil` are days: an IANA name, e.g. "Europe/Kyiv" (default UTC).',
);

const operatorInputs = {
  organizationId: integer("The ChatHub organization the operator answers chats for, e.g. 24."),
  name: string(
    "Display name, 1–100 characters, unique in the organization (case-insensitive). Changing it replaces the operator.",
  ),
  status: {
    ...ref("OperatorStatus"),
    description: '"active" (default) or "inactive". Deleting an operator is deleting the resource.',
  },
  adopt: {
    type: "boolean",
    description: "Take over a live operator of the same name instead of failing with a name clash.",
  },
  activeFrom,
  activeUntil,
  timeZone,
};

const rosterInputs = {
  organizationId: integer("The ChatHub organization this roster owns, e.g. 24."),
  operators: listOf("RosterEntry", "The operators, inline. Give this or `file`."),
  file: string(
    "A roster file (.yaml, .yml or .csv), relative to the program's folder. Give this or `operators`.",
  ),
  timeZone: string(
    "The organization's time zone, in which the entries' `activeFrom` and `activeUntil` dates are days: an IANA name, e.g. \"Europe/Kyiv\" (default UTC).",
  ),
  maxRemovals: {
    oneOf: [{ type: "integer" }, { type: "string" }],
    description:
      'The removal budget: the most people one deployment may take out of service here (deleted or deactivated, managed or unmanaged; a rename removes the old name; a deactivation caused by an entry\'s `activeFrom`/`activeUntil` dates does not count). Over it, preview and up fail before any change, naming the people. Default: 10 people or 10% of the live operators, whichever is larger; "unlimited" turns it off.',
  },
  unmanaged: {
    ...ref("UnmanagedMode"),
    description:
      'Required: what `up` does to live operators the roster does not name. "ignore" leaves them and reports them in `unmanagedOperators`; "deactivate" makes them inactive; "delete" gives them status 2.',
  },
};

/** The Pulumi package schema: every token, documented (GetSchema, `pulumi package get-schema`, gen-sdk). */
export function packageSchema(version: string): Record<string, unknown> {
  return {
    name: PACKAGE_NAME,
    displayName: "ChatHub",
    version,
    description: "Manage ChatHub (SMSBAT) operator rosters as code: who can answer your customers' chats.",
    keywords: ["pulumi", "chathub", "smsbat", "operators", "category/utility", "kind/native"],
    license: "Apache-2.0",
    homepage: "https://github.com/pulumi-chathub/pulumi-chathub",
    repository: "https://github.com/pulumi-chathub/pulumi-chathub",
    publisher: "pulumi-chathub",
    config: { variables: configProperties },
    provider: {
      description:
        "The ChatHub provider: one company's credentials. Declare one per company to manage several in one stack.",
      properties: { baseUrl: configProperties.baseUrl },
      inputProperties: configProperties,
    },
    types: {
      "chathub:index:OperatorStatus": {
        type: "string",
        description: "An operator's status as a program writes it (ChatHub's 0 and 1).",
        enum: DESIRED_STATUSES.map((value) => ({ value })),
      },
      "chathub:index:UnmanagedMode": {
        type: "string",
        description: "What `up` does to live operators an organization roster does not name.",
        enum: UNMANAGED_MODES.map((value) => ({ value })),
      },
      "chathub:index:RosterEntry": {
        type: "object",
        description: "One person of a roster.",
        properties: {
          key: string(
            'A stable key for the person (default: derived from the name, e.g. "alex-brown"). Keep it when renaming.',
          ),
          name: string("Display name, 1–100 characters, unique in the organization (case-insensitive)."),
          status: { ...ref("OperatorStatus"), description: '"active" (default) or "inactive".' },
          import: string(
            'Take over this live operator, "<organizationId>/<operatorId>" (e.g. "24/104"), as it is.',
          ),
          activeFrom,
          activeUntil,
        },
        required: ["name"],
      },
      "chathub:index:RosterCounts": {
        type: "object",
        properties: {
          total: integer("People the roster manages."),
          active: integer("Of them, active."),
          inactive: integer("Of them, inactive."),
        },
        required: ["total", "active", "inactive"],
      },
      "chathub:index:UnmanagedOperator": {
        type: "object",
        description: "A live operator the roster does not name.",
        properties: {
          id: integer("ChatHub's operator id."),
          name: string("Display name."),
          status: ref("OperatorStatus"),
        },
        required: ["id", "name", "status"],
      },
      "chathub:index:LiveOperator": {
        type: "object",
        properties: {
          id: integer("ChatHub's operator id, e.g. 104."),
          name: string("Display name."),
          status: string('"active", "inactive", or "deleted" where ChatHub lists deleted operators.'),
        },
        required: ["id", "name", "status"],
      },
      "chathub:index:OperatorStatistics": {
        type: "object",
        properties: {
          total: integer("Operators listed."),
          active: integer("Active."),
          inactive: integer("Inactive."),
          deleted: integer("Deleted (0 where ChatHub hides deleted operators)."),
        },
        required: ["total", "active", "inactive", "deleted"],
      },
      "chathub:index:Organization": {
        type: "object",
        properties: { id: integer("ChatHub's organization id, e.g. 24."), name: string("Its name.") },
        required: ["id", "name"],
      },
    },
    resources: {
      [OPERATOR_TOKEN]: {
        description:
          'A ChatHub operator: an agent who answers chats for an organization. Its id is "<organizationId>/<operatorId>", e.g. "24/104" (`pulumi import chathub:index:Operator alex 24/104`).',
        inputProperties: operatorInputs,
        requiredInputs: ["organizationId", "name"],
        properties: {
          ...operatorInputs,
          operatorId: integer("ChatHub's id for the operator, e.g. 104."),
          organizationName: string("The organization's name as ChatHub reports it."),
        },
        required: ["organizationId", "name", "status", "adopt", "operatorId"],
      },
      [ORGANIZATION_ROSTER_TOKEN]: {
        description:
          'The authoritative roster of one organization: `up` creates the missing, sets statuses, deletes entries removed from the roster, and applies `unmanaged` to everyone else; live operators of the same name are adopted, never duplicated. Its id is the organization id (`pulumi import chathub:index:OrganizationRoster support 24` brings an organization under code, every live person an entry, `unmanaged: "ignore"`).',
        inputProperties: rosterInputs,
        requiredInputs: ["organizationId", "unmanaged"],
        properties: {
          ...rosterInputs,
          operatorIds: {
            type: "object",
            additionalProperties: { type: "integer" },
            description: "ChatHub's operator id of every entry, by key.",
          },
          counts: { ...ref("RosterCounts"), description: "Total, active and inactive people of the roster." },
          unmanagedOperators: listOf(
            "UnmanagedOperator",
            "Live operators the roster does not name, after this up's actions (or the last refresh).",
          ),
        },
        required: ["organizationId", "unmanaged", "operators", "operatorIds", "counts", "unmanagedOperators"],
      },
    },
    functions: {
      [GET_OPERATORS_TOKEN]: {
        description: "An organization's operators as ChatHub lists them now, managed or not. Read-only.",
        inputs: {
          properties: { organizationId: integer("The ChatHub organization, e.g. 24.") },
          required: ["organizationId"],
        },
        outputs: {
          properties: {
            organizationId: integer("The organization asked for."),
            organizationName: string("Its name as ChatHub reports it (absent when it has no operators)."),
            operators: listOf("LiveOperator", "Every operator ChatHub lists."),
            active: listOf("LiveOperator", "Operators that can receive chats now."),
            statistics: ref("OperatorStatistics"),
          },
          required: ["organizationId", "operators", "active", "statistics"],
        },
      },
      [GET_ORGANIZATIONS_TOKEN]: {
        description: "The organizations the company's credentials can see. Read-only.",
        outputs: {
          properties: { organizations: listOf("Organization", "Every visible organization.") },
          required: ["organizations"],
        },
      },
      [GET_ORGANIZATION_TOKEN]: {
        description:
          "One organization, by name (case-insensitive) or by id. Not found is an error that lists the visible organizations.",
        inputs: {
          properties: {
            name: string('The organization\'s name, e.g. "Customer Support".'),
            id: integer("The organization's id, e.g. 24."),
          },
        },
        outputs: {
          properties: { id: integer("ChatHub's organization id."), name: string("Its name.") },
          required: ["id", "name"],
        },
      },
    },
    language: {
      nodejs: { packageName: "@pulumi-chathub/chathub" },
      python: {
        packageName: "pulumi_chathub",
        // The SDK is versioned as the plugin it talks to, and built from a pyproject.toml.
        respectSchemaVersion: true,
        pyproject: { enabled: true },
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
    },
  };
}
