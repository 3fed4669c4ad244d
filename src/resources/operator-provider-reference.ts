import operatorProvider = require("../dynamic/operator-module");

import { providerReference } from "./provider-reference";

/** The ChatHubOperator provider handed to Pulumi: `require("pulumi-chathub/provider")` in the state. */
export const operatorProviderReference = providerReference(operatorProvider, "pulumi-chathub/provider");
