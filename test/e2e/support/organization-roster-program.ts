/** A program (CommonJS source) declaring one ChatHubOrganizationRoster and exporting its outputs. */
export function organizationRosterProgram(
  args: Record<string, unknown>,
  options: Record<string, unknown> = {},
  name = "support",
): string {
  return [
    'const { ChatHubOrganizationRoster } = require("pulumi-chathub");',
    `const roster = new ChatHubOrganizationRoster(${JSON.stringify(name)}, ${JSON.stringify(args)}, ${JSON.stringify(options)});`,
    "exports.operatorIds = roster.operatorIds;",
    "exports.counts = roster.counts;",
    "exports.unmanagedOperators = roster.unmanagedOperators;",
    "",
  ].join("\n");
}

export const ORGANIZATION_ROSTER_TYPE = "pulumi-nodejs:dynamic/chathub:OrganizationRoster";
