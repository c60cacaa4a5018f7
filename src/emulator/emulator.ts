// An in-memory emulator of OctoPrint's access API, as one request -> answer function with no
// transport and no Node or browser API in it: `npm start` (server/app.mjs) serves it over
// HTTP, the in-page fake (src/fake/) answers jQuery's requests with it.
//
// The rules are OctoPrint's, as real 1.10.3, 1.11.8 and 2.0.0rc3 servers answered them
// (test/data/ holds their recordings, which the tests replay; each version's built-in
// permissions and groups come from its recording): their error texts, their 500s, their
// record shapes. `version` says whose rules apply. Where the recordings are silent and
// OctoPrint would crash on odd input (a string where a list belongs, a body that is not an
// object), this answers a 400 instead.
import BUILTIN from "octoprint-access-builtin";
import type {
    Emulator,
    EmulatorOptions,
    EmulatorRequest,
    EmulatorResponse,
    EmulatorState,
    GroupData,
    GroupRecord,
    GroupSeed,
    Json,
    JsonObject,
    Needs,
    PasswordStore,
    PermissionData,
    UserRecord,
    UserSeed,
    Version
} from "./types";

export const VERSIONS: readonly Version[] = ["1.10", "1.11", "2.0"];

/** The texts of OctoPrint's (Werkzeug's) error answers that carry no message of their own. */
export const ERROR_TEXTS: {[status: number]: string} = {
    400: "The browser (or proxy) sent a request that this server could not understand.",
    401:
        "The server could not verify that you are authorized to access the URL requested. " +
        "You either supplied the wrong credentials (e.g. a bad password), or your browser " +
        "doesn't understand how to supply the credentials required.",
    403:
        "You don't have the permission to access the requested resource. It is either " +
        "read-protected or not readable by the server.",
    404:
        "The requested URL was not found on the server. If you entered the URL manually " +
        "please check your spelling and try again.",
    405: "The method is not allowed for the requested URL.",
    409:
        "A conflict happened while processing the request. The resource might have been " +
        "modified while the request was being processed.",
    413: "The data value transmitted exceeds the capacity limit.",
    500:
        "The server encountered an internal error and was unable to complete your request. " +
        "Either the server is overloaded or there is an error in the application.",
    502: "The proxy server received an invalid response from an upstream server.",
    503:
        "The server is temporarily unable to service your request due to maintenance " +
        "downtime or capacity problems. Please try again later.",
    504: "The connection to an upstream server timed out."
};

// OctoPrint parses flags with `value in valid_boolean_trues`: anything else is false.
const TRUES: Json[] = [true, 1, "true", "yes", "y", "1"];
const isTrue = (value: Json | undefined): boolean => TRUES.indexOf(value as Json) >= 0;

const hasOwn = (object: object, key: string): boolean =>
    Object.prototype.hasOwnProperty.call(object, key);
const isObject = (value: unknown): value is JsonObject =>
    typeof value === "object" && value !== null && !Array.isArray(value);
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const unique = (values: string[]): string[] =>
    values.filter((value, i) => values.indexOf(value) === i);

class HttpError {
    constructor(
        readonly status: number,
        readonly message: string,
        readonly headers: {[name: string]: string} = {}
    ) {}
}
function fail(
    status: number,
    message?: string,
    headers?: {[name: string]: string}
): never {
    throw new HttpError(status, message || ERROR_TEXTS[status], headers);
}

/**
 * The one place a request path is decoded: once, before it is split, as OctoPrint's server
 * does. `%20`, `%23`, `%C3%BC` work, `+` stays a plus, and `%2F` becomes a separator, so a
 * name containing `/` cannot be addressed (its request matches no route, or another one).
 */
function pathSegments(rawPath: string): string[] {
    let path: string;
    try {
        path = decodeURIComponent(rawPath.split("?")[0]);
    } catch {
        return fail(400, "The request path is not validly percent-encoded");
    }
    return path.split("/").slice(1);
}

/** 32 random upper-case hex digits, as OctoPrint's keys are. */
export function newApiKey(): string {
    const bytes = new Uint8Array(16);
    const crypto = (globalThis as {crypto?: Crypto}).crypto;
    if (crypto && crypto.getRandomValues) crypto.getRandomValues(bytes);
    else
        for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
    let key = "";
    for (let i = 0; i < bytes.length; i++) key += (bytes[i] + 256).toString(16).slice(1);
    return key.toUpperCase();
}

/** Passwords kept as given, in this closure only; records never show them. */
const memoryPasswords: PasswordStore = {
    hash: (password) => ({password}),
    check: (stored, password) =>
        isObject(stored) && (stored as {password?: unknown}).password === password
};

interface User {
    name: string;
    active: boolean;
    permissions: string[];
    groups: string[];
    apikey: string | null;
    settings: JsonObject;
    password: unknown; // what passwords.hash made: every user has one, the admin too
}

interface Context {
    user: User | null;
    id: string;
    body: string;
}

type Endpoint = (ctx: Context) => Json;

/** Throws a clear error about a seed; `where` says which one ("users[2]"). */
function seedError(where: string, message: string): never {
    throw new Error(`${where}: ${message}`);
}

function checkKeys(where: string, value: unknown, known: string[]): void {
    if (!isObject(value)) seedError(where, "must be an object");
    for (const key of Object.keys(value)) {
        if (known.indexOf(key) < 0) {
            seedError(where, `unknown member "${key}" (known: ${known.join(", ")})`);
        }
    }
}

function checkList(
    where: string,
    value: unknown,
    known: (key: string) => boolean
): string[] {
    if (!Array.isArray(value) || !value.every((key) => typeof key === "string")) {
        return seedError(where, "must be a list of keys");
    }
    for (const key of value as string[]) {
        if (!known(key)) seedError(where, `unknown key "${key}"`);
    }
    return unique(value as string[]);
}

/** A fresh emulator with OctoPrint's built-in state, the admin and the seeds. */
export function createEmulator(options: EmulatorOptions = {}): Emulator {
    checkKeys("options", options, [
        "version",
        "apikey",
        "sessionUser",
        "users",
        "groups",
        "newApiKey",
        "passwords",
        "reauthenticate"
    ]);
    const version = options.version === undefined ? "1.10" : options.version;
    if (VERSIONS.indexOf(version) < 0) {
        seedError(
            "version",
            `must be one of ${VERSIONS.join(", ")}, not ${String(version)}`
        );
    }
    const makeKey = options.newApiKey || newApiKey;
    const passwords = options.passwords || memoryPasswords;
    const apikey = options.apikey === undefined ? makeKey() : options.apikey;
    if (typeof apikey !== "string" || !apikey) {
        seedError("apikey", "must be a non-empty string");
    }

    const builtin = BUILTIN[version];
    const permissions: {[key: string]: PermissionData} = {};
    for (const permission of builtin.permissions) {
        permissions[permission.key] = copy(permission);
    }
    const groups = new Map<string, GroupData>();
    for (const group of builtin.groups) groups.set(group.key, copy(group));
    const users = new Map<string, User>();
    users.set("admin", {
        name: "admin",
        active: true,
        permissions: [],
        groups: builtin.adminGroups.slice(),
        apikey,
        settings: {},
        // The one set up in OctoPrint's wizard, which no test knows: the admin logs in with
        // its API key (or as the session).
        password: passwords.hash(newApiKey())
    });
    const isPermission = (key: string) => hasOwn(permissions, key);
    const isGroup = (key: string) => groups.has(key);
    const defaultGroups = () =>
        Array.from(groups.values())
            .filter((group) => group.default)
            .map((group) => group.key);
    // OctoPrint keeps a user's groups as a set, so their order is a set's: 1.10.3 and 1.11.8
    // listed a new user's default groups in the groups' order, 2.0.0rc3 in key order. Every
    // list of a user's groups here follows its version's.
    const groupOrder = (keys: string[]): string[] =>
        version === "2.0" ? keys.slice().sort() : keys;

    // ~~ seeds: clear errors, never silently dropped keys

    const groupSeeds: GroupSeed[] = options.groups === undefined ? [] : options.groups;
    if (!Array.isArray(groupSeeds)) seedError("groups", "must be a list");
    groupSeeds.forEach((seed, i) => {
        const where = `groups[${i}]`;
        checkKeys(where, seed, [
            "key",
            "name",
            "description",
            "permissions",
            "subgroups",
            "default"
        ]);
        if (typeof seed.key !== "string" || !seed.key) {
            seedError(where, "key must be a non-empty string");
        }
        if (groups.has(seed.key)) seedError(where, `group "${seed.key}" exists already`);
        if (typeof seed.name !== "string" || !seed.name) {
            seedError(where, "name must be a non-empty string");
        }
        if (seed.description !== undefined && typeof seed.description !== "string") {
            seedError(where, "description must be a string");
        }
        if (seed.default !== undefined && typeof seed.default !== "boolean") {
            seedError(where, "default must be true or false");
        }
        groups.set(seed.key, {
            key: seed.key,
            name: seed.name,
            description: seed.description || "",
            permissions: checkList(
                `${where}.permissions`,
                seed.permissions || [],
                isPermission
            ),
            subgroups: [], // below, once every seeded group exists
            default: seed.default === true,
            removable: true,
            changeable: true,
            toggleable: true
        });
    });
    groupSeeds.forEach((seed, i) => {
        const group = groups.get(seed.key) as GroupData;
        group.subgroups = checkList(
            `groups[${i}].subgroups`,
            seed.subgroups || [],
            isGroup
        );
        if (closesCycle(group.key, group.subgroups)) {
            seedError(`groups[${i}].subgroups`, "would make a cycle of subgroups");
        }
    });

    const userSeeds: UserSeed[] = options.users === undefined ? [] : options.users;
    if (!Array.isArray(userSeeds)) seedError("users", "must be a list");
    userSeeds.forEach((seed, i) => {
        const where = `users[${i}]`;
        checkKeys(where, seed, [
            "name",
            "password",
            "active",
            "groups",
            "permissions",
            "apikey",
            "settings"
        ]);
        const {name, password} = seed;
        if (typeof name !== "string" || !name || name.trim() !== name) {
            seedError(where, "name must be a non-empty string without outer whitespace");
        }
        if (users.has(name)) seedError(where, `user "${name}" exists already`);
        if (typeof password !== "string" || !password) {
            seedError(where, "password must be a non-empty string");
        }
        if (seed.active !== undefined && typeof seed.active !== "boolean") {
            seedError(where, "active must be true or false");
        }
        const key = seed.apikey === undefined ? null : seed.apikey;
        if (key !== null && (typeof key !== "string" || !key)) {
            seedError(where, "apikey must be a non-empty string or null");
        }
        if (key !== null && findByKey(key)) seedError(where, "apikey is taken");
        if (seed.settings !== undefined && !isObject(seed.settings)) {
            seedError(where, "settings must be an object");
        }
        users.set(name, {
            name,
            active: seed.active !== false,
            permissions: checkList(
                `${where}.permissions`,
                seed.permissions || [],
                isPermission
            ),
            groups: groupOrder(
                seed.groups === undefined
                    ? defaultGroups()
                    : checkList(`${where}.groups`, seed.groups, isGroup)
            ),
            apikey: key,
            settings: copy(seed.settings || {}),
            password: passwords.hash(password)
        });
    });

    // `let`: POST api/login logs the session in as another user (see the session's block below).
    let sessionUser = options.sessionUser === undefined ? null : options.sessionUser;
    if (
        sessionUser !== null &&
        (typeof sessionUser !== "string" || !users.has(sessionUser))
    ) {
        seedError(
            "sessionUser",
            `must be null or the name of a user, not ${sessionUser}`
        );
    }

    // ~~ records as OctoPrint's server reports them

    /** A list of permission keys with ADMIN standing for all of them, as OctoPrint reads it. */
    const expand = (keys: string[]): string[] =>
        keys.indexOf("ADMIN") >= 0 ? Object.keys(permissions) : keys;

    // Needs are gathered as sets and listed, sorted, once: a user's needs join those of every
    // permission of every group, and sorting at each join made a list of 200 users slow.
    type NeedSets = Map<string, Set<string>>;

    function addNeeds(into: NeedSets, more: Needs | NeedSets): NeedSets {
        const add = (values: Iterable<string>, kind: string) => {
            const set = into.get(kind) || new Set<string>();
            into.set(kind, set);
            for (const value of Array.from(values)) set.add(value);
        };
        if (more instanceof Map) more.forEach(add);
        else for (const kind of Object.keys(more)) add(more[kind], kind);
        return into;
    }

    const listed = (sets: NeedSets): Needs => {
        const needs: Needs = {};
        sets.forEach((set, kind) => (needs[kind] = Array.from(set).sort()));
        return needs;
    };

    function permissionNeeds(keys: string[]): NeedSets {
        const needs: NeedSets = new Map();
        for (const key of expand(keys)) {
            if (isPermission(key)) addNeeds(needs, permissions[key].needs);
        }
        return needs;
    }

    /** A group's needs: its own group need, its permissions', its subgroups' (recursively). */
    function groupNeeds(key: string, seen: string[] = []): NeedSets {
        const known = memo && !seen.length && memo.get(key);
        if (known) return known;
        const group = groups.get(key);
        if (!group || seen.indexOf(key) >= 0) return new Map();
        seen.push(key);
        const needs = addNeeds(
            new Map([["group", new Set([key])]]),
            permissionNeeds(group.permissions)
        );
        for (const sub of group.subgroups) addNeeds(needs, groupNeeds(sub, seen));
        if (memo && seen.length === 1) memo.set(key, needs);
        return needs;
    }

    // Each group's needs, kept while one list of records is made (nothing changes meanwhile):
    // the 200 users of a list mostly share a few groups.
    let memo: Map<string, NeedSets> | null = null;
    function listing<T>(make: () => T): T {
        memo = new Map();
        try {
            return make();
        } finally {
            memo = null;
        }
    }

    /** Whether giving `key` these subgroups closes a cycle (itself included). */
    function closesCycle(key: string, subgroups: string[]): boolean {
        const seen: string[] = [];
        const reaches = (from: string): boolean => {
            if (from === key) return true;
            if (seen.indexOf(from) >= 0) return false;
            seen.push(from);
            const group = groups.get(from);
            return !!group && group.subgroups.some(reaches);
        };
        return subgroups.some(reaches);
    }

    const userNeeds = (user: User): NeedSets =>
        user.groups.reduce(
            (needs, key) => addNeeds(needs, groupNeeds(key)),
            permissionNeeds(user.permissions)
        );

    const isAdmin = (user: User | null): boolean => {
        if (user === null) return false;
        const roles = userNeeds(user).get("role");
        return !!roles && roles.has("admin");
    };

    const groupRecord = (group: GroupData): GroupRecord => {
        const record = copy(group) as GroupRecord;
        record.needs = listed(groupNeeds(group.key));
        record.dangerous = expand(group.permissions).some(
            (key) => isPermission(key) && permissions[key].dangerous
        );
        return record;
    };

    const userRecord = (user: User): UserRecord => {
        const record: UserRecord = {
            name: user.name,
            active: user.active,
            permissions: user.permissions.slice(),
            groups: user.groups.slice(),
            needs: listed(userNeeds(user)),
            apikey: user.apikey,
            settings: copy(user.settings)
        };
        if (version === "2.0") {
            record.has_password = true; // every user here has one
        } else {
            const admin = isAdmin(user);
            record.admin = admin;
            record.user = true;
            record.roles = admin ? ["user", "admin"] : ["user"];
        }
        return record;
    };

    const groupList = () =>
        listing(() => ({
            groups: Array.from(groups.values()).map(groupRecord)
        })) as unknown as Json;
    const userList = () =>
        listing(() => ({
            users: Array.from(users.values()).map(userRecord)
        })) as unknown as Json;

    // ~~ request helpers

    function findByKey(key: string): User | undefined {
        return Array.from(users.values()).filter((u) => u.apikey === key)[0];
    }

    /** The user a request is logged in as: its X-Api-Key's, else the session's; or null. */
    function authenticate(key: string | undefined): User | null {
        if (key === undefined || key === "") {
            const session = sessionUser === null ? undefined : users.get(sessionUser);
            return session && session.active ? session : null;
        }
        const user = findByKey(key);
        // 1.11 and 2.0 answer an unknown key with Werkzeug's text for a 403.
        if (!user) fail(403, version === "1.10" ? "Invalid API key" : undefined);
        return user.active ? user : null; // a deactivated user's key logs nobody in
    }

    function requireAdmin(ctx: Context): void {
        if (!isAdmin(ctx.user)) fail(403);
    }

    function requireSelfOrAdmin(ctx: Context): void {
        if (!(isAdmin(ctx.user) || (ctx.user && ctx.user.name === ctx.id))) fail(403);
    }

    /** The JSON body; not JSON at all is Werkzeug's 400. */
    function json(ctx: Context): Json {
        try {
            return JSON.parse(ctx.body) as unknown as Json;
        } catch {
            return fail(400);
        }
    }

    /**
     * The JSON body as an object. A body that is JSON but not an object reads as {} (so its
     * endpoint's first required member is "missing"), or is a 400 where nothing is required.
     */
    function jsonObject(ctx: Context, required: boolean): JsonObject {
        const data = json(ctx);
        if (isObject(data)) return data;
        return required ? {} : fail(400);
    }

    /** A list of keys from a request: keys that are not `known` are dropped, as OctoPrint does. */
    function keyList(
        value: Json,
        member: string,
        known: (key: string) => boolean
    ): string[] {
        if (!Array.isArray(value) || !value.every((key) => typeof key === "string")) {
            fail(400, `${member} must be a list of keys, not ${JSON.stringify(value)}`);
        }
        return unique(value as string[]).filter(known);
    }

    const findUser = (name: string): User => users.get(name) || fail(404);
    const findGroup = (key: string): GroupData => groups.get(key) || fail(404);

    // ~~ the endpoints, one function each

    const listPermissions: Endpoint = () =>
        ({
            permissions: Object.keys(permissions).map((key) => copy(permissions[key]))
        }) as unknown as Json;

    const listGroups: Endpoint = (ctx) => {
        requireAdmin(ctx);
        return groupList();
    };

    const addGroup: Endpoint = (ctx) => {
        requireAdmin(ctx);
        const data = jsonObject(ctx, true);
        if (!hasOwn(data, "key")) fail(400, "key is missing");
        if (!hasOwn(data, "name")) fail(400, "name is missing");
        if (!hasOwn(data, "permissions")) fail(400, "permissions are missing");
        // 1.10 reads data["subgroups"] unchecked: absent is a KeyError, null fails later.
        if (!hasOwn(data, "subgroups")) {
            if (version === "1.10") fail(500);
            fail(400, "subgroups are missing");
        }
        const {key, name} = data;
        if (typeof key !== "string" || !key) fail(400, "key must be a non-empty string");
        if (typeof name !== "string" || !name)
            fail(400, "name must be a non-empty string");
        const perms =
            data.permissions === null
                ? []
                : keyList(data.permissions, "permissions", isPermission);
        if (data.subgroups === null) fail(500);
        const given = keyList(
            data.subgroups,
            "subgroups",
            (sub) => isGroup(sub) || sub === key
        );
        if (version === "2.0" && given.indexOf(key) >= 0) fail(409);
        if (groups.has(key)) fail(409);
        groups.set(key, {
            key,
            name,
            description: data.description == null ? "" : String(data.description),
            permissions: perms,
            subgroups: given.filter(isGroup),
            default: isTrue(data.default),
            removable: true,
            changeable: true,
            toggleable: true
        });
        return groupList();
    };

    const getGroup: Endpoint = (ctx) => {
        requireAdmin(ctx);
        return groupRecord(findGroup(ctx.id)) as unknown as Json;
    };

    const updateGroup: Endpoint = (ctx) => {
        requireAdmin(ctx);
        const data = jsonObject(ctx, false);
        const group = findGroup(ctx.id);
        if (!group.changeable) fail(403);
        // null lists: left unchanged; default: a flag, so null is false (OctoPrint's rules).
        const perms =
            data.permissions == null
                ? null
                : keyList(data.permissions, "permissions", isPermission);
        const subgroups =
            data.subgroups == null ? null : keyList(data.subgroups, "subgroups", isGroup);
        if (subgroups && closesCycle(group.key, subgroups)) {
            // 1.10 and 1.11 recurse until they crash; 2.0 refuses it.
            fail(version === "2.0" ? 409 : 500);
        }
        if (perms) group.permissions = perms;
        if (subgroups) group.subgroups = subgroups;
        if (hasOwn(data, "default")) group.default = isTrue(data.default);
        if (hasOwn(data, "description")) {
            group.description = data.description == null ? "" : String(data.description);
        }
        return groupList();
    };

    const deleteGroup: Endpoint = (ctx) => {
        requireAdmin(ctx);
        const group = findGroup(ctx.id);
        if (!group.removable) fail(403);
        groups.delete(group.key);
        // Nothing keeps pointing at a removed group.
        users.forEach((user) => {
            user.groups = user.groups.filter((key) => key !== group.key);
        });
        groups.forEach((other) => {
            other.subgroups = other.subgroups.filter((key) => key !== group.key);
        });
        return groupList();
    };

    const listUsers: Endpoint = (ctx) => {
        requireAdmin(ctx);
        return userList();
    };

    const addUser: Endpoint = (ctx) => {
        requireAdmin(ctx);
        const data = jsonObject(ctx, true);
        if (!hasOwn(data, "name")) fail(400, "name is missing");
        if (!hasOwn(data, "password")) fail(400, "password is missing");
        if (!hasOwn(data, "active")) fail(400, "active is missing");
        const {name, password} = data;
        if (typeof name !== "string" || !name || name.trim() !== name) {
            fail(400, "Username invalid");
        }
        if (typeof password !== "string" || !password) {
            fail(400, "password must be a non-empty string");
        }
        // Absent or null groups: the default groups; absent or null permissions: none.
        const userGroups =
            data.groups == null
                ? defaultGroups()
                : keyList(data.groups, "groups", isGroup);
        const userPermissions =
            data.permissions == null
                ? []
                : keyList(data.permissions, "permissions", isPermission);
        if (users.has(name)) fail(409);
        users.set(name, {
            name,
            active: isTrue(data.active),
            permissions: userPermissions,
            groups: groupOrder(userGroups),
            apikey: null,
            settings: {},
            password: passwords.hash(password)
        });
        return userList();
    };

    const getUser: Endpoint = (ctx) => {
        requireSelfOrAdmin(ctx);
        return userRecord(findUser(ctx.id)) as unknown as Json;
    };

    const updateUser: Endpoint = (ctx) => {
        requireAdmin(ctx);
        const user = findUser(ctx.id);
        const data = jsonObject(ctx, false);
        // In OctoPrint's order: groups, permissions, active. A null list is a crash (500)
        // at its turn; a list of the wrong kind is refused before anything changes.
        const changes: {groups?: string[]; permissions?: string[]} = {};
        if (hasOwn(data, "groups") && data.groups !== null) {
            changes.groups = keyList(data.groups, "groups", isGroup);
        }
        if (hasOwn(data, "permissions") && data.permissions !== null) {
            changes.permissions = keyList(data.permissions, "permissions", isPermission);
        }
        if (hasOwn(data, "groups")) {
            if (!changes.groups) fail(500);
            user.groups = groupOrder(changes.groups);
        }
        if (hasOwn(data, "permissions")) {
            if (!changes.permissions) fail(500);
            user.permissions = changes.permissions;
        }
        if (hasOwn(data, "active")) user.active = isTrue(data.active);
        return userList();
    };

    const deleteUser: Endpoint = (ctx) => {
        requireAdmin(ctx);
        const user = findUser(ctx.id);
        if (user === ctx.user) fail(400, "You cannot delete yourself");
        users.delete(user.name);
        return userList();
    };

    const changePassword: Endpoint = (ctx) => {
        requireSelfOrAdmin(ctx);
        const data = jsonObject(ctx, true);
        const password = data.password;
        if (typeof password !== "string" || !password)
            fail(400, "new password is missing");
        // Users changing their own password prove it with `current`; an admin need not,
        // but a `current` an admin sends is checked too (as OctoPrint does).
        if (!isAdmin(ctx.user) || hasOwn(data, "current")) {
            const current = data.current;
            if (typeof current !== "string" || !current) {
                // 2.0 answers 403 here too: no proof, no change.
                if (version === "2.0") fail(403, "Invalid current password");
                fail(400, "current password is missing");
            }
            const user = users.get(ctx.id);
            if (!user || !passwords.check(user.password, current)) {
                fail(403, "Invalid current password");
            }
        }
        findUser(ctx.id).password = passwords.hash(password);
        return {};
    };

    const getSettings: Endpoint = (ctx) => {
        requireSelfOrAdmin(ctx);
        return copy(findUser(ctx.id).settings);
    };

    /** OctoPrint sets each top-level member of the body: a member replaces, never merges. */
    const saveSettings: Endpoint = (ctx) => {
        requireSelfOrAdmin(ctx);
        const data = jsonObject(ctx, false);
        const user = findUser(ctx.id);
        for (const key of Object.keys(data)) {
            // defineProperty, not assignment: a "__proto__" key must stay a plain member.
            Object.defineProperty(user.settings, key, {
                value: copy(data[key]),
                enumerable: true,
                writable: true,
                configurable: true
            });
        }
        return {};
    };

    const generateApiKey: Endpoint = (ctx) => {
        requireSelfOrAdmin(ctx);
        const user = findUser(ctx.id);
        user.apikey = makeKey();
        return {apikey: user.apikey};
    };

    const deleteApiKey: Endpoint = (ctx) => {
        requireSelfOrAdmin(ctx);
        findUser(ctx.id).apikey = null;
        return {};
    };

    // ~~ the session (OctoPrint 1.10+): credentials checked recently, and POST api/login

    // Only an emulator with a session (the in-page fake's `user`) has a login: over HTTP
    // (`npm start`) requests log in with API keys only, and a login must not make every
    // keyless request somebody's.
    const hasSession = options.sessionUser !== undefined;
    if (
        options.reauthenticate !== undefined &&
        typeof options.reauthenticate !== "boolean"
    ) {
        seedError("reauthenticate", "must be true or false");
    }
    let checkedRecently = !options.reauthenticate;
    const REAUTHENTICATE = "Please reauthenticate with your credentials";
    /** What OctoPrint refuses a session whose credentials were not checked recently. */
    const RECENT: {[route: string]: string[]} = {
        groups: ["POST"],
        "groups/:id": ["PUT", "DELETE"],
        users: ["POST"],
        "users/:id": ["PUT", "DELETE"],
        "users/:id/apikey": ["POST", "DELETE"],
        // these two only when an admin acts on another user
        "users/:id/password": ["PUT"],
        "users/:id/settings": ["PATCH"]
    };

    /**
     * 403 for a request the session may make but only with credentials checked recently.
     * Requests it may not make at all get the endpoint's own 403.
     */
    function requireRecentCredentials(route: string, method: string, ctx: Context): void {
        const user = ctx.user;
        if (checkedRecently || !user || (RECENT[route] || []).indexOf(method) < 0) return;
        const self = user.name === ctx.id;
        const allowed = isAdmin(user) || (self && route.indexOf("users/:id/") === 0);
        const onOthersOnly = /password|settings/.test(route);
        if (allowed && !(onOthersOnly && self)) fail(403, REAUTHENTICATE);
    }

    /** Records read by such a session show no API key. */
    function hideApiKeys(route: string, body: Json): void {
        if (checkedRecently || (route !== "users" && route !== "users/:id")) return;
        const records = (
            route === "users" ? (body as JsonObject).users : [body]
        ) as Json[];
        for (const record of records) (record as JsonObject).apikey = null;
    }

    /** POST api/login {user, pass}: the session is that user's, checked now. */
    const login: Endpoint = (ctx) => {
        const data = jsonObject(ctx, true);
        if (typeof data.user !== "string" || typeof data.pass !== "string") fail(400);
        const user = users.get(data.user);
        if (!user || !user.active || !passwords.check(user.password, data.pass)) {
            fail(403);
        }
        sessionUser = user.name;
        checkedRecently = true;
        return userRecord(user) as unknown as Json;
    };

    // Paths below /api/access/; ":id" is one non-empty segment (a user name or group key).
    const ROUTES: [string[], {[method: string]: Endpoint}][] = [
        [["permissions"], {GET: listPermissions}],
        [["groups"], {GET: listGroups, POST: addGroup}],
        [["groups", ":id"], {GET: getGroup, PUT: updateGroup, DELETE: deleteGroup}],
        [["users"], {GET: listUsers, POST: addUser}],
        [["users", ":id"], {GET: getUser, PUT: updateUser, DELETE: deleteUser}],
        [["users", ":id", "password"], {PUT: changePassword}],
        [["users", ":id", "settings"], {GET: getSettings, PATCH: saveSettings}],
        [["users", ":id", "apikey"], {POST: generateApiKey, DELETE: deleteApiKey}]
    ];

    function route(segments: string[]) {
        if (hasSession && segments.join("/") === "api/login") {
            return {methods: {POST: login}, id: "", pattern: "login"};
        }
        if (segments[0] !== "api" || segments[1] !== "access") return null;
        const rest = segments.slice(2);
        for (const [pattern, methods] of ROUTES) {
            if (pattern.length !== rest.length) continue;
            const matches = pattern.every((part, i) =>
                part === ":id" ? rest[i] !== "" : part === rest[i]
            );
            if (matches) {
                const id = pattern.indexOf(":id") >= 0 ? rest[1] : "";
                return {methods, id, pattern: pattern.join("/")};
            }
        }
        return null;
    }

    function header(request: EmulatorRequest, name: string): string | undefined {
        const headers = request.headers || {};
        for (const key of Object.keys(headers)) {
            if (key.toLowerCase() === name) {
                const value = headers[key];
                return Array.isArray(value) ? value[0] : value;
            }
        }
        return undefined;
    }

    function handle(request: EmulatorRequest): EmulatorResponse {
        try {
            // A wrong key is a 403 before any routing.
            const key = header(request, "x-api-key");
            const user = authenticate(key);
            const found = route(pathSegments(String(request.path)));
            if (!found) return fail(404);
            const method = String(request.method).toUpperCase();
            const allowed = Object.keys(found.methods);
            if (allowed.indexOf("GET") >= 0) allowed.push("HEAD");
            const allow = {Allow: allowed.concat("OPTIONS").join(", ")};
            if (method === "OPTIONS") return {status: 200, headers: allow, body: null};
            const verb = method === "HEAD" ? "GET" : method;
            const endpoint = found.methods[verb];
            if (!endpoint) return fail(405, undefined, allow);
            const ctx = {user, id: found.id, body: request.body || ""};
            const viaSession = key === undefined || key === ""; // API keys are never affected
            if (viaSession) requireRecentCredentials(found.pattern, verb, ctx);
            const body = endpoint(ctx);
            if (viaSession) hideApiKeys(found.pattern, body);
            // HEAD gets GET's answer: a transport sends its headers and drops the body.
            return {status: 200, headers: {}, body};
        } catch (error) {
            if (!(error instanceof HttpError)) throw error;
            return {
                status: error.status,
                headers: error.headers,
                body: {error: error.message}
            };
        }
    }

    function state(): EmulatorState {
        return listing(() => ({
            users: Array.from(users.values()).map(userRecord),
            groups: Array.from(groups.values()).map(groupRecord),
            permissions: Object.keys(permissions).map((key) => copy(permissions[key]))
        }));
    }

    return {
        version,
        apikey,
        handle,
        state,
        requireReauthentication: () => {
            checkedRecently = false;
        }
    };
}
