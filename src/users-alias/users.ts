// The legacy namespace `OctoPrint.users`: OctoPrint 1.4 to 1.11 kept it (static/js/app/client/
// users.js) as a deprecated alias of `OctoPrint.access.users`; OctoPrint 2.0 dropped the file,
// and plugin frontends that still call it fail there. This brings it back, on any version.
import type {Empty, Host, HostConstructor, RequestOptions, Xhr} from "../access/host";
import {LOAD_FIRST, pageClient} from "../access/host";
import type {
    NewUser,
    OctoPrintAccessUsersClient,
    User,
    UserList,
    UserSettings
} from "../access/users";

const METHODS =
    "list get add update delete changePassword generateApiKey resetApiKey getSettings saveSettings";

/** A client as the alias uses it: whatever `access` it has, read at every call. */
type Client = Host & {readonly access: {users: OctoPrintAccessUsersClient}};
type Method = (...args: unknown[]) => Xhr<unknown>;
/** The page's client, as the take-over reads it: its `users`, whoever registered it. */
type Aliased = Host & {
    users: Record<string, unknown>;
    components: Record<string, object>;
};

/**
 * `OctoPrint.users`, one per client: every method forwards at call time to the same client's
 * `access.users` with the arguments as given (but `add`'s user without groups), so it works
 * over any access component (this project's or OctoPrint's own) and may be loaded before it.
 */
export interface OctoPrintUserClient {
    /** The client. */
    readonly base: Host;

    /** @deprecated Use `OctoPrint.access.users.list(opts)`. */
    list(opts?: RequestOptions): Xhr<UserList>;

    /** @deprecated Use `OctoPrint.access.users.get(name, opts)`. */
    get(name: string, opts?: RequestOptions): Xhr<User>;

    /**
     * Without `groups` in `user`, the user gets OctoPrint's default groups, or with `admin:
     * true` `["users", "admins"]`, as before OctoPrint 1.4; otherwise as `access.users.add`.
     * @deprecated Use `OctoPrint.access.users.add(user, opts)`, with the groups.
     */
    add(user: LegacyNewUser, opts?: RequestOptions): Xhr<UserList>;

    /**
     * Admin flag third (which OctoPrint ignores), as OctoPrint 1.x's own access.js takes it.
     * @deprecated Use `OctoPrint.access.users.update(name, active, false, permissions, groups, opts)`:
     * the same order, which every OctoPrint's access.js takes.
     */
    update(
        name: string,
        active: boolean | null | undefined,
        admin: boolean,
        permissions?: string[] | null,
        groups?: string[] | null,
        opts?: RequestOptions
    ): Xhr<UserList>;

    /** @deprecated Use `OctoPrint.access.users.delete(name, opts)`. */
    delete(name: string, opts?: RequestOptions): Xhr<UserList>;

    /** @deprecated Use `OctoPrint.access.users.changePassword(name, password, oldpw, opts)`. */
    changePassword(name: string, password: string, opts?: RequestOptions): Xhr<Empty>;

    /** @deprecated Use `OctoPrint.access.users.generateApiKey(name, opts)`. */
    generateApiKey(name: string, opts?: RequestOptions): Xhr<{apikey: string}>;

    /** @deprecated Use `OctoPrint.access.users.resetApiKey(name, opts)`. */
    resetApiKey(name: string, opts?: RequestOptions): Xhr<Empty>;

    /** @deprecated Use `OctoPrint.access.users.getSettings(name, opts)`. */
    getSettings(name: string, opts?: RequestOptions): Xhr<UserSettings>;

    /** @deprecated Use `OctoPrint.access.users.saveSettings(name, settings, opts)`. */
    saveSettings(
        name: string,
        settings?: UserSettings | null,
        opts?: RequestOptions
    ): Xhr<Empty>;
}

/** The legacy `add`'s argument: the pre-1.4 admin flag may come instead of groups. */
export type LegacyNewUser = NewUser & {admin?: boolean};

/**
 * Marks an alias made by this file, by any copy of it: a page's alias so marked is kept, any
 * other (OctoPrint 1.x's users.js) is taken over.
 */
const MARK = "octoprint-access-client";

/**
 * Gives every client of `OctoPrintClient` its own `users` (see OctoPrintUserClient), and
 * `page`, the page's default client, an alias of this file whatever registered `users` first.
 * Not through registerComponent, whose property can never be redefined: OctoPrint 1.x's
 * users.js, packed after this file on some pages, registers `users` itself and would throw. A
 * configurable getter lets it; each client's alias is kept in its `components` map, where the
 * host's own getter looks first: so `page` keeps this alias after that, and takes it over
 * where OctoPrint's users.js came first (its other clients keep OctoPrint's).
 */
export function installUsers(
    OctoPrintClient: HostConstructor | undefined,
    page: unknown
) {
    if (!OctoPrintClient) throw Error(LOAD_FIRST);
    const prototype = OctoPrintClient.prototype;
    const methods = {[MARK]: 1} as Record<string, unknown>;
    for (const method of METHODS.split(" ")) {
        // Warned about on this page yet? OctoPrint's `deprecated` warns on every call, and
        // plugins call list() on every refresh: one line per method is enough.
        let warned: unknown;
        methods[method] = function (this: {base: Client}, ...args: unknown[]) {
            if (!warned) {
                warned = 1;
                // The host's own warning (OctoPrint 1.4 to 2.0 have it): its wrapper, once.
                if (OctoPrintClient.deprecated)
                    OctoPrintClient.deprecated(
                        "OctoPrint.users." + method,
                        "OctoPrint.access.users." + method,
                        () => {}
                    )();
            }
            // Object(): no `in` on a primitive; access.users.add refuses anything but a user.
            const user = Object(args[0]) as LegacyNewUser;
            if (method === "add" && !("groups" in user)) {
                // A pre-1.4 caller: no groups meant a normal user, or with `admin` an admin.
                // The access API gives a user without groups none (it can log in, nothing
                // more); null is the default groups. A copy: the caller's object stays as is.
                args[0] = Object.assign(
                    {groups: user.admin ? ["users", "admins"] : null},
                    user
                );
            }
            const users = this.base.access.users as unknown as Record<string, Method>;
            return users[method](...args);
        };
    }
    /** Makes `client`'s alias, in its components map. */
    const alias = (client: Aliased) =>
        (client.components.users = Object.assign(Object.create(methods), {base: client}));
    if (!("users" in prototype)) {
        Object.defineProperty(prototype, "users", {
            configurable: true,
            get(this: Aliased) {
                return this.components.users || alias(this);
            }
        });
    }
    if (page instanceof OctoPrintClient && !(page as Aliased).users[MARK]) {
        alias(page as Aliased);
    }
}

/** installUsers() with the page's default client, `window.OctoPrint`, where there is a page. */
export function registerUsers(OctoPrintClient: HostConstructor | undefined): void {
    installUsers(OctoPrintClient, pageClient());
}
