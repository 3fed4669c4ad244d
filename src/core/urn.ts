/**
 * A Pulumi URN, `urn:pulumi:<stack>::<project>::<qualified type>::<name>`, read once for every
 * reader (the native provider's server, the policy pack, the summary). The qualified type is the
 * chain of the parents' types and the resource's own, joined by `$`. Stack, project and types
 * never hold `::`; the name may, so it is everything after the third `::`.
 */
export interface Urn {
  stack: string;
  project: string;
  /** e.g. `chathub:index:OperatorRoster$chathub:index:Operator`. */
  qualifiedType: string;
  /** The resource's own type, the last of the chain: `chathub:index:Operator`. */
  type: string;
  /** Its parent's type, when it has a parent other than the stack. */
  parentType?: string;
  name: string;
}

const URN_PATTERN = /^urn:pulumi:(.*?)::(.*?)::(.*?)::(.*)$/s;

/** The parts of a URN, or undefined when the text is not one. */
export function parseUrn(urn: string): Urn | undefined {
  const match = URN_PATTERN.exec(urn);
  if (match === null) return undefined;
  const [, stack = "", project = "", qualifiedType = "", name = ""] = match;
  const chain = qualifiedType.split("$");
  const type = chain.at(-1) ?? "";
  const parentType = chain.at(-2);
  return parentType === undefined
    ? { stack, project, qualifiedType, type, name }
    : { stack, project, qualifiedType, type, parentType, name };
}
