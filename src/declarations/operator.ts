import { z } from "zod";
import { operatorBehaviour } from "../core/operator/behaviour";
import { operatorInputsSchema } from "../core/operator/inputs";
import type { ResourceDeclaration } from "./declaration";
import { named } from "./pulumi-types";
import { OPERATOR_STATUS_TYPE } from "./shared-types";

// importFrom is the dynamic ChatHubOperator's own way in (its `import` option): not a program's input.
const inputs = operatorInputsSchema.omit({ importFrom: true });
named(inputs.shape.status, OPERATOR_STATUS_TYPE);

/** `chathub:index:Operator`, and ChatHubOperator in TypeScript. */
export const operatorDeclaration = {
  token: "chathub:index:Operator",
  typeScriptName: "ChatHubOperator",
  description: "A ChatHub operator: an agent who answers chats for an organization.",
  inputs,
  outputs: z.object({
    operatorId: z.int().describe("ChatHub's id for the operator, e.g. 104."),
    organizationName: z.string().describe("The organization's name as ChatHub reports it.").optional(),
  }),
  id: { format: '"<organizationId>/<operatorId>"', example: "24/104", name: "alex" },
  examples: {
    typescript: `import { ChatHubOperator } from "pulumi-chathub";

const alex = new ChatHubOperator("alex", {
    organizationId: 24,
    name: "Alex Brown",
    status: "active",
});

export const alexId = alex.operatorId;`,
    yaml: `resources:
  alex:
    type: chathub:index:Operator
    properties:
      organizationId: 24
      name: Alex Brown
      status: active
outputs:
  alexId: \${alex.operatorId}`,
  },
  behaviour: operatorBehaviour,
} satisfies ResourceDeclaration;
