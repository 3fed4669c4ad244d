import { describe, expect, it } from "vitest";
import { escapeMarkdown } from "../../../src/summary/render-markdown";
import { shownId, shownName } from "../../../src/summary/shown-value";

// What of the preview's JSON may be printed: a secret, ciphertext or a value not known yet never is.
describe("shownName", () => {
  it.each([
    ["[secret]"],
    ["04da6b54-80e4-46f7-96ec-b56ff0331ba9"],
    [{ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", ciphertext: "v1:abc" }],
    [42],
    ["   "],
  ])("hides %j", (value) => {
    expect(shownName(value)).toBeUndefined();
  });

  it("shows a name, without control characters", () => {
    expect(shownName("Ann Lee")).toBe("Ann Lee");
    expect(shownName("Ann\u001b[31m Lee")).toBe("Ann [31m Lee");
  });

  it("takes ids that are positive whole numbers only", () => {
    expect(shownId(24)).toBe(24);
    expect(shownId("24")).toBeUndefined();
    expect(shownId(0)).toBeUndefined();
  });
});

describe("escapeMarkdown", () => {
  it("keeps a name literal in a pull-request comment", () => {
    expect(escapeMarkdown("*Ann* <b>Lee</b> @team [x](y)")).toBe(
      "\\*Ann\\* &lt;b&gt;Lee&lt;/b&gt; @\u200bteam \\[x\\]\\(y\\)",
    );
  });
});
