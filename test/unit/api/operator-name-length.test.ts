import { describe, expect, it } from "vitest";
import { newOperatorSchema, operatorNameSchema } from "../../../src/api";

// The limit counts characters as a person does (code points), as the emulator does: an emoji
// is one character, though two UTF-16 units.
describe("an operator name's 100-character limit", () => {
  const emoji = (count: number) => "😀".repeat(count);

  it("accepts 100 emoji and refuses 101, saying how many characters were given", () => {
    expect(operatorNameSchema.safeParse(emoji(100)).success).toBe(true);
    const refused = operatorNameSchema.safeParse(emoji(101));
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((issue) => issue.message)).toEqual([
      "is 101 characters long; ChatHub allows at most 100: shorten it",
    ]);
  });

  it("is the same limit in the synchronize request the client checks before sending", () => {
    expect(newOperatorSchema.safeParse({ organizationId: 24, name: emoji(100) }).success).toBe(true);
    expect(newOperatorSchema.safeParse({ organizationId: 24, name: emoji(101) }).success).toBe(false);
  });
});
