// dist/octoprint-access.js: the body of the UMD wrapper's factory (rollup.config.mjs).
// `OctoPrintClient` is its parameter, and `component`, declared by the wrapper, is what it
// returns.
import {install} from "./access/access";
import type {HostConstructor} from "./access/host";

declare const OctoPrintClient: HostConstructor | undefined;
declare let component: ReturnType<typeof install>;

// A script on a page: its default client, OctoPrint, is the one to take over if need be.
component = install(OctoPrintClient, window.OctoPrint);
