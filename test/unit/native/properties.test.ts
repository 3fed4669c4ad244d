import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { describe, expect, it } from "vitest";
import { UNKNOWN } from "../../../src/core/unknown";
import {
  propertiesFromStruct,
  propertiesToStruct,
  SECRET_SIGNATURE,
  SIGNATURE_KEY,
  UNKNOWN_SENTINEL,
} from "../../../src/native/server/properties";

const secret = (value: unknown) => ({ [SIGNATURE_KEY]: SECRET_SIGNATURE, value });

describe("the engine's property values as plain values", () => {
  it("unwraps secrets and turns the unknown marker into UNKNOWN, at any depth", () => {
    const wire = Struct.fromJavaScript({
      token: secret("t0k3n"),
      organizationId: 24,
      operators: [
        { name: "Alex Brown", status: UNKNOWN_SENTINEL },
        { name: secret({ first: "Sam", last: UNKNOWN_SENTINEL }) },
      ],
      settings: { baseUrl: UNKNOWN_SENTINEL, retries: null, dryRun: false },
    });
    expect(propertiesFromStruct(wire)).toEqual({
      token: "t0k3n",
      organizationId: 24,
      operators: [{ name: "Alex Brown", status: UNKNOWN }, { name: { first: "Sam", last: UNKNOWN } }],
      settings: { baseUrl: UNKNOWN, retries: null, dryRun: false },
    });
  });

  it("reads a missing Struct as no properties", () => {
    expect(propertiesFromStruct(undefined)).toEqual({});
  });

  it("writes UNKNOWN back as the engine's marker and leaves undefined keys out", () => {
    const struct = propertiesToStruct({
      id: UNKNOWN,
      operators: [{ name: "Alex", operatorId: UNKNOWN }],
      // biome-ignore lint/suspicious/noExplicitAny: a handler may leave an optional output undefined
      organizationName: undefined as any,
    });
    expect(struct.toJavaScript()).toEqual({
      id: UNKNOWN_SENTINEL,
      operators: [{ name: "Alex", operatorId: UNKNOWN_SENTINEL }],
    });
  });
});
