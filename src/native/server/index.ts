export { engineAddressFromPluginArgs } from "./plugin-args";
export { type ServeOptions, type ServingProvider, serveProvider } from "./serve";
