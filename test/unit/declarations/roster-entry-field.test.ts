import { DEFAULT_EMULATOR_TOKEN, type RunningEmulator, startEmulator } from "pulumi-chathub-emulator";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { organizationRosterBehaviour } from "../../../src/core/organization-roster/behaviour";
import { checkOrganizationRosterInputs } from "../../../src/core/organization-roster/inputs";
import { rosterStateSchema } from "../../../src/core/recorded-state";
import type { BehaviourContext } from "../../../src/core/resource-behaviour";
import { ProviderRuntime } from "../../../src/core/runtime";
import { chathubPackage } from "../../../src/declarations/package";
import { packageSchema } from "../../../src/declarations/package-schema";
import { typeScriptArgs } from "../../../src/declarations/typescript-args";
import { keyedOrganizationRosterBehaviour } from "../../../src/dynamic/keyed-organization-roster";
import { checkRosterEntry } from "../../../src/roster/roster-entry";
import { parseRosterText } from "../../../src/roster/roster-file";
import { planRoster } from "../../../src/roster/roster-plan";
import { parsePreviewJson } from "../../../src/summary/preview-json";
import { summarizePreview } from "../../../src/summary/roster-summary";

// A property added to the roster entry's schema in this test alone, as a new one would be added
// in src/roster/roster-entry-schema.ts: with no other edit, every shape of a roster person carries
// it (as toy-declaration.test.ts shows for a resource).
vi.mock("../../../src/roster/roster-entry-schema", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../../src/roster/roster-entry-schema")>();
  const badge = z.string({ error: "must be a string" }).describe("The person's badge number.").optional();
  return { ...real, rosterEntrySchema: real.rosterEntrySchema.extend({ badge }) };
});

const ana = { name: "Ana Silva", badge: "B-7" };

describe("a property added to the roster entry", () => {
  it("is read from a program, a CSV column, and named where an entry's properties are listed", () => {
    const [entry] = planRoster({ organizationId: 24, operators: [ana] }).entries;
    expect(entry).toMatchObject({ key: "ana-silva", badge: "B-7" });
    const csv = parseRosterText("name,badge\nAna Silva,B-7\n", "csv", "team.csv");
    expect(checkRosterEntry(csv.entries[0] as never, 1, "team.csv")).toMatchObject({
      ok: true,
      entry: { badge: "B-7" },
    });
    expect(() => planRoster({ operators: [{ ...ana, badj: "B-7" }] })).toThrow(
      /"badj" is not a roster entry property; an entry has name, status, key, import, activeFrom, activeUntil, badge/,
    );
    expect(() => planRoster({ operators: [{ ...ana, badge: 7 }] })).toThrow(/badge must be a string/);
  });

  it("is in the package schema's RosterEntry and the TypeScript argument generated from it", () => {
    const schema = packageSchema(chathubPackage, "0.0.0") as {
      types: Record<string, { properties: Record<string, unknown> }>;
    };
    expect(schema.types["chathub:index:RosterEntry"]?.properties.badge).toEqual({
      type: "string",
      description: "The person's badge number.",
    });
    expect(typeScriptArgs(chathubPackage)).toMatch(/The person's badge number\.\s*\*\/\s*badge\?: string;/);
  });

  it("is kept by the core's roster by key and by the records the state holds", () => {
    const roster = { organizationId: 24, unmanaged: "ignore", operators: { "ana-silva": ana } };
    const checked = checkOrganizationRosterInputs(roster);
    expect(checked.ok === true && checked.inputs.operators["ana-silva"]).toMatchObject({ badge: "B-7" });
    expect(rosterStateSchema.parse({ operators: { "ana-silva": ana } }).operators?.["ana-silva"]).toEqual(
      ana,
    );
  });

  describe("through both adapters' forms", () => {
    let chathub: RunningEmulator;
    const runtime = new ProviderRuntime();
    const context: BehaviourContext = { runtime, resource: "roster", warn: async () => {} };
    beforeAll(async () => {
      chathub = await startEmulator({ port: 0 });
      runtime.configure({ baseUrl: chathub.url, token: DEFAULT_EMULATOR_TOKEN });
    });
    afterAll(() => chathub.close());

    it("in the declared form: check's inputs, the state up records, and the summary of a preview", async () => {
      const news = { organizationId: 24, unmanaged: "ignore", operators: [ana] };
      const checked = await organizationRosterBehaviour.check(news, {}, context);
      if (checked.ok !== true)
        throw new Error(`expected the roster to be accepted: ${JSON.stringify(checked)}`);
      expect(checked.inputs.operators).toEqual([{ key: "ana-silva", status: "active", ...ana }]);
      const inputs = organizationRosterBehaviour.checkedInputs(checked.inputs, "roster");
      const { state } = await organizationRosterBehaviour.create(inputs, context);
      expect(organizationRosterBehaviour.state.parse(state).operators).toEqual([
        { key: "ana-silva", ...ana },
      ]);

      const preview = parsePreviewJson(
        JSON.stringify({
          steps: [
            {
              op: "create",
              urn: "urn:pulumi:dev::team::chathub:index:OrganizationRoster::support",
              newState: { type: "chathub:index:OrganizationRoster", inputs: checked.inputs },
            },
          ],
        }),
        "the preview",
      );
      expect(summarizePreview(preview).organizations[0]?.changes).toEqual([
        { organizationId: 24, kind: "added", name: "Ana Silva" },
      ]);
    });

    it("in the TypeScript class's keyed form: check's inputs and the state by key", async () => {
      const news = { organizationId: 24, unmanaged: "ignore", operators: { "ana-silva": ana } };
      const checked = await keyedOrganizationRosterBehaviour.check(news, {}, context);
      if (checked.ok !== true)
        throw new Error(`expected the roster to be accepted: ${JSON.stringify(checked)}`);
      expect(checked.inputs.operators).toEqual({ "ana-silva": { status: "active", ...ana } });
      const inputs = keyedOrganizationRosterBehaviour.checkedInputs(checked.inputs, "roster");
      const state = await keyedOrganizationRosterBehaviour.update("24", {}, inputs, context);
      expect(state.operators).toEqual({ "ana-silva": ana });
    });
  });
});
