// An in-memory emulator of OctoPrint's access API (docs/wire.md, "The REST API behind it"), as a pure
// request -> response function: no sockets here, so app.mjs and tests drive the same core.
// Seeded with OctoPrint's built-in permissions and groups and one admin user, "admin".
import {randomBytes, scryptSync, timingSafeEqual} from "node:crypto";
import {readFileSync} from "node:fs";

const DEFAULTS = JSON.parse(
    readFileSync(new URL("./octoprint-access-defaults.json", import.meta.url), "utf8")
);

// OctoPrint parses flags with `value in valid_boolean_trues`: anything else is false.
const TRUES = [true, 1, "true", "yes", "y", "1"];
const isTrue = (value) => TRUES.includes(value);

class HttpError extends Error {
    constructor(status, message, headers) {
        super(message);
        this.status = status;
        this.headers = headers;
    }
}
const fail = (status, message, headers) => {
    throw new HttpError(status, message, headers);
};

/**
 * The one place a request path is decoded: once, before it is split, as OctoPrint's server
 * does. `%20`, `%23`, `%C3%BC` work, `+` stays a plus, and `%2F` becomes a separator, so a
 * name containing `/` cannot be addressed (its request matches no route, or another one).
 */
export function pathSegments(rawPath) {
    let path;
    try {
        path = decodeURIComponent(rawPath);
    } catch {
        fail(400, "The request path is not validly percent-encoded");
    }
    return path.split("/").slice(1);
}

export const newApiKey = () => randomBytes(16).toString("hex").toUpperCase();

// Passwords only live in this process's memory; a cheap scrypt keeps them out of plain sight.
const SCRYPT = {N: 1024};
function hashPassword(password) {
    const salt = randomBytes(16);
    return {salt, hash: scryptSync(password, salt, 32, SCRYPT)};
}
function checkPassword(stored, password) {
    if (!stored || typeof password !== "string") return false;
    return timingSafeEqual(stored.hash, scryptSync(password, stored.salt, 32, SCRYPT));
}

const clone = (value) => (value === undefined ? undefined : structuredClone(value));
const isObject = (value) =>
    typeof value === "object" && value !== null && !Array.isArray(value);

/** OctoPrint's dict_merge: nested objects merge, anything else (arrays, null) replaces. */
function deepMerge(target, source) {
    for (const [key, value] of Object.entries(source)) {
        const current = Object.hasOwn(target, key) ? target[key] : undefined;
        // defineProperty, not assignment: a "__proto__" key must stay a plain member.
        Object.defineProperty(target, key, {
            value:
                isObject(current) && isObject(value) ? deepMerge(current, value) : value,
            enumerable: true,
            writable: true,
            configurable: true
        });
    }
    return target;
}

/** A fresh emulator. `apikey` is the admin's API key (a new random one when not given). */
export function createEmulator({apikey = newApiKey()} = {}) {
    const permissions = new Map(DEFAULTS.permissions.map((p) => [p.key, clone(p)]));
    const groups = new Map(DEFAULTS.groups.map((g) => [g.key, clone(g)]));
    const users = new Map();
    users.set("admin", {
        name: "admin",
        active: true,
        permissions: [],
        groups: ["admins", "users"],
        apikey,
        settings: {},
        password: null // the admin logs in with its API key only
    });

    // ~~ records as OctoPrint's server reports them

    /** Adds each permission's needs (`{role: [...]}`) into `needs`, without duplicates. */
    function addNeeds(needs, permissionKeys) {
        for (const key of permissionKeys) {
            for (const [kind, values] of Object.entries(
                permissions.get(key)?.needs ?? {}
            )) {
                needs[kind] = [...new Set([...(needs[kind] ?? []), ...values])].sort();
            }
        }
        return needs;
    }

    /** A group's permission keys with those of its subgroups, recursively (cycles are safe). */
    function groupPermissions(key, seen = new Set()) {
        const group = groups.get(key);
        if (!group || seen.has(key)) return [];
        seen.add(key);
        return [
            ...group.permissions,
            ...group.subgroups.flatMap((sub) => groupPermissions(sub, seen))
        ];
    }

    const effectivePermissions = (user) =>
        new Set([
            ...user.permissions,
            ...user.groups.flatMap((g) => groupPermissions(g))
        ]);

    const groupRecord = (group) => ({
        ...clone(group),
        needs: addNeeds({}, group.permissions),
        dangerous: group.permissions.some((key) => permissions.get(key)?.dangerous)
    });

    const userRecord = (user) => ({
        name: user.name,
        active: user.active,
        permissions: [...user.permissions],
        groups: [...user.groups],
        needs: addNeeds({}, effectivePermissions(user)),
        apikey: user.apikey,
        settings: clone(user.settings),
        has_password: user.password !== null
    });

    const groupList = () => ({groups: [...groups.values()].map(groupRecord)});
    const userList = () => ({users: [...users.values()].map(userRecord)});

    // ~~ request helpers

    /** The user an `X-Api-Key` logs in; null for none. A key nobody has is a 403 everywhere. */
    function authenticate(headers) {
        const key = headers["x-api-key"];
        if (key === undefined || key === "") return null;
        const user = [...users.values()].find(
            (u) => u.apikey !== null && u.apikey === key
        );
        if (!user) fail(403, "Invalid API key");
        return user.active ? user : null; // a deactivated user's key logs nobody in
    }

    const isAdmin = (user) => user !== null && effectivePermissions(user).has("ADMIN");

    function requireAdmin(ctx) {
        if (!isAdmin(ctx.user)) fail(403, "Forbidden: this needs an admin's API key");
    }

    function requireSelfOrAdmin(ctx) {
        if (!(isAdmin(ctx.user) || (ctx.user && ctx.user.name === ctx.id))) {
            fail(403, "Forbidden: only the user itself or an admin may do this");
        }
    }

    /** The JSON body, which must be an object. */
    function jsonObject(ctx) {
        let data;
        try {
            data = JSON.parse(ctx.body);
        } catch {
            fail(400, "The request body is not valid JSON");
        }
        if (!isObject(data)) fail(400, "The request body must be a JSON object");
        return data;
    }

    /**
     * A list of keys from a request: `null` is refused (OctoPrint 1.10.3 answers 500 there),
     * keys that are not in `known` are dropped, as OctoPrint does.
     */
    function keyList(value, member, known) {
        if (!Array.isArray(value) || !value.every((key) => typeof key === "string")) {
            fail(400, `${member} must be a list of keys, not ${JSON.stringify(value)}`);
        }
        return [...new Set(value)].filter((key) => known.has(key));
    }

    function findUser(name) {
        return users.get(name) ?? fail(404, `Unknown user: ${name}`);
    }

    function findGroup(key) {
        return groups.get(key) ?? fail(404, `Unknown group: ${key}`);
    }

    // ~~ the endpoints, one function each

    const api = {
        listPermissions: () => ({permissions: [...permissions.values()].map(clone)}),

        listGroups(ctx) {
            requireAdmin(ctx);
            return groupList();
        },

        addGroup(ctx) {
            requireAdmin(ctx);
            const data = jsonObject(ctx);
            if (!("key" in data)) fail(400, "key is missing");
            if (!("name" in data)) fail(400, "name is missing");
            if (!("permissions" in data)) fail(400, "permissions are missing");
            if (!("subgroups" in data)) fail(400, "subgroups are missing");
            const {key, name} = data;
            if (typeof key !== "string" || !key) {
                fail(400, "key must be a non-empty string");
            }
            if (typeof name !== "string" || !name) {
                fail(400, "name must be a non-empty string");
            }
            const perms = keyList(data.permissions, "permissions", permissions);
            const subgroups = keyList(data.subgroups, "subgroups", groups);
            if (groups.has(key)) fail(409, `Group "${key}" already exists`);
            groups.set(key, {
                key,
                name,
                description: String(data.description ?? ""), // absent: ""
                permissions: perms,
                subgroups,
                default: isTrue(data.default),
                removable: true,
                changeable: true,
                toggleable: true
            });
            return groupList();
        },

        getGroup(ctx) {
            requireAdmin(ctx);
            return groupRecord(findGroup(ctx.id));
        },

        updateGroup(ctx) {
            requireAdmin(ctx);
            const data = jsonObject(ctx);
            const group = findGroup(ctx.id);
            if (!group.changeable) fail(403, `Group "${group.key}" cannot be changed`);
            // null lists: left unchanged; default: a flag, so null is false (OctoPrint's rules).
            const perms =
                data.permissions == null
                    ? null
                    : keyList(data.permissions, "permissions", permissions);
            const subgroups =
                data.subgroups == null
                    ? null
                    : keyList(data.subgroups, "subgroups", groups);
            if (perms) group.permissions = perms;
            if (subgroups) group.subgroups = subgroups.filter((key) => key !== group.key);
            if ("default" in data) group.default = isTrue(data.default);
            if ("description" in data) group.description = String(data.description ?? "");
            return groupList();
        },

        deleteGroup(ctx) {
            requireAdmin(ctx);
            const group = findGroup(ctx.id);
            if (!group.removable) fail(403, `Group "${group.key}" cannot be removed`);
            groups.delete(group.key);
            // Nothing keeps pointing at a removed group.
            for (const user of users.values()) {
                user.groups = user.groups.filter((key) => key !== group.key);
            }
            for (const other of groups.values()) {
                other.subgroups = other.subgroups.filter((key) => key !== group.key);
            }
            return groupList();
        },

        listUsers(ctx) {
            requireAdmin(ctx);
            return userList();
        },

        addUser(ctx) {
            requireAdmin(ctx);
            const data = jsonObject(ctx);
            if (!("name" in data)) fail(400, "name is missing");
            if (!("password" in data)) fail(400, "password is missing");
            if (!("active" in data)) fail(400, "active is missing");
            const {name, password} = data;
            if (typeof name !== "string" || !name || name.trim() !== name) {
                fail(400, "name must not be empty nor start or end with whitespace");
            }
            if (typeof password !== "string" || !password) {
                fail(400, "password must be a non-empty string");
            }
            // Absent or null groups: the default groups; absent or null permissions: none.
            const defaults = [...groups.values()]
                .filter((g) => g.default)
                .map((g) => g.key);
            const userGroups =
                data.groups == null ? defaults : keyList(data.groups, "groups", groups);
            const userPermissions =
                data.permissions == null
                    ? []
                    : keyList(data.permissions, "permissions", permissions);
            if (users.has(name)) fail(409, `User "${name}" already exists`);
            users.set(name, {
                name,
                active: isTrue(data.active),
                permissions: userPermissions,
                groups: userGroups,
                apikey: null,
                settings: {},
                password: hashPassword(password)
            });
            return userList();
        },

        getUser(ctx) {
            requireSelfOrAdmin(ctx);
            return userRecord(findUser(ctx.id));
        },

        updateUser(ctx) {
            requireAdmin(ctx);
            const user = findUser(ctx.id);
            const data = jsonObject(ctx);
            // Check everything before changing anything: a 400 leaves the user as it was.
            const changes = {};
            if ("groups" in data) changes.groups = keyList(data.groups, "groups", groups);
            if ("permissions" in data) {
                changes.permissions = keyList(
                    data.permissions,
                    "permissions",
                    permissions
                );
            }
            if ("active" in data) changes.active = isTrue(data.active);
            Object.assign(user, changes);
            return userList();
        },

        deleteUser(ctx) {
            requireAdmin(ctx);
            const user = findUser(ctx.id);
            if (user === ctx.user) fail(400, "You cannot delete yourself");
            users.delete(user.name);
            return userList();
        },

        changePassword(ctx) {
            requireSelfOrAdmin(ctx);
            const data = jsonObject(ctx);
            if (typeof data.password !== "string" || !data.password) {
                fail(400, "new password is missing");
            }
            const user = findUser(ctx.id);
            // Users changing their own password prove it with `current`; an admin need not,
            // but a `current` an admin sends is checked too (as OctoPrint does).
            if (!isAdmin(ctx.user) || "current" in data) {
                if (!data.current) fail(400, "current password is missing");
                if (!checkPassword(user.password, data.current)) {
                    fail(403, "Invalid current password");
                }
            }
            user.password = hashPassword(data.password);
            return {};
        },

        getSettings(ctx) {
            requireSelfOrAdmin(ctx);
            return clone(findUser(ctx.id).settings);
        },

        saveSettings(ctx) {
            requireSelfOrAdmin(ctx);
            const user = findUser(ctx.id);
            deepMerge(user.settings, jsonObject(ctx));
            return {};
        },

        generateApiKey(ctx) {
            requireSelfOrAdmin(ctx);
            const user = findUser(ctx.id);
            user.apikey = newApiKey();
            return {apikey: user.apikey};
        },

        deleteApiKey(ctx) {
            requireSelfOrAdmin(ctx);
            findUser(ctx.id).apikey = null;
            return {};
        }
    };

    // Paths below /api/access/; ":id" is one non-empty segment (a user name or group key).
    const ROUTES = [
        [["permissions"], {GET: api.listPermissions}],
        [["groups"], {GET: api.listGroups, POST: api.addGroup}],
        [
            ["groups", ":id"],
            {GET: api.getGroup, PUT: api.updateGroup, DELETE: api.deleteGroup}
        ],
        [["users"], {GET: api.listUsers, POST: api.addUser}],
        [
            ["users", ":id"],
            {GET: api.getUser, PUT: api.updateUser, DELETE: api.deleteUser}
        ],
        [["users", ":id", "password"], {PUT: api.changePassword}],
        [["users", ":id", "settings"], {GET: api.getSettings, PATCH: api.saveSettings}],
        [["users", ":id", "apikey"], {POST: api.generateApiKey, DELETE: api.deleteApiKey}]
    ];

    function route(segments) {
        if (segments[0] !== "api" || segments[1] !== "access") return null;
        const rest = segments.slice(2);
        for (const [pattern, methods] of ROUTES) {
            if (pattern.length !== rest.length) continue;
            const matches = pattern.every((part, i) =>
                part === ":id" ? rest[i] !== "" : part === rest[i]
            );
            if (matches)
                return {methods, id: pattern.includes(":id") ? rest[1] : undefined};
        }
        return null;
    }

    /**
     * Answers one request. `path` is the raw path (no query string), `headers` has lower-case
     * names (as Node gives them), `body` is the request body as a string ("" for none).
     * Resolves to {status, headers, body}, where body is a JSON-serialisable value or null.
     */
    function handle({method, path, headers = {}, body = ""}) {
        try {
            const user = authenticate(headers); // a wrong key is a 403 before any routing
            const found = route(pathSegments(path));
            if (!found) fail(404, "Not found: no such endpoint of the access API");
            const allowed = Object.keys(found.methods);
            if (allowed.includes("GET")) allowed.push("HEAD");
            const verb = method === "HEAD" ? "GET" : method;
            if (method === "OPTIONS") {
                return {
                    status: 200,
                    headers: {Allow: [...allowed, "OPTIONS"].join(", ")},
                    body: null
                };
            }
            if (!found.methods[verb]) {
                fail(
                    405,
                    `Method ${method} is not allowed here (allowed: ${allowed.join(", ")})`,
                    {
                        Allow: [...allowed, "OPTIONS"].join(", ")
                    }
                );
            }
            return {
                status: 200,
                headers: {},
                body: found.methods[verb]({user, id: found.id, body})
            };
        } catch (error) {
            if (!(error instanceof HttpError)) throw error;
            return {
                status: error.status,
                headers: error.headers ?? {},
                body: {error: error.message}
            };
        }
    }

    return {handle, apikey};
}
