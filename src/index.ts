/** pulumi-chathub: manage ChatHub operator rosters as code with Pulumi. */
export { ChatHubOperator, type ChatHubOperatorArgs, type OperatorStatus } from "./resources/operator";
