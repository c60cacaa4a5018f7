import type {Empty, Host, RequestOptions, Xhr} from "./host";
import type {Needs} from "./permissions";
import {copy, given} from "./request";
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

/** A user's settings: free-form JSON, deep-merged by `saveSettings`. */
export type UserSettings = Record<string, unknown>;

/** `users.add`'s argument: name and password are required. */
export interface NewUser {
    name: string;
    password: string;
    active?: boolean;
    groups?: string[] | null;
    permissions?: string[] | null;
}

/** The body of `POST api/access/users`. */
export interface NewUserBody {
    name: string;
    password: string;
    groups: string[] | null;
    permissions: string[] | null;
    active: boolean;
}

/** The body of `PUT api/access/users/{name}`: only the members given. */
export interface UserUpdateBody {
    active?: boolean;
    groups?: string[];
    permissions?: string[];
}

/** The body of `PUT api/access/users/{name}/password`. */
export interface PasswordBody {
    password: string;
    current?: string;
}

/** What the users API answers a change with: every user. */
export interface UserList {
    users: User[];
}

const url = "api/access/users";
const userUrl = (name: unknown) => url + "/" + segment(name, "user name");
const own = (object: object, key: string) =>
    Object.prototype.hasOwnProperty.call(object, key);

/** `OctoPrint.access.users`. */
export class OctoPrintAccessUsersClient {
    private warned?: boolean;

    constructor(readonly base: Host) {}

    /** GET `api/access/users`. */
    list(opts?: RequestOptions): Xhr<UserList> {
        return this.base.get(url, copy(opts));
    }

    /** GET `api/access/users/{name}`. */
    get(name: string, opts?: RequestOptions): Xhr<User> {
        return this.base.get(userUrl(name), copy(opts));
    }

    /** POST `api/access/users`: active unless said otherwise, no groups or permissions unless given. */
    add(user: NewUser, opts?: RequestOptions): Xhr<UserList> {
        if (!user || !user.name || !user.password) {
            invalid("Both user's name and password need to be set");
        }
        const body: NewUserBody = {
            name: user.name,
            password: user.password,
            groups: own(user, "groups") ? (user.groups as string[] | null) : [],
            permissions: own(user, "permissions")
                ? (user.permissions as string[] | null)
                : [],
            active: own(user, "active") ? !!user.active : true
        };
        return this.base.postJson(url, body, copy(opts));
    }

    /** PUT `api/access/users/{name}`: only what is given (not `undefined` or `null`) changes. */
    update(
        name: string,
        active?: boolean | null,
        permissions?: string[] | null,
        groups?: string[] | null,
        opts?: RequestOptions
    ): Xhr<UserList>;
    /**
     * The pre-1.4 order, with an admin flag third, which OctoPrint ignores.
     * @deprecated Leave out `admin`: `update(name, active, permissions, groups, opts)`.
     */
    update(
        name: string,
        active: boolean | null | undefined,
        admin: boolean,
        permissions?: string[] | null,
        groups?: string[] | null,
        opts?: RequestOptions
    ): Xhr<UserList>;
    update(
        name: string,
        active?: boolean | null,
        third?: boolean | string[] | null,
        fourth?: string[] | null,
        fifth?: string[] | RequestOptions | null,
        sixth?: RequestOptions
    ): Xhr<UserList> {
        let permissions = third as string[] | null | undefined;
        let groups = fourth;
        let opts = fifth as RequestOptions | undefined;
        if (typeof third === "boolean") {
            // OctoPrint's own Access Control screen still calls this order.
            if (!this.warned) {
                this.warned = true;
                console.warn(
                    "OctoPrint.access.users.update(name, active, admin, permissions, groups, opts) " +
                        "is deprecated: leave out admin"
                );
            }
            permissions = fourth;
            groups = fifth as string[] | null | undefined;
            opts = sixth;
        }
        const path = userUrl(name);
        const body: UserUpdateBody = {};
        given(body, "active", active == null ? active : !!active);
        given(body, "groups", groups);
        given(body, "permissions", permissions);
        return this.base.putJson(path, body, copy(opts));
    }

    /** DELETE `api/access/users/{name}`. */
    delete(name: string, opts?: RequestOptions): Xhr<UserList> {
        return this.base.delete(userUrl(name), copy(opts));
    }

    /** PUT `api/access/users/{name}/password`, with the current password when given. */
    changePassword(
        name: string,
        password: string,
        oldpw?: string | null,
        opts?: RequestOptions
    ): Xhr<Empty>;
    changePassword(name: string, password: string, opts?: RequestOptions): Xhr<Empty>;
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
        if (!name || !password) invalid("user name and new password must be set");
        const body: PasswordBody = {password};
        if (oldpw) body.current = oldpw;
        return this.base.putJson(userUrl(name) + "/password", body, copy(opts));
    }

    /** POST `api/access/users/{name}/apikey`, no body; resolves to the new key. */
    generateApiKey(name: string, opts?: RequestOptions): Xhr<{apikey: string}> {
        return this.base.postJson(userUrl(name) + "/apikey", null, copy(opts));
    }

    /** DELETE `api/access/users/{name}/apikey`: the user has no API key afterwards. */
    resetApiKey(name: string, opts?: RequestOptions): Xhr<Empty> {
        return this.base.delete(userUrl(name) + "/apikey", copy(opts));
    }

    /** GET `api/access/users/{name}/settings`. */
    getSettings(name: string, opts?: RequestOptions): Xhr<UserSettings> {
        return this.base.get(userUrl(name) + "/settings", copy(opts));
    }

    /** PATCH `api/access/users/{name}/settings`: merged into the user's settings. */
    saveSettings(
        name: string,
        settings?: UserSettings,
        opts?: RequestOptions
    ): Xhr<Empty> {
        return this.base.patchJson(
            userUrl(name) + "/settings",
            settings || {},
            copy(opts)
        );
    }
}
