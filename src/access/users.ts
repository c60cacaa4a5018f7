import type {Empty, Host, RequestOptions, Xhr} from "./host";
import type {Needs} from "./permissions";
import {copy} from "./request";
import {invalid, segment} from "./segment";

/** A user, as the users API returns it. */
export interface User {
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
export type UserSettings = Record<string, unknown>;

/** `users.add`'s argument: name and password are required. */
export interface NewUser {
    name: string;
    password: string;
    active?: boolean;
    groups?: string[] | null;
    permissions?: string[] | null;
}

/** The body of `POST api/access/users`: a member given as `undefined` travels as `null`. */
interface NewUserBody {
    name: string;
    password: string;
    groups: string[] | null | undefined;
    permissions: string[] | null | undefined;
    active: boolean;
}

/** The body of `PUT api/access/users/{name}`: only the members given. */
interface UserUpdateBody {
    active?: boolean;
    groups?: string[];
    permissions?: string[];
}

/** The body of `PUT api/access/users/{name}/password`. */
interface PasswordBody {
    password: string;
    current?: string;
}

/** What the users API answers a change with: every user. */
export interface UserList {
    users: User[];
}

/** `OctoPrint.access.users`. */
export interface OctoPrintAccessUsersClient {
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
    update(
        name: string,
        active?: boolean | null,
        permissions?: string[] | null,
        groups?: string[] | null,
        opts?: RequestOptions
    ): Xhr<UserList>;
    /**
     * The order of OctoPrint 1.4 to 1.11's own access.js, with an admin flag third, which
     * OctoPrint ignores: with `false` there, the call that works on every OctoPrint. A boolean
     * third argument marks this order (`undefined` or `null` there reads as the other).
     */
    update(
        name: string,
        active: boolean | null | undefined,
        admin: boolean,
        permissions?: string[] | null,
        groups?: string[] | null,
        opts?: RequestOptions
    ): Xhr<UserList>;

    /** DELETE `api/access/users/{name}`. */
    delete(name: string, opts?: RequestOptions): Xhr<UserList>;

    /** PUT `api/access/users/{name}/password`, with the current password when given. */
    changePassword(
        name: string,
        password: string,
        oldpw?: string | null,
        opts?: RequestOptions
    ): Xhr<Empty>;
    /** PUT `api/access/users/{name}/password`, with request options third. */
    changePassword(name: string, password: string, opts?: RequestOptions): Xhr<Empty>;

    /** POST `api/access/users/{name}/apikey`, no body; resolves to the new key. */
    generateApiKey(name: string, opts?: RequestOptions): Xhr<{apikey: string}>;

    /** DELETE `api/access/users/{name}/apikey`: the user has no API key afterwards. */
    resetApiKey(name: string, opts?: RequestOptions): Xhr<Empty>;

    /** GET `api/access/users/{name}/settings`. */
    getSettings(name: string, opts?: RequestOptions): Xhr<UserSettings>;

    /**
     * PATCH `api/access/users/{name}/settings`: each top-level member given replaces the
     * user's (no deep merge); the others stay.
     */
    saveSettings(
        name: string,
        settings?: UserSettings | null,
        opts?: RequestOptions
    ): Xhr<Empty>;
}

// update's two overloads as the implementation takes them, so the compiler checks both paths.
type UpdateArgs = [
    name: string,
    active?: boolean | null,
    permissions?: string[] | null,
    groups?: string[] | null,
    opts?: RequestOptions
];
type LegacyUpdateArgs = [
    name: string,
    active: boolean | null | undefined,
    admin: boolean,
    permissions?: string[] | null,
    groups?: string[] | null,
    opts?: RequestOptions
];

const url = "api/access/users";

/** Makes `OctoPrint.access.users` for one client. */
export function usersClient(base: Host): OctoPrintAccessUsersClient {
    const userUrl = (name: unknown) => url + "/" + segment(base, name, "user name");
    function put(
        name: string,
        active?: boolean | null,
        permissions?: string[] | null,
        groups?: string[] | null,
        opts?: RequestOptions
    ) {
        const body: UserUpdateBody = {};
        // Only what the caller gave: OctoPrint's server answers 500 for null lists.
        if (active != null) body.active = !!active;
        if (groups != null) body.groups = groups;
        if (permissions != null) body.permissions = permissions;
        return base.putJson<UserList>(userUrl(name), body, copy(opts));
    }
    return {
        base,

        list: (opts) => base.get(url, copy(opts)),

        get: (name, opts) => base.get(userUrl(name), copy(opts)),

        add(user, opts) {
            if (!user || !user.name || !user.password) {
                invalid(base, "Both user's name and password need to be set");
            }
            const body: NewUserBody = {
                name: user.name,
                password: user.password,
                groups: "groups" in user ? user.groups : [],
                permissions: "permissions" in user ? user.permissions : [],
                active: "active" in user ? !!user.active : true
            };
            return base.postJson(url, body, copy(opts));
        },

        update(...args: UpdateArgs | LegacyUpdateArgs): Xhr<UserList> {
            if (typeof args[2] === "boolean") {
                // The order of OctoPrint 1.4 to 1.11's own file (and of its Access Control
                // screen), the one portable plugin code uses: drop the flag, shift the rest.
                const [name, active, , permissions, groups, opts] = args;
                return put(name, active, permissions, groups, opts || {});
            }
            return put(...args);
        },

        delete: (name, opts) => base.delete(userUrl(name), copy(opts)),

        changePassword(
            name: string,
            password: string,
            oldpw?: string | RequestOptions | null,
            opts?: RequestOptions
        ): Xhr<Empty> {
            if (typeof oldpw === "object" && oldpw) {
                opts = oldpw;
                oldpw = undefined;
            }
            if (!name || !password)
                invalid(base, "user name and new password must be set");
            const body: PasswordBody = {password};
            if (oldpw) body.current = oldpw;
            return base.putJson(userUrl(name) + "/password", body, copy(opts));
        },

        generateApiKey: (name, opts) =>
            base.postJson(userUrl(name) + "/apikey", null, copy(opts)),

        resetApiKey: (name, opts) => base.delete(userUrl(name) + "/apikey", copy(opts)),

        getSettings: (name, opts) => base.get(userUrl(name) + "/settings", copy(opts)),

        saveSettings: (name, settings, opts) =>
            base.patchJson(userUrl(name) + "/settings", settings || {}, copy(opts))
    };
}
