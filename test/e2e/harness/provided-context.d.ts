// What the e2e global setup hands to the test files (see global-setup.mts).
declare module "vitest" {
  export interface ProvidedContext {
    /** Absolute path of the `pulumi` binary that scripts/ensure-pulumi made available. */
    pulumiBin: string;
  }
}

export {};
