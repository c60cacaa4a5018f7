// The fleet file (`npm start -- --fleet FILE`): which OctoPrints a fleet has and how to reach
// them. Every mistake stops with one line naming the file, the entry and what is wrong; no
// message ever shows a key. docs/fleet.md describes the format, docs/fleet.schema.json is its
// JSON Schema. `--demo-fleet` makes a fleet of embedded emulators instead (demoFleet).
import {readFileSync, statSync} from "node:fs";
import {randomBytes} from "node:crypto";
import {versions} from "../dist/octoprint-access-fake.mjs";
import {parseOctoPrintUrl} from "./gateway.mjs";

const NAME = /^(?!\.\.?$)[A-Za-z0-9._-]{1,32}$/; // one path segment, never "." or ".."
// Visible ASCII without '"' and '\' (which JSON would write differently, so that no answer
// could carry the key unrecognised), as long as a key worth the name.
const APIKEY = /^[!#-[\]-~]{16,}$/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const TOP_MEMBERS = ["$schema", "servers"];
const MEMBERS = ["name", "url", "apikey", "apikeyEnv", "emulate"];
const KEY_RULE = "16 or more visible ASCII characters, no spaces, quotes or backslashes";

export class FleetFileError extends Error {}

/** Line and column (from 1) of `position` in `text`. */
function lineAndColumn(text, position) {
    const before = text.slice(0, position).split("\n");
    return `line ${before.length}, column ${before[before.length - 1].length + 1}`;
}

/**
 * Where and why `text` is not JSON, in words that show none of it (JSON.parse's own message
 * may quote the text, keys included): a small recursive-descent reader that stops at the
 * first mistake.
 */
export function jsonMistake(text) {
    let at = 0;
    const stop = (what) => {
        throw new FleetFileError(`${what} at ${lineAndColumn(text, at)}`);
    };
    const space = () => {
        while (" \t\n\r".includes(text[at] || "x")) at += 1;
    };
    const expect = (char, what) => {
        space();
        if (text[at] !== char) stop(at >= text.length ? "unexpected end" : what);
        at += 1;
    };
    function string() {
        at += 1; // the opening quote
        while (at < text.length) {
            const char = text[at];
            if (char === '"') return void (at += 1);
            if (char < " ") stop("a control character in a string");
            if (char === "\\") {
                at += 1;
                if (
                    text[at] === "u" &&
                    /^[0-9a-fA-F]{4}$/.test(text.slice(at + 1, at + 5))
                )
                    at += 4;
                else if (!'"\\/bfnrt'.includes(text[at] || "x")) stop("a bad escape");
            }
            at += 1;
        }
        stop("a string without its closing quote");
    }
    function value() {
        space();
        const char = text[at];
        if (char === "{" || char === "[") {
            const close = char === "{" ? "}" : "]";
            at += 1;
            space();
            if (text[at] === close) return void (at += 1);
            for (;;) {
                if (close === "}") {
                    space();
                    if (text[at] !== '"')
                        stop(
                            at >= text.length
                                ? "unexpected end"
                                : "expected a name in quotes"
                        );
                    string();
                    expect(":", 'expected ":"');
                }
                value();
                space();
                if (text[at] === ",") at += 1;
                else return expect(close, `expected "," or "${close}"`);
            }
        }
        if (char === '"') return string();
        const token = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?|true|false|null/y;
        token.lastIndex = at;
        if (token.test(text)) return void (at = token.lastIndex);
        stop(at >= text.length ? "unexpected end" : "expected a value");
    }
    try {
        value();
        space();
        if (at < text.length) stop("more after the end");
    } catch (error) {
        return error.message;
    }
    return null;
}

const show = (value) => JSON.stringify(value);

/**
 * The servers of the fleet file `file`, checked: resolves to {servers, warnings}, `servers`
 * as startServer takes them ({name, url (URL), apikey} or {name, emulate}), `warnings` lines
 * to print. Throws FleetFileError with one line on any mistake. `env` holds the variables
 * that apikeyEnv names.
 */
export function readFleetFile(file, env = process.env) {
    const fail = (what) => {
        throw new FleetFileError(`${file}: ${what}`);
    };
    let text;
    try {
        text = readFileSync(file, "utf8").replace(/^\uFEFF/, "");
    } catch (error) {
        const why = error.code === "ENOENT" ? "there is no such file" : error.message;
        throw new FleetFileError(`Cannot read the fleet file ${file}: ${why}`);
    }
    let json;
    try {
        json = JSON.parse(text);
    } catch {
        fail(`not valid JSON: ${jsonMistake(text) ?? "unreadable"}`);
    }
    if (json === null || typeof json !== "object" || Array.isArray(json))
        fail('the top level must be an object: {"servers": [...]}');
    for (const member of Object.keys(json)) {
        if (!TOP_MEMBERS.includes(member))
            fail(`unknown member ${show(member)} (allowed: ${TOP_MEMBERS.join(", ")})`);
    }
    if (!Array.isArray(json.servers)) fail('"servers" must be a list of servers');
    if (!json.servers.length) fail('"servers" lists no server');

    const servers = [];
    let inlineKeys = false;
    for (const [index, entry] of json.servers.entries()) {
        let where = `servers[${index}]`;
        const wrong = (what) => fail(`${where}: ${what}`);
        if (entry === null || typeof entry !== "object" || Array.isArray(entry))
            wrong("must be an object");
        const {name, url, apikey, apikeyEnv, emulate} = entry;
        if (name === undefined) wrong('"name" is missing');
        if (typeof name !== "string" || !NAME.test(name))
            wrong(
                `the name ${show(name)} is not 1 to 32 of A-Z a-z 0-9 . _ - (nor "." or "..")`
            );
        const taken = servers.findIndex((server) => server.name === name);
        if (taken >= 0) wrong(`the name ${show(name)} is taken by servers[${taken}]`);
        where = `server ${show(name)}`;
        for (const member of Object.keys(entry)) {
            if (!MEMBERS.includes(member))
                wrong(`unknown member ${show(member)} (allowed: ${MEMBERS.join(", ")})`);
        }
        const keyGiven = apikey !== undefined || apikeyEnv !== undefined;
        if (url !== undefined && emulate !== undefined)
            wrong('give "url" or "emulate", not both');
        if (emulate !== undefined) {
            if (!versions.includes(emulate))
                wrong(
                    `"emulate" must be one of ${versions.map(show).join(", ")}, not ${show(emulate)}`
                );
            if (keyGiven) wrong("an emulated server makes its own key: leave out apikey");
            servers.push({name, emulate});
            continue;
        }
        if (url === undefined)
            wrong('give "url" (a real OctoPrint) or "emulate" (an embedded emulator)');
        if (typeof url !== "string") wrong('"url" must be a string');
        let target;
        try {
            target = parseOctoPrintUrl(url, "url");
        } catch (error) {
            wrong(error.message);
        }
        const same = servers.find((server) => server.url?.href === target.href);
        if (same) wrong(`the same url as server ${show(same.name)}`);

        if (!keyGiven) wrong('missing key: give "apikey" or "apikeyEnv"');
        if (apikey !== undefined && apikeyEnv !== undefined)
            wrong('give "apikey" or "apikeyEnv", not both');
        let key;
        if (apikey !== undefined) {
            if (typeof apikey !== "string" || !APIKEY.test(apikey))
                wrong(`"apikey" is not an API key (${KEY_RULE})`);
            key = apikey;
            inlineKeys = true;
        } else {
            if (typeof apikeyEnv !== "string" || !ENV_NAME.test(apikeyEnv))
                wrong(
                    `"apikeyEnv" must name an environment variable (A-Z a-z 0-9 _), not ${show(apikeyEnv)}`
                );
            key = env[apikeyEnv];
            if (!key) wrong(`the environment variable ${apikeyEnv} is not set`);
            if (!APIKEY.test(key))
                wrong(
                    `the environment variable ${apikeyEnv} does not hold an API key (${KEY_RULE})`
                );
        }
        servers.push({name, url: target, apikey: key});
    }

    const warnings = [];
    const mode = statSync(file).mode;
    if (inlineKeys && process.platform !== "win32" && mode & 0o077) {
        const octal = (mode & 0o777).toString(8).padStart(4, "0");
        warnings.push(
            `Warning: ${file} holds API keys and others can read it (permissions ${octal}): ` +
                `chmod 600 ${file}, or move the keys into environment variables (apikeyEnv)`
        );
    }
    return {servers, warnings};
}

/**
 * `count` embedded emulators, demo-1 … demo-<count>, of OctoPrint 1.10, 1.11 and 2.0 in turn,
 * with the same users and groups but for some drift: demo-2 lacks bob, carol has other groups
 * on demo-3, and the operators group has another permission on demo-4.
 */
export function demoFleet(count) {
    const password = () => randomBytes(12).toString("base64url"); // never shown: no logins
    const operators = ["PRINT", "CONTROL", "FILES_UPLOAD"];
    return Array.from({length: count}, (_, index) => {
        const number = index + 1;
        const users = [
            {name: "alice", groups: ["users", "operators"]},
            {name: "bob", groups: ["users"]},
            {name: "carol", groups: number === 3 ? ["users", "operators"] : ["readonly"]},
            {name: "dave", groups: ["users"], active: false}
        ]
            .filter((user) => !(number === 2 && user.name === "bob"))
            .map((user) => ({...user, password: password()}));
        const groups = [
            {
                key: "operators",
                name: "Operators",
                description: "Print and control the printer",
                permissions: number === 4 ? [...operators, "FILES_DELETE"] : operators
            }
        ];
        return {
            name: `demo-${number}`,
            emulate: versions[index % versions.length],
            users,
            groups
        };
    });
}
