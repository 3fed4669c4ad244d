import { ProviderRuntime } from "./provider-runtime";

/**
 * The one ProviderRuntime of a provider process: ChatHubOperator and ChatHubOrganizationRoster
 * run in the same process, so they share one client (one rate limit, one list cache).
 */
export const providerRuntime = new ProviderRuntime();
