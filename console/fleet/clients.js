// One OctoPrint client per server of the fleet: new OctoPrintClient({baseurl: "fleet/<name>/"}),
// whose `access` is this project's component. The client has no API key: the fleet server
// adds each server's own, which never reaches the page.
import {loadHost} from "../host.js";
import {baseurlOf} from "./servers.js";

const clients = new Map();
let loaded = null;

/**
 * Loads OctoPrint's client into the page once: jQuery, lodash and base.js from the first of
 * `names` (servers that answer) that serves them, then dist/octoprint-access.js. Resolves to
 * that server's name; rejects when none did.
 */
export function loadClient(names) {
    if (!loaded) {
        loaded = names.reduce(
            (previous, name) =>
                previous.catch(() => loadHost(baseurlOf(name)).then(() => name)),
            Promise.reject(new Error("No server to load OctoPrint's client from"))
        );
        loaded.catch(() => (loaded = null)); // a later call may try again
    }
    return loaded;
}

/** The one client of server `name` (after loadClient). */
export function clientFor(name) {
    if (!clients.has(name)) {
        clients.set(name, new OctoPrintClient({baseurl: baseurlOf(name)}));
    }
    return clients.get(name);
}
