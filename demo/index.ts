import { ChatHubOperator, type OperatorStatus } from "pulumi-chathub";

// The roster of organization 24 ("Customer Support"), as the team wants it.
const roster: { key: string; name: string; status?: OperatorStatus }[] = [
  { key: "alex-brown", name: "Alex Brown" },
  { key: "emma-davis", name: "Emma Davis" },
  { key: "olivia-king", name: "Olivia King", status: "inactive" },
  { key: "nguyen-van-an", name: "Nguyễn Văn An" },
];

const operators = roster.map(
  (entry) => new ChatHubOperator(entry.key, { organizationId: 24, name: entry.name, status: entry.status }),
);

export const operatorIds = Object.fromEntries(
  roster.map((entry, i) => [entry.key, operators[i]?.operatorId]),
);
