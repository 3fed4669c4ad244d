/**
 * A ChatHubOperator's Pulumi id is "<organizationId>/<operatorId>": reading an operator means
 * listing its organization, so the id must say which one (this is also the `import` id).
 */
export function formatResourceId(organizationId: number, operatorId: number): string {
  return `${organizationId}/${operatorId}`;
}

export function parseResourceId(id: string): { organizationId: number; operatorId: number } {
  const match = /^([1-9]\d*)\/([1-9]\d*)$/.exec(id);
  if (!match) {
    throw new Error(
      `"${id}" is not a ChatHubOperator id: expected "<organizationId>/<operatorId>", e.g. "24/104"`,
    );
  }
  return { organizationId: Number(match[1]), operatorId: Number(match[2]) };
}
