// dist/globals.d.ts, opt-in with `/// <reference types="octoprint-access-client/globals" />`:
// what a page that loads OctoPrint's client and the script-tag bundle has, for plugin code
// written in TypeScript. OctoPrint ships no types; other components can add to the
// OctoPrintClient interface the same way. Not part of the package entry, where these globals
// would be declared in bundler projects that have none of them at run time.
import type * as Package from "octoprint-access-client";
import type {Host, HostConstructor, OctoPrintClientOptions} from "./access/host";

type AccessClient = Package.OctoPrintAccessClient;
type AccessClientClass = typeof Package.OctoPrintAccessClient;

declare global {
    /** A client instance: `OctoPrint`, or `new OctoPrintClient({baseurl, apikey})`. */
    interface OctoPrintClient extends Host {
        options: OctoPrintClientOptions;
        getBaseUrl(): string;
        readonly access: AccessClient;
        /**
         * The legacy namespace, deprecated: OctoPrint 1.4 to 1.11 have it, OctoPrint 2.0 only
         * with dist/octoprint-users.js loaded. Use `access.users`.
         */
        readonly users: Package.OctoPrintUserClient;
    }

    /** OctoPrint's base client (static/js/app/client/base.js). */
    interface OctoPrintClientConstructor extends HostConstructor {
        new (options?: OctoPrintClientOptions): OctoPrintClient;
        prototype: OctoPrintClient;
    }

    var OctoPrintClient: OctoPrintClientConstructor;
    /** The page's default client. */
    var OctoPrint: OctoPrintClient;
    /** This component's constructor, as the script-tag bundle sets it. */
    var OctoPrintAccessClient: AccessClientClass;
    /** `OctoPrint.access`. */
    type OctoPrintAccessClient = AccessClient;
}
