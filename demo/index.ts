import { ChatHubOperatorRoster } from "pulumi-chathub";

// Relative paths start at the program's folder (demo/), where Pulumi runs it.
const support = new ChatHubOperatorRoster("support", { organizationId: 24, file: "roster.yaml" });

export const operatorIds = support.operatorIds;
export const counts = support.counts;
