import {OctoPrintAccessGroupsClient} from "./groups";
import type {Host, HostConstructor} from "./host";
import {OctoPrintAccessPermissionsClient} from "./permissions";
import {useHost} from "./segment";
import {OctoPrintAccessUsersClient} from "./users";

/** `OctoPrint.access`: one per client instance, bound to that client's base URL and API key. */
export class OctoPrintAccessClient {
    readonly permissions: OctoPrintAccessPermissionsClient;
    readonly groups: OctoPrintAccessGroupsClient;
    readonly users: OctoPrintAccessUsersClient;

    constructor(readonly base: Host) {
        this.permissions = new OctoPrintAccessPermissionsClient(base);
        this.groups = new OctoPrintAccessGroupsClient(base);
        this.users = new OctoPrintAccessUsersClient(base);
    }
}

/**
 * Registers the component as `access` on `OctoPrintClient`, so that every client instance
 * gets its own. Where `access` is already registered (OctoPrint's own file came first), that
 * one stays: the host cannot redefine it, and the page must keep working.
 */
export function register(OctoPrintClient: HostConstructor | undefined) {
    if (!OctoPrintClient) {
        throw new Error(
            "OctoPrintAccessClient: OctoPrintClient is not defined. Load OctoPrint's client " +
                "(static/js/app/client/base.js) before octoprint-access.js."
        );
    }
    useHost(OctoPrintClient);
    if ("access" in OctoPrintClient.prototype) {
        console.warn(
            "OctoPrintAccessClient: OctoPrintClient already has an access component; keeping it."
        );
    } else {
        OctoPrintClient.registerComponent("access", OctoPrintAccessClient);
    }
    return OctoPrintAccessClient;
}
