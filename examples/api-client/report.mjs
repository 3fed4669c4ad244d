// A script around the roster with the package's ChatHub client, no Pulumi involved: prints who can
// answer an organization's chats now. Usage:
//   CHATHUB_TOKEN=… [CHATHUB_BASE_URL=…] node report.mjs <organizationId>
import { ChatHubClient } from "pulumi-chathub/api";

const organizationId = Number(process.argv[2]);
if (!Number.isInteger(organizationId) || organizationId <= 0) {
  console.error("usage: node report.mjs <organizationId>");
  process.exit(2);
}
const client = new ChatHubClient({
  baseUrl: process.env.CHATHUB_BASE_URL ?? "https://chatapi.smsbat.com",
  token: process.env.CHATHUB_TOKEN ?? "",
});
const { total, active, inactive } = await client.statistics(organizationId);
console.log(`organization ${organizationId}: ${total} operators, ${active} active, ${inactive} inactive`);
for (const operator of await client.activeOperators(organizationId)) {
  console.log(`  ${operator.id}\t${operator.name}`);
}
