import { ChatHubOperator } from "pulumi-chathub";

// Configure once per stack:
//   pulumi config set --secret chathub:token <company-token>
//   pulumi config set chathub:baseUrl https://chatapi.smsbat.com   (the default)
const organizationId = 24;

const alex = new ChatHubOperator("alex-brown", { organizationId, name: "Alex Brown" });
const emma = new ChatHubOperator("emma-davis", { organizationId, name: "Emma Davis", status: "inactive" });

export const alexId = alex.operatorId;
export const emmaStatus = emma.status;
export const organization = alex.organizationName;
