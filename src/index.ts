// The body of the UMD wrapper's factory (see rollup.config.mjs): `OctoPrintClient` is its
// parameter, and `component`, declared by the wrapper, is what it returns.
import {register} from "./access";
import type {HostConstructor} from "./host";

declare const OctoPrintClient: HostConstructor | undefined;
declare let component: ReturnType<typeof register>;

// eslint-disable-next-line prefer-const, @typescript-eslint/no-unused-vars -- read by the wrapper
component = register(OctoPrintClient);
