import {groupsClient, type OctoPrintAccessGroupsClient} from "./groups";
import type {Host, HostConstructor} from "./host";
import {permissionsClient, type OctoPrintAccessPermissionsClient} from "./permissions";
import {usersClient, type OctoPrintAccessUsersClient} from "./users";

/** `OctoPrint.access`: one per client instance, bound to that client's base URL and API key. */
export class OctoPrintAccessClient {
    readonly permissions: OctoPrintAccessPermissionsClient;
    readonly groups: OctoPrintAccessGroupsClient;
    readonly users: OctoPrintAccessUsersClient;

    constructor(readonly base: Host) {
        this.permissions = permissionsClient(base);
        this.groups = groupsClient(base);
        this.users = usersClient(base);
    }
}

/**
 * Registers the component as `access` on `OctoPrintClient`, so that every client instance
 * gets its own. Where `access` is already registered (OctoPrint's own file came first), that
 * one stays: the host cannot redefine it, and the page must keep working.
 */
export function register(OctoPrintClient: HostConstructor | undefined) {
    if (!OctoPrintClient) {
        throw new Error("OctoPrintClient (OctoPrint's base.js) must be loaded first");
    }
    if ("access" in OctoPrintClient.prototype) {
        console.warn("OctoPrintClient has an access component already; keeping it");
    } else {
        OctoPrintClient.registerComponent("access", OctoPrintAccessClient);
    }
    return OctoPrintAccessClient;
}
