import { afterEach, describe, expect, inject, it } from "vitest";
import { TestStack } from "./harness/test-stack";

// Proves the toolchain itself: the pinned CLI, its Node.js language host and the dynamic
// provider launcher run a program with a dynamic resource through a whole lifecycle.
const program = `
const pulumi = require("@pulumi/pulumi");
const counter = {
  async create(inputs) {
    return { id: "counter-" + inputs.start, outs: { value: inputs.start * 2 } };
  },
};
class Counter extends pulumi.dynamic.Resource {
  constructor(name, args) { super(counter, name, { value: undefined, ...args }); }
}
const c = new Counter("answer", { start: 21 });
exports.value = c.value;
`;

describe("the Pulumi engine on this machine", () => {
  let stack: TestStack | undefined;
  afterEach(() => stack?.dispose());

  it("takes a dynamic resource through up, a no-change preview, and destroy", async () => {
    stack = await TestStack.create({ pulumiBin: inject("pulumiBin"), name: "engine", program });

    const up = await stack.up();
    expect(up.stdout).toMatch(/\+ 2 created/);
    expect(await stack.outputs()).toEqual({ value: 42 });
    const [resource] = await stack.resourcesOfType("pulumi-nodejs:dynamic:Resource");
    expect(resource?.id).toBe("counter-21");
    expect(resource?.outputs?.value).toBe(42);

    const plan = await stack.previewPlan("--expect-no-changes");
    expect(plan.changeSummary).toEqual({ same: 2 });

    const destroy = await stack.destroy();
    expect(destroy.stdout).toMatch(/- 2 deleted/);
    expect(await stack.resourcesOfType("pulumi-nodejs:dynamic:Resource")).toEqual([]);
  });
});
