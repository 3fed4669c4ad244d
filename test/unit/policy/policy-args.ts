import type {
  Policies,
  PolicyResource,
  ResourceValidationArgs,
  ResourceValidationPolicy,
  StackValidationPolicy,
} from "@pulumi/policy";

/** A resource of a test stack: its type token, Pulumi name, inputs and optional parent. */
export interface FakeResource {
  type: string;
  name: string;
  props: Record<string, unknown>;
  parent?: FakeResource;
}

const STACK = "urn:pulumi:test::roster";

export function urnOf(resource: FakeResource): string {
  const chain = (r: FakeResource): string => (r.parent ? `${chain(r.parent)}$${r.type}` : r.type);
  return `${STACK}::${chain(resource)}::${resource.name}`;
}

export const dynamicOperator = (name: string, props: Record<string, unknown>, parent?: FakeResource) => ({
  type: "pulumi-nodejs:dynamic/chathub:Operator",
  name,
  props,
  ...(parent ? { parent } : {}),
});
export const dynamicOrganizationRoster = (name: string, props: Record<string, unknown>) => ({
  type: "pulumi-nodejs:dynamic/chathub:OrganizationRoster",
  name,
  props,
});
export const nativeOperator = (name: string, props: Record<string, unknown>) => ({
  type: "chathub:index:Operator",
  name,
  props,
});
export const nativeOrganizationRoster = (name: string, props: Record<string, unknown>) => ({
  type: "chathub:index:OrganizationRoster",
  name,
  props,
});
export const operatorRoster = (name: string): FakeResource => ({
  type: "chathub:index:OperatorRoster",
  name,
  props: {},
});

/** A violation as the engine would receive it. */
export interface Violation {
  policy: string;
  message: string;
  urn: string | undefined;
}

/** Runs every policy over the stack as the engine does: each resource, then the whole stack. */
export async function violationsOf(
  policies: Policies,
  resources: readonly FakeResource[],
): Promise<Violation[]> {
  const violations: Violation[] = [];
  for (const policy of policies) {
    const report = (urn: string | undefined) => (message: string, reported?: string) =>
      violations.push({ policy: policy.name, message, urn: reported ?? urn });
    if ("validateResource" in policy && policy.validateResource) {
      const validations = [policy.validateResource].flat();
      for (const resource of resources) {
        for (const validate of validations) await validate(resourceArgs(resource), report(urnOf(resource)));
      }
    }
    if ("validateStack" in policy) {
      await (policy as StackValidationPolicy).validateStack(
        {
          resources: resources.map(policyResource),
          stackTags: new Map(),
          getConfig: () => ({}) as never,
          notApplicable: () => {
            throw new Error("these policies never call notApplicable");
          },
        },
        report(undefined),
      );
    }
  }
  return violations;
}

function resourceArgs(resource: FakeResource): ResourceValidationArgs {
  return {
    type: resource.type,
    name: resource.name,
    urn: urnOf(resource),
    props: resource.props,
    opts: {
      protect: false,
      ignoreChanges: [],
      aliases: [],
      customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
      additionalSecretOutputs: [],
      ...(resource.parent ? { parent: urnOf(resource.parent) } : {}),
    },
    stackTags: new Map(),
  } as unknown as ResourceValidationArgs;
}

function policyResource(resource: FakeResource): PolicyResource {
  return {
    type: resource.type,
    name: resource.name,
    urn: urnOf(resource),
    props: resource.props,
    ...(resource.parent ? { parent: policyResource(resource.parent) } : {}),
    dependencies: [],
    propertyDependencies: {},
  } as unknown as PolicyResource;
}

export type { ResourceValidationPolicy };
