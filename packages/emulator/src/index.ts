export { DEFAULT_EMULATOR_TOKEN } from "./access";
export { DEFAULT_EMULATOR_BEHAVIOUR, type EmulatorBehaviour } from "./behaviour";
export type { ArmedCallFault, CallFault, CallFaultAnswer } from "./call-faults";
export { type CompanyLogin, DEFAULT_EMULATOR_LOGIN, DEFAULT_EMULATOR_PASSWORD } from "./company-logins";
export type { RouteCounters } from "./counters";
export { DOCUMENTED_RATE_LIMIT, TOO_MANY_REQUESTS_BODY } from "./documented-limits";
export { type EmulatorOptions, type RunningEmulator, startEmulator } from "./server";
export type { Operator, OperatorStatusCode, Organization } from "./store";
