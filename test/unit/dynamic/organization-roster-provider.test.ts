import type * as pulumi from "@pulumi/pulumi";
import { DEFAULT_EMULATOR_TOKEN, type RunningEmulator, startEmulator } from "pulumi-chathub-emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OrganizationRosterState } from "../../../src/core/organization-roster/inputs";

import provider from "../../../src/dynamic/organization-roster-module";

// What decides a change, and what the engine's own diff is given to print: no request is sent
// (check is called as for an update, olds known, so it does not list the organization).
const alex = { name: "Alex Brown", status: "active" as const };
const olds: OrganizationRosterState = {
  organizationId: 24,
  unmanaged: "ignore",
  operators: { alex },
  operatorIds: { alex: 104 },
  counts: { total: 1, active: 1, inactive: 0 },
  unmanagedOperators: [{ id: 107, name: "Mallory Intruder", status: "active" }],
};
const news = (patch: Record<string, unknown> = {}) => ({
  organizationId: 24,
  unmanaged: "ignore",
  operators: { alex },
  ...patch,
});
const diff = (state: Partial<OrganizationRosterState>, inputs: Record<string, unknown>) =>
  provider.diff?.("24", state, inputs);

describe("ChatHubOrganizationRoster diff", () => {
  it("sees no change when the roster matches, whatever the letter case of a name", async () => {
    expect(await diff(olds, news())).toMatchObject({ changes: false, replaces: [] });
    expect(
      await diff(olds, news({ operators: { alex: { name: "ALEX BROWN", status: "active" } } })),
    ).toMatchObject({
      changes: false,
    });
  });

  it("sees a status, an added or removed key, and unmanaged people to act on", async () => {
    expect((await diff(olds, news({ operators: { alex: { ...alex, status: "inactive" } } })))?.changes).toBe(
      true,
    );
    expect((await diff(olds, news({ operators: {} })))?.changes).toBe(true);
    expect((await diff(olds, news({ unmanaged: "deactivate" })))?.changes).toBe(true);
    const deactivated = {
      ...olds,
      unmanaged: "deactivate" as const,
      unmanagedOperators: [{ ...olds.unmanagedOperators[0], status: "inactive" as const }],
    };
    expect(
      (await diff(deactivated as OrganizationRosterState, news({ unmanaged: "deactivate" })))?.changes,
    ).toBe(false);
  });

  it("replaces the roster when the organization changes", async () => {
    expect(await diff(olds, news({ organizationId: 25 }))).toMatchObject({
      changes: true,
      replaces: ["organizationId"],
    });
  });
});

describe("ChatHubOrganizationRoster check", () => {
  // check asks ChatHub (once) whether the credentials can see the organization: an emulator answers.
  let chathub: RunningEmulator;
  beforeAll(async () => {
    chathub = await startEmulator({ port: 0 });
    const config: Record<string, string> = {
      "chathub:baseUrl": chathub.url,
      "chathub:token": DEFAULT_EMULATOR_TOKEN,
    };
    await provider.configure?.({
      config: { get: (key: string) => config[key] },
    } as pulumi.dynamic.ConfigureRequest);
  });
  afterAll(() => chathub.close());
  // The inputs read() returned after a refresh: the roster as live, and Mallory added by hand.
  const refreshed = {
    organizationId: 24,
    unmanaged: "ignore",
    operators: { alex, "unmanaged #107": { name: "Mallory Intruder", status: "active" } },
  };

  it("carries each unmanaged person into the new inputs as `unmanaged` will leave them", async () => {
    const carried = (unmanaged: string) => checkedOperators(refreshed, news({ unmanaged }));
    expect((await carried("ignore"))["unmanaged #107"]).toEqual({
      name: "Mallory Intruder",
      status: "active",
    });
    expect((await carried("deactivate"))["unmanaged #107"]).toEqual({
      name: "Mallory Intruder",
      status: "inactive",
    });
    expect((await carried("delete"))["unmanaged #107"]).toBeUndefined();
  });

  it("does not carry someone the roster now names: they are adopted", async () => {
    const operators = await checkedOperators(
      refreshed,
      news({
        unmanaged: "deactivate",
        operators: { alex, mallory: { name: "mallory intruder", status: "active" } },
      }),
    );
    expect(Object.keys(operators).sort()).toEqual(["alex", "mallory"]);
  });

  it("refuses an organization the credentials cannot see, naming the visible ones", async () => {
    const result = await provider.check?.(refreshed, news({ unmanaged: "ignore", organizationId: 999 }));
    expect(result?.failures).toEqual([
      { property: "organizationId", reason: expect.stringContaining("Customer Support") },
    ]);
    expect(result?.failures?.[0]?.reason).toContain("999");
  });

  it("fails without unmanaged, listing the three choices", async () => {
    const result = await provider.check?.(refreshed, news({ unmanaged: undefined }));
    expect(result?.failures?.[0]?.reason).toMatch(/"ignore".*"deactivate".*"delete"/);
  });
});

/** The operators map check() hands to the engine. */
async function checkedOperators(
  oldInputs: Record<string, unknown>,
  newInputs: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const check = provider.check;
  if (!check) throw new Error("the provider has no check");
  const result = await check(oldInputs, newInputs);
  return (result.inputs as { operators: Record<string, unknown> }).operators;
}
