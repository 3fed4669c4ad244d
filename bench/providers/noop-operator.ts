/**
 * The floor: a dynamic provider with the same resources that does no I/O at all. What a step
 * costs with it is what the Pulumi engine, the language host and the provider process cost on
 * their own; no provider can be faster than this.
 *
 * Installed like naive-operator.ts: transpiled into a package in the program's node_modules,
 * serialized as a `require()` of it (see bench/programs.ts).
 */
import type * as pulumi from "@pulumi/pulumi";

interface Inputs {
  organizationId: number;
  name: string;
  status?: "active" | "inactive";
}

let nextId = 1;

export async function diff(_id: string, olds: Inputs, news: Inputs): Promise<pulumi.dynamic.DiffResult> {
  const replaces: string[] = [];
  if (olds.organizationId !== news.organizationId) replaces.push("organizationId");
  if (olds.name !== news.name) replaces.push("name");
  const changes = replaces.length > 0 || (olds.status ?? "active") !== (news.status ?? "active");
  return { changes, replaces };
}

export async function create(inputs: Inputs): Promise<pulumi.dynamic.CreateResult> {
  // Unique within a provider process is enough: nothing ever looks the id up.
  const operatorId = nextId++;
  return {
    id: `noop-${process.pid}-${operatorId}`,
    outs: { ...inputs, status: inputs.status ?? "active", operatorId },
  };
}

export async function read(id: string, props: Inputs): Promise<pulumi.dynamic.ReadResult> {
  return { id, props };
}

export async function update(_id: string, olds: Inputs, news: Inputs): Promise<pulumi.dynamic.UpdateResult> {
  return { outs: { ...olds, ...news } };
}

async function remove(): Promise<void> {}

export { remove as delete };
