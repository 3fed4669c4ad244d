import { ChatHubOperator } from "pulumi-chathub";

// Operators 101–103 already exist in organization 24 (`npx pulumi-chathub export --org 24`
// lists them with their ids). Two ways to adopt them, neither of which creates or changes
// anything in ChatHub:

// 1. By id, with the `import` resource option ("<organizationId>/<operatorId>"). The program must
//    describe the operator as it is (name and status); the first `pulumi up` fails, saying what
//    differs, otherwise. Change it afterwards like any other operator.
const john = new ChatHubOperator(
  "john-smith",
  { organizationId: 24, name: "John Smith", status: "active" },
  { import: "24/101" },
);
const mike = new ChatHubOperator(
  "mike-wilson",
  { organizationId: 24, name: "Mike Wilson", status: "inactive" },
  { import: "24/103" },
);

// 2. By name, with `adopt: true`: a live operator of that name is taken over (and brought to the
//    declared status); without one, it is created.
const sarah = new ChatHubOperator("sarah-johnson", {
  organizationId: 24,
  name: "Sarah Johnson",
  adopt: true,
});

export const adopted = { john: john.id, mike: mike.id, sarah: sarah.id };
