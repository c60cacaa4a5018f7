/*
 * The desired-state file: a fleet's users and groups as JSON, to keep (in git, say) and to
 * import. Export from the servers' states, read and check a file, and turn it into what
 * plan.js plans for. Plain JavaScript, no DOM and no Node API, as plan.js.
 * docs/fleet.md ("The desired-state file") describes the format; docs/fleet-state.schema.json is its
 * JSON Schema. A file never holds a password or an API key.
 */

import {byText, sortedSet} from "./plan.js";

/** @typedef {import("./plan.js").ServerState} ServerState */
/** @typedef {import("./plan.js").Wanted} Wanted */
/**
 * @typedef {object} DesiredState
 * @property {string} [$schema]
 * @property {string} format
 * @property {number} version
 * @property {{name: string, active: boolean, groups: string[], permissions: string[]}[]} users
 * @property {{key: string, name: string, description: string, default: boolean, permissions: string[], subgroups: string[]}[]} groups
 */

/** The `format` member every desired-state file has. */
export const FORMAT = "octoprint-access-fleet-state";
/** The version of the format this module reads and writes. */
export const VERSION = 1;

const TOP = ["$schema", "format", "version", "users", "groups"];
const USER = ["name", "active", "groups", "permissions"];
const GROUP = ["key", "name", "description", "default", "permissions", "subgroups"];
// Members someone might think belong in a user, and why they do not.
/** @type {{[member: string]: string}} */
const NEVER = {
    password: "passwords are never part of the file",
    apikey: "API keys are never part of the file",
    settings: "user settings are not part of the file"
};

const quote = (/** @type {unknown} */ value) => JSON.stringify(value);

/**
 * The desired state of the servers given: one server's, or the merged fleet's, where each
 * user and group is as on the first server (in the order given) that has it. (So the groups
 * a user or group names come from that server or one before it: no cycle of subgroups can
 * arise.) Lists sorted, so files diff well.
 * @param {ServerState[]} servers
 * @returns {DesiredState}
 */
export function exportState(servers) {
    /** @type {Map<string, DesiredState["users"][number]>} */
    const users = new Map();
    /** @type {Map<string, DesiredState["groups"][number]>} */
    const groups = new Map();
    for (const server of servers) {
        for (const user of server.users) {
            if (users.has(user.name)) continue;
            users.set(user.name, {
                name: user.name,
                active: user.active,
                groups: sortedSet(user.groups),
                permissions: sortedSet(user.permissions)
            });
        }
        for (const group of server.groups) {
            if (groups.has(group.key)) continue;
            groups.set(group.key, {
                key: group.key,
                name: group.name,
                description: group.description,
                default: group.default,
                permissions: sortedSet(group.permissions),
                subgroups: sortedSet(group.subgroups)
            });
        }
    }
    return {
        format: FORMAT,
        version: VERSION,
        users: Array.from(users.values()).sort((a, b) => byText(a.name, b.name)),
        groups: Array.from(groups.values()).sort((a, b) => byText(a.key, b.key))
    };
}

/**
 * The file's text: JSON, indented by 4, ending with a newline.
 * @param {DesiredState} state
 */
export function stateText(state) {
    return JSON.stringify(state, null, 4) + "\n";
}

/**
 * Reads a desired-state file. Throws an Error whose message lists every problem, one a line
 * (`error.errors` holds them as a list); returns the state otherwise.
 * @param {string} text
 * @returns {DesiredState}
 */
export function readState(text) {
    let value;
    try {
        value = JSON.parse(text);
    } catch (error) {
        throw problems([`not JSON: ${/** @type {Error} */ (error).message}`]);
    }
    const errors = validateState(value);
    if (errors.length) throw problems(errors);
    return /** @type {DesiredState} */ (value);
}

/** @param {string[]} errors */
function problems(errors) {
    const error = /** @type {Error & {errors: string[]}} */ (
        new Error(errors.join("\n"))
    );
    error.errors = errors;
    return error;
}

/**
 * What is wrong with a parsed desired-state file, each problem naming the entry and what is
 * wrong with it; none when it is valid.
 * @param {unknown} value
 * @returns {string[]}
 */
export function validateState(value) {
    /** @type {string[]} */
    const errors = [];
    if (!isObject(value)) return ["the file must hold a JSON object"];
    members("the file", value, TOP, errors);
    if (!("format" in value)) errors.push(`format: missing (must be ${quote(FORMAT)})`);
    else if (value.format !== FORMAT) {
        errors.push(
            `format: must be ${quote(FORMAT)}, not ${quote(value.format)}: ` +
                "this is not a desired-state file"
        );
    }
    if (!("version" in value)) errors.push(`version: missing (must be ${VERSION})`);
    else if (value.version !== VERSION) {
        errors.push(
            `version: ${quote(value.version)} is not known (this reads ${VERSION})`
        );
    }
    if ("$schema" in value && typeof value.$schema !== "string") {
        errors.push("$schema: must be a string");
    }
    const groups = entries(value, "groups", errors);
    const users = entries(value, "users", errors);

    /** @type {Map<string, string>} key -> where */
    const groupKeys = new Map();
    groups.forEach((group, i) => {
        const where = entry("groups", i, group, "key");
        if (!isObject(group)) {
            errors.push(`${where}: must be an object`);
            return;
        }
        members(where, group, GROUP, errors);
        if (name(where, "key", group.key, errors, false)) {
            const first = groupKeys.get(/** @type {string} */ (group.key));
            if (first) errors.push(`${where}: duplicate key (also ${first})`);
            else groupKeys.set(/** @type {string} */ (group.key), `groups[${i}]`);
        }
        if (typeof group.name !== "string" || !group.name) {
            errors.push(`${where}.name: must be a non-empty string`);
        }
        if (typeof group.description !== "string") {
            errors.push(`${where}.description: must be a string`);
        }
        if (typeof group.default !== "boolean") {
            errors.push(`${where}.default: must be true or false`);
        }
        list(`${where}.permissions`, group.permissions, errors);
    });
    /** @type {Map<string, string[]>} */
    const graph = new Map();
    groups.forEach((group, i) => {
        if (!isObject(group)) return;
        const where = entry("groups", i, group, "key");
        const subgroups = list(`${where}.subgroups`, group.subgroups, errors);
        for (const key of subgroups) {
            if (!groupKeys.has(key)) {
                errors.push(`${where}.subgroups: unknown group ${quote(key)}`);
            }
        }
        if (typeof group.key === "string" && !graph.has(group.key)) {
            graph.set(group.key, subgroups);
        }
    });
    for (const cycle of cycles(graph)) {
        errors.push(`groups: subgroups make a cycle: ${cycle.join(" → ")}`);
    }

    /** @type {Map<string, string>} */
    const userNames = new Map();
    users.forEach((user, i) => {
        const where = entry("users", i, user, "name");
        if (!isObject(user)) {
            errors.push(`${where}: must be an object`);
            return;
        }
        members(where, user, USER, errors);
        if (name(where, "name", user.name, errors, true)) {
            const first = userNames.get(/** @type {string} */ (user.name));
            if (first) errors.push(`${where}: duplicate name (also ${first})`);
            else userNames.set(/** @type {string} */ (user.name), `users[${i}]`);
        }
        if (typeof user.active !== "boolean") {
            errors.push(`${where}.active: must be true or false`);
        }
        for (const key of list(`${where}.groups`, user.groups, errors)) {
            if (!groupKeys.has(key))
                errors.push(`${where}.groups: unknown group ${quote(key)}`);
        }
        list(`${where}.permissions`, user.permissions, errors);
    });
    return errors;
}

/**
 * What plan.js plans for to reach the file's state: its users and groups created where
 * missing and made so where they differ; with `prune`, also the users and groups (but built-in
 * ones) that are not in the file deleted. A file has no passwords: `passwords` (by user name)
 * are for the users to create; where one is missing, the plan says so.
 * @param {DesiredState} state
 * @param {{prune?: boolean, passwords?: {[name: string]: string}}} [options]
 * @returns {Wanted}
 */
export function toWanted(state, options = {}) {
    const passwords = options.passwords || {};
    return {
        users: state.users.map((u) => {
            /** @type {import("./plan.js").WantedUser} */
            const user = {
                name: u.name,
                active: u.active,
                groups: u.groups.slice(),
                permissions: u.permissions.slice()
            };
            if (Object.prototype.hasOwnProperty.call(passwords, u.name)) {
                user.password = passwords[u.name];
            }
            return user;
        }),
        groups: state.groups.map((g) => ({
            ...g,
            permissions: g.permissions.slice(),
            subgroups: g.subgroups.slice()
        })),
        prune: !!options.prune
    };
}

// ~~ checks

/** @param {unknown} value @returns {value is {[member: string]: unknown}} */
function isObject(value) {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** "users[2]", or "users[2] (\"jürgen\")" when it has a name. */
function entry(
    /** @type {string} */ list,
    /** @type {number} */ i,
    /** @type {unknown} */ value,
    /** @type {string} */ id
) {
    const named = isObject(value) && typeof value[id] === "string";
    return `${list}[${i}]` + (named ? ` (${quote(value[id])})` : "");
}

/** The list `member` of the file, or [] after saying what is wrong. */
function entries(
    /** @type {{[member: string]: unknown}} */ file,
    /** @type {string} */ member,
    /** @type {string[]} */ errors
) {
    const value = file[member];
    if (Array.isArray(value)) return value;
    errors.push(`${member}: ${value === undefined ? "missing" : "must be a list"}`);
    return [];
}

/** Unknown members, each named; the ones that never belong say why. */
function members(
    /** @type {string} */ where,
    /** @type {{[member: string]: unknown}} */ value,
    /** @type {string[]} */ known,
    /** @type {string[]} */ errors
) {
    for (const member of Object.keys(value)) {
        if (known.indexOf(member) >= 0) continue;
        const why = NEVER[member] || `unknown member (known: ${known.join(", ")})`;
        errors.push(`${where}: ${quote(member)}: ${why}`);
    }
}

/** Whether a user's name or a group's key is usable; says why not. */
function name(
    /** @type {string} */ where,
    /** @type {string} */ member,
    /** @type {unknown} */ value,
    /** @type {string[]} */ errors,
    /** @type {boolean} */ trimmed
) {
    let wrong = "";
    if (typeof value !== "string" || !value) wrong = "must be a non-empty string";
    else if (value === "." || value === "..") wrong = `cannot be ${quote(value)}`;
    else if (trimmed && value.trim() !== value) wrong = "has spaces at its start or end";
    if (wrong) errors.push(`${where}.${member}: ${wrong}`);
    return !wrong;
}

/** The keys of a list of keys, [] after saying what is wrong. */
function list(
    /** @type {string} */ where,
    /** @type {unknown} */ value,
    /** @type {string[]} */ errors
) {
    if (!Array.isArray(value)) {
        errors.push(`${where}: ${value === undefined ? "missing" : "must be a list"}`);
        return [];
    }
    /** @type {string[]} */
    const keys = [];
    for (const key of value) {
        if (typeof key !== "string" || !key) {
            errors.push(`${where}: ${quote(key)} is not a key (a non-empty string)`);
        } else if (keys.indexOf(key) >= 0) {
            errors.push(`${where}: ${quote(key)} appears twice`);
        } else {
            keys.push(key);
        }
    }
    return keys;
}

/**
 * The cycles of subgroups, each once, as the keys along it back to its first.
 * @param {Map<string, string[]>} graph
 */
function cycles(graph) {
    /** @type {string[][]} */
    const found = [];
    const done = new Set();
    /** @param {string} key @param {string[]} path */
    const visit = (key, path) => {
        const at = path.indexOf(key);
        if (at >= 0) {
            found.push(path.slice(at).concat(key));
            return;
        }
        if (done.has(key)) return;
        path.push(key);
        for (const sub of graph.get(key) || []) visit(sub, path);
        path.pop();
        done.add(key);
    };
    for (const key of graph.keys()) visit(key, []);
    return found;
}
