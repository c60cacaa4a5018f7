// dist/octoprint-users.js: the body of the UMD wrapper's factory (rollup.config.mjs). It sets
// no global and its AMD module has no value, as nothing but the page's clients need it.
// `OctoPrintClient` is the factory's parameter.
import type {HostConstructor} from "./access/host";
import {installUsers} from "./users-alias/users";

declare const OctoPrintClient: HostConstructor | undefined;

// A script on a page: its default client, OctoPrint, gets this alias whatever came first.
installUsers(OctoPrintClient, window.OctoPrint);
