import type { TestProject } from "vitest/node";
import { ensurePulumi, installPackageForPrograms } from "../../../scripts/toolchain.js";

/**
 * Runs once before the e2e files: makes sure the Pulumi CLI of the pinned version exists and
 * that the package is installed where the programs under test load it, as a user's would.
 */
export default function setup(project: TestProject): void {
  const pulumiBin = ensurePulumi();
  installPackageForPrograms();
  project.provide("pulumiBin", pulumiBin);
}
