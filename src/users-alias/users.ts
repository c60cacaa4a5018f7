// The legacy namespace `OctoPrint.users`: OctoPrint 1.4 to 1.11 kept it (static/js/app/client/
// users.js) as a deprecated alias of `OctoPrint.access.users`; OctoPrint 2.0 dropped the file,
// and plugin frontends that still call it fail there. This brings it back, on any version.
import type {Empty, Host, HostConstructor, RequestOptions, Xhr} from "../access/host";
import {LOAD_FIRST} from "../access/host";
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
type Forward = (this: {base: Client}, ...args: unknown[]) => Xhr<unknown>;

/**
 * `OctoPrint.users`, one per client: every method forwards at call time to the same client's
 * `access.users` with the arguments as given, so it works over any access component (this
 * project's or OctoPrint's own) and may be loaded before it.
 */
export interface OctoPrintUserClient {
    /** The client. */
    readonly base: Host;

    /** @deprecated Use `OctoPrint.access.users.list(opts)`. */
    list(opts?: RequestOptions): Xhr<UserList>;

    /** @deprecated Use `OctoPrint.access.users.get(name, opts)`. */
    get(name: string, opts?: RequestOptions): Xhr<User>;

    /** @deprecated Use `OctoPrint.access.users.add(user, opts)`. */
    add(user: NewUser, opts?: RequestOptions): Xhr<UserList>;

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

/**
 * Gives every client of `OctoPrintClient` its own `users` (see OctoPrintUserClient), unless the
 * class has one already (OctoPrint 1.x's own users.js came first): that one stays. Not through
 * registerComponent, whose property can never be redefined: OctoPrint 1.x's users.js, packed
 * after this file on some pages, registers `users` itself and would throw. A configurable
 * getter lets it; each client's alias is kept in its `components` map, where the host's own
 * getter looks first.
 */
export function registerUsers(OctoPrintClient: HostConstructor | undefined): void {
    if (!OctoPrintClient) throw Error(LOAD_FIRST);
    const Host = OctoPrintClient;
    const prototype = Host.prototype;
    // Methods warned about on this page. OctoPrint's `deprecated` warns on every call, and
    // plugins call list() on every refresh: one line per method is enough.
    const warned: Record<string, 1> = {};
    const methods = {} as Record<string, Forward>;
    for (const method of METHODS.split(" ")) {
        methods[method] = function (...args) {
            if (!warned[method]) {
                warned[method] = 1;
                const old = "OctoPrint.users." + method;
                const replacement = "OctoPrint.access.users." + method;
                // The host's own warning where it has one: its wrapper, called once.
                if (Host.deprecated) Host.deprecated(old, replacement, () => {})();
                else
                    console.warn(
                        `${old} is deprecated, please use ${replacement} instead`
                    );
            }
            const users = this.base.access.users as unknown as Record<string, Method>;
            return users[method](...args);
        };
    }
    if (!("users" in prototype)) {
        Object.defineProperty(prototype, "users", {
            configurable: true,
            get(this: Client & {components: Record<string, object>}) {
                const components = this.components;
                return (
                    components.users ||
                    (components.users = Object.assign(Object.create(methods), {
                        base: this
                    }))
                );
            }
        });
    }
}
