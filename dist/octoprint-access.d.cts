/*! octoprint-access-client 1.0.0 | MIT */
/// <reference types="jquery" />
/** Request options handed to the base client and from there to `$.ajax` (headers, timeout, ...). */
type RequestOptions = JQuery.AjaxSettings;
/** The base client's answer: jQuery's jqXHR itself, so `.done/.fail/.then/.abort` all work. */
type Xhr<T> = JQuery.jqXHR<T>;
/** An empty JSON object, as OctoPrint answers a password change or a settings save. */
type Empty = Record<string, never>;
/** A client instance: `OctoPrint`, or `new OctoPrintClient({baseurl, apikey})`. */
interface Host {
    /** Its class, OctoPrintClient: its InvalidArgumentError, its deprecation warnings. */
    readonly constructor: Pick<HostConstructor, "InvalidArgumentError" | "deprecated">;
    get<T>(url: string, opts?: RequestOptions): Xhr<T>;
    delete<T>(url: string, opts?: RequestOptions): Xhr<T>;
    postJson<T>(url: string, data: unknown, opts?: RequestOptions): Xhr<T>;
    putJson<T>(url: string, data: unknown, opts?: RequestOptions): Xhr<T>;
    patchJson<T>(url: string, data: unknown, opts?: RequestOptions): Xhr<T>;
}
/** The `OctoPrintClient` constructor itself. */
interface HostConstructor {
    /** Its clients (`page instanceof OctoPrintClient` tells one). */
    new (...args: never[]): Host;
    prototype: Host;
    registerComponent(name: string, component: new (base: Host) => object): void;
    InvalidArgumentError: new (message: string) => Error;
    /**
     * Wraps `fn` in a function that logs "`deprecated` is deprecated, please use `replacement`"
     * on every call (OctoPrint 1.4 and later, 2.0 included).
     */
    deprecated?(deprecated: string, replacement: string, fn: () => void): () => void;
}
/** The options of an OctoPrint client (`new OctoPrintClient(options)`). */
interface OctoPrintClientOptions {
    baseurl?: string;
    apikey?: string;
    locale?: string;
}

/** What a permission, group or user needs, by kind of need: `{role: ["admin"]}`. */
type Needs = Record<string, string[]>;
/** A permission, as `GET api/access/permissions` lists it. */
interface Permission {
    key: string;
    name: string;
    description: string;
    dangerous: boolean;
    default_groups: string[];
    needs: Needs;
}
/** `OctoPrint.access.permissions`. */
interface OctoPrintAccessPermissionsClient {
    /** The client this one sends its requests through. */
    readonly base: Host;
    /** GET `api/access/permissions`. */
    list(opts?: RequestOptions): Xhr<{
        permissions: Permission[];
    }>;
}

/** A group, as the groups API returns it. */
interface Group {
    key: string;
    name: string;
    description: string;
    permissions: string[];
    subgroups: string[];
    needs: Needs;
    default: boolean;
    removable: boolean;
    changeable: boolean;
    toggleable: boolean;
    dangerous: boolean;
}
/** The members of a group that can be changed; `null` or absent means "leave as it is". */
interface GroupChanges {
    description?: string | null;
    permissions?: string[] | null;
    subgroups?: string[] | null;
    default?: boolean | null;
}
/** `groups.update`'s argument: the group's key and what to change. */
interface GroupUpdate extends GroupChanges {
    key: string;
}
/** `groups.add`'s argument: key and name are required. */
interface NewGroup extends GroupUpdate {
    name: string;
}
/** What the groups API answers a change with: every group. */
interface GroupList {
    groups: Group[];
}
/** `OctoPrint.access.groups`. */
interface OctoPrintAccessGroupsClient {
    /** The client this one sends its requests through. */
    readonly base: Host;
    /** GET `api/access/groups`. */
    list(opts?: RequestOptions): Xhr<GroupList>;
    /** GET `api/access/groups/{key}`. */
    get(key: string, opts?: RequestOptions): Xhr<Group>;
    /** POST `api/access/groups`. */
    add(group: NewGroup, opts?: RequestOptions): Xhr<GroupList>;
    /** PUT `api/access/groups/{key}`: only the members given change. */
    update(group: GroupUpdate, opts?: RequestOptions): Xhr<GroupList>;
    /** DELETE `api/access/groups/{key}`. */
    delete(key: string, opts?: RequestOptions): Xhr<GroupList>;
}

/** A user, as the users API returns it. */
interface User {
    name: string;
    active: boolean;
    permissions: string[];
    groups: string[];
    needs: Needs;
    apikey: string | null;
    settings: UserSettings;
    has_password?: boolean;
}
/**
 * A user's settings: free-form JSON. `saveSettings` sets each top-level member it is given,
 * replacing that member whole (OctoPrint does not deep-merge); members not given stay.
 */
type UserSettings = Record<string, unknown>;
/** `users.add`'s argument: name and password are required. */
interface NewUser {
    name: string;
    password: string;
    active?: boolean;
    groups?: string[] | null;
    permissions?: string[] | null;
}
/** What the users API answers a change with: every user. */
interface UserList {
    users: User[];
}
/** `OctoPrint.access.users`. */
interface OctoPrintAccessUsersClient {
    /** The client this one sends its requests through. */
    readonly base: Host;
    /** GET `api/access/users`. */
    list(opts?: RequestOptions): Xhr<UserList>;
    /** GET `api/access/users/{name}`. */
    get(name: string, opts?: RequestOptions): Xhr<User>;
    /** POST `api/access/users`: active unless said otherwise, no groups or permissions unless given. */
    add(user: NewUser, opts?: RequestOptions): Xhr<UserList>;
    /**
     * PUT `api/access/users/{name}`: only what is given (not `undefined` or `null`) changes.
     * OctoPrint 1.4 to 1.11's own access.js does not know this order: plugin code that must
     * run on any OctoPrint passes `false` for `admin` third (the other overload).
     */
    update(name: string, active?: boolean | null, permissions?: string[] | null, groups?: string[] | null, opts?: RequestOptions): Xhr<UserList>;
    /**
     * The order of OctoPrint 1.4 to 1.11's own access.js, with an admin flag third, which
     * OctoPrint ignores: with `false` there, the call that works on every OctoPrint. A boolean
     * third argument marks this order (`undefined` or `null` there reads as the other).
     */
    update(name: string, active: boolean | null | undefined, admin: boolean, permissions?: string[] | null, groups?: string[] | null, opts?: RequestOptions): Xhr<UserList>;
    /** DELETE `api/access/users/{name}`. */
    delete(name: string, opts?: RequestOptions): Xhr<UserList>;
    /** PUT `api/access/users/{name}/password`, with the current password when given. */
    changePassword(name: string, password: string, oldpw?: string | null, opts?: RequestOptions): Xhr<Empty>;
    /** PUT `api/access/users/{name}/password`, with request options third. */
    changePassword(name: string, password: string, opts?: RequestOptions): Xhr<Empty>;
    /** POST `api/access/users/{name}/apikey`, no body; resolves to the new key. */
    generateApiKey(name: string, opts?: RequestOptions): Xhr<{
        apikey: string;
    }>;
    /** DELETE `api/access/users/{name}/apikey`: the user has no API key afterwards. */
    resetApiKey(name: string, opts?: RequestOptions): Xhr<Empty>;
    /** GET `api/access/users/{name}/settings`. */
    getSettings(name: string, opts?: RequestOptions): Xhr<UserSettings>;
    /**
     * PATCH `api/access/users/{name}/settings`: each top-level member given replaces the
     * user's (no deep merge); the others stay.
     */
    saveSettings(name: string, settings?: UserSettings | null, opts?: RequestOptions): Xhr<Empty>;
}

/**
 * A client as upgrade() needs it: OctoPrint's have a `components` map. Its registered `access`
 * may be OctoPrint's own component, which has the same API; a copy of this one has `upgrade`
 * on its class.
 */
interface Client extends Host {
    components?: {
        access?: OctoPrintAccessClient;
    };
    readonly access?: OctoPrintAccessClient;
}
/** `OctoPrint.access`: one per client instance, bound to that client's base URL and API key. */
declare class OctoPrintAccessClient {
    readonly base: Host;
    readonly permissions: OctoPrintAccessPermissionsClient;
    readonly groups: OctoPrintAccessGroupsClient;
    readonly users: OctoPrintAccessUsersClient;
    /** Its class; OctoPrint's own component's has no `upgrade`. */
    ["constructor"]: {
        upgrade?: unknown;
    };
    constructor(base: Host);
    /**
     * Makes this component `client.access` in place of the one its class registered
     * (OctoPrint's own access.js, which stock pages load before any plugin's file), whether
     * that was read already or not: OctoPrint's getter returns `client.components.access`
     * whenever it is set. Harmless twice, also across copies of this file (any component whose
     * class has `upgrade` stays). Returns the client's component. A client without a
     * `components` map (not OctoPrint's) keeps its own, and one console.warn says so.
     */
    static upgrade(client: Client): OctoPrintAccessClient;
}
/** install() with the page's default client, `window.OctoPrint`, where there is a page. */
declare function register(OctoPrintClient: HostConstructor | undefined): typeof OctoPrintAccessClient;
/** `OctoPrintAccessClient.upgrade(client)`, as a function of its own for modules. */
declare const upgrade: (client: Client) => OctoPrintAccessClient;

/**
 * `OctoPrint.users`, one per client: every method forwards at call time to the same client's
 * `access.users` with the arguments as given (but `add`'s user without groups), so it works
 * over any access component (this project's or OctoPrint's own) and may be loaded before it.
 */
interface OctoPrintUserClient {
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
    update(name: string, active: boolean | null | undefined, admin: boolean, permissions?: string[] | null, groups?: string[] | null, opts?: RequestOptions): Xhr<UserList>;
    /** @deprecated Use `OctoPrint.access.users.delete(name, opts)`. */
    delete(name: string, opts?: RequestOptions): Xhr<UserList>;
    /** @deprecated Use `OctoPrint.access.users.changePassword(name, password, oldpw, opts)`. */
    changePassword(name: string, password: string, opts?: RequestOptions): Xhr<Empty>;
    /** @deprecated Use `OctoPrint.access.users.generateApiKey(name, opts)`. */
    generateApiKey(name: string, opts?: RequestOptions): Xhr<{
        apikey: string;
    }>;
    /** @deprecated Use `OctoPrint.access.users.resetApiKey(name, opts)`. */
    resetApiKey(name: string, opts?: RequestOptions): Xhr<Empty>;
    /** @deprecated Use `OctoPrint.access.users.getSettings(name, opts)`. */
    getSettings(name: string, opts?: RequestOptions): Xhr<UserSettings>;
    /** @deprecated Use `OctoPrint.access.users.saveSettings(name, settings, opts)`. */
    saveSettings(name: string, settings?: UserSettings | null, opts?: RequestOptions): Xhr<Empty>;
}
/** The legacy `add`'s argument: the pre-1.4 admin flag may come instead of groups. */
type LegacyNewUser = NewUser & {
    admin?: boolean;
};
/** installUsers() with the page's default client, `window.OctoPrint`, where there is a page. */
declare function registerUsers(OctoPrintClient: HostConstructor | undefined): void;

export { OctoPrintAccessClient, register, registerUsers, upgrade };
export type { Client, Group, GroupChanges, GroupList, GroupUpdate, Needs, NewGroup, NewUser, OctoPrintAccessGroupsClient, OctoPrintAccessPermissionsClient, OctoPrintAccessUsersClient, OctoPrintClientOptions, OctoPrintUserClient, Permission, RequestOptions, User, UserList, UserSettings };
