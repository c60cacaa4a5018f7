import {groupsClient, type OctoPrintAccessGroupsClient} from "./groups";
import {need, type Host, type HostConstructor} from "./host";
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
    const Host = need(OctoPrintClient);
    if ("access" in Host.prototype) {
        console.warn("OctoPrintClient has an access component already; keeping it");
    } else {
        Host.registerComponent("access", OctoPrintAccessClient);
    }
    return OctoPrintAccessClient;
}
