import { describe, expect, it } from "vitest";
import { parseUrn } from "../../../src/core/urn";
import { typeFromUrn } from "../../../src/native/server/provider-service";
import { resourceNameOf } from "../../../src/summary/preview-json";

const ROSTER = "pulumi-nodejs:dynamic/chathub:OrganizationRoster";

describe("a URN", () => {
  it("is read into stack, project, type chain and name", () => {
    expect(
      parseUrn("urn:pulumi:dev::shop::chathub:index:OperatorRoster$chathub:index:Operator::alex"),
    ).toEqual({
      stack: "dev",
      project: "shop",
      qualifiedType: "chathub:index:OperatorRoster$chathub:index:Operator",
      type: "chathub:index:Operator",
      parentType: "chathub:index:OperatorRoster",
      name: "alex",
    });
    expect(parseUrn(`urn:pulumi:dev::shop::${ROSTER}::support`)).toEqual({
      stack: "dev",
      project: "shop",
      qualifiedType: ROSTER,
      type: ROSTER,
      name: "support",
    });
  });

  it("keeps every `::` after the type in the name", () => {
    const urn = `urn:pulumi:dev::shop::${ROSTER}::team::support::night`;
    expect(parseUrn(urn)).toMatchObject({ type: ROSTER, name: "team::support::night" });
    // Each reader reads it the same way.
    expect(resourceNameOf(urn)).toBe("team::support::night");
    expect(typeFromUrn(urn)).toBe(ROSTER);
  });

  it("is undefined for text that is not one", () => {
    expect(parseUrn("")).toBeUndefined();
    expect(parseUrn("urn:pulumi:dev::shop::chathub:index:Operator")).toBeUndefined();
    expect(resourceNameOf("not-a-urn")).toBe("not-a-urn");
    expect(typeFromUrn("not-a-urn")).toBe("");
  });
});
