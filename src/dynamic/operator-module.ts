/**
 * The provider side of the package, loaded by Pulumi's dynamic provider process, never by user
 * programs. Its module object *is* the provider: Pulumi's closure serializer then stores it in
 * the state as `require("pulumi-chathub/provider")` instead of serializing code (see
 * src/resources/operator-provider-reference.ts).
 */
import { operatorDeclaration } from "../declarations/operator";
import { dynamicProvider } from "./declared-provider";
import { providerRuntime } from "./shared-runtime";

export = dynamicProvider(operatorDeclaration, providerRuntime);
