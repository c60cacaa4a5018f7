import {groupsClient, type OctoPrintAccessGroupsClient} from "./groups";
import {LOAD_FIRST, pageClient, type Host, type HostConstructor} from "./host";
import {permissionsClient, type OctoPrintAccessPermissionsClient} from "./permissions";
import {usersClient, type OctoPrintAccessUsersClient} from "./users";

/**
 * A client as upgrade() needs it: OctoPrint's have a `components` map. Its registered `access`
 * may be OctoPrint's own component, which has the same API; a copy of this one has `upgrade`
 * on its class.
 */
export interface Client extends Host {
    components?: {access?: OctoPrintAccessClient};
    readonly access?: OctoPrintAccessClient;
}

/** `OctoPrint.access`: one per client instance, bound to that client's base URL and API key. */
export class OctoPrintAccessClient {
    readonly permissions: OctoPrintAccessPermissionsClient;
    readonly groups: OctoPrintAccessGroupsClient;
    readonly users: OctoPrintAccessUsersClient;
    /** Its class; OctoPrint's own component's has no `upgrade`. */
    declare ["constructor"]: {upgrade?: unknown};

    constructor(readonly base: Host) {
        this.permissions = permissionsClient(base);
        this.groups = groupsClient(base);
        this.users = usersClient(base);
    }

    /**
     * Makes this component `client.access` in place of the one its class registered
     * (OctoPrint's own access.js, which stock pages load before any plugin's file), whether
     * that was read already or not: OctoPrint's getter returns `client.components.access`
     * whenever it is set. Harmless twice, also across copies of this file (any component whose
     * class has `upgrade` stays). Returns the client's component. A client without a
     * `components` map (not OctoPrint's) keeps its own, and one console.warn says so.
     */
    static upgrade(client: Client): OctoPrintAccessClient {
        // Reading it first makes the registered one, so a copy of this file is recognised.
        let access = client.access;
        if (!client.components) {
            console.warn("keeping the registered access");
        } else if (!(access && access.constructor.upgrade)) {
            console.info("replacing the registered access");
            access = client.components.access = new OctoPrintAccessClient(client);
        }
        // The client's component: ours, a copy's, or (no components map) the registered one,
        // which has the same API.
        return access as OctoPrintAccessClient;
    }
}

/**
 * Registers the component as `access` on `OctoPrintClient`, so that every client instance
 * gets its own. Where `access` is registered already (OctoPrint's own file came first), the
 * host cannot redefine it: this component takes over on `page`, the page's default client,
 * when that is one of `OctoPrintClient` (see upgrade); other clients take it with
 * upgrade(client). With no such default client, the registered one stays (one warning).
 * Returns the class of `page`'s component where that is a copy of this one (another copy of
 * the file came first: the global and the AMD value stay the first copy's), else this class.
 */
export function install(
    OctoPrintClient: HostConstructor | undefined,
    page: unknown
): typeof OctoPrintAccessClient {
    if (!OctoPrintClient) throw Error(LOAD_FIRST);
    if ("access" in OctoPrintClient.prototype) {
        // With no default client of this class, the registered one stays, as in upgrade().
        if (page instanceof OctoPrintClient) {
            const live = OctoPrintAccessClient.upgrade(page).constructor;
            if (live.upgrade) return live as typeof OctoPrintAccessClient;
        } else console.warn("keeping the registered access");
    } else {
        OctoPrintClient.registerComponent("access", OctoPrintAccessClient);
    }
    return OctoPrintAccessClient;
}

/** install() with the page's default client, `window.OctoPrint`, where there is a page. */
export function register(OctoPrintClient: HostConstructor | undefined) {
    return install(OctoPrintClient, pageClient());
}

/** `OctoPrintAccessClient.upgrade(client)`, as a function of its own for modules. */
export const upgrade = (client: Client) => OctoPrintAccessClient.upgrade(client);
