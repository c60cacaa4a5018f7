// OctoPrintAccessFake: the emulator (src/emulator/) inside the page, answering jQuery's
// requests to <a client's base URL>api/access/... and .../api/login through a jQuery
// transport. jQuery does everything else as it does with a server (the jqXHR, dataType
// conversion, ajaxSend and ajaxComplete, abort), and every other request goes to the network
// as before.
import {createEmulator, ERROR_TEXTS, VERSIONS} from "../emulator/emulator";
import type {
    Emulator,
    EmulatorOptions,
    EmulatorState,
    GroupSeed,
    Json,
    UserSeed,
    Version
} from "../emulator/types";

export interface FakeOptions {
    /** The built-in admin's API key; default a random one (read it as `fake.apikey`). */
    apikey?: string;
    /** Who requests without an API key are logged in as, as a session would; default "admin". */
    user?: string | null;
    /** Whose rules: "1.10" (default), "1.11" or "2.0". */
    version?: Version;
    /** Extra users: {name, password, active?, groups?, permissions?, apikey?, settings?}. */
    users?: UserSeed[];
    /** Extra groups: {key, name, description?, permissions?, subgroups?, default?}. */
    groups?: GroupSeed[];
    /** Milliseconds before each answer; default 0 (still asynchronous, as a server is). */
    latency?: number;
    /**
     * true: the session's credentials were not checked recently (OctoPrint 1.10+), as after
     * `fake.requireReauthentication()`; default false.
     */
    reauthenticate?: boolean;
    /** The page's jQuery; default the one the script was loaded with, or window.jQuery. */
    jQuery?: JQueryStatic;
    /** The host client's constructor, when it is not window.OctoPrintClient (AMD, modules). */
    OctoPrintClient?: ClientConstructor;
}

/** A request the fake answered, as jQuery handed it over. */
export interface FakeRequest {
    method: string;
    url: string;
    headers: {[name: string]: string};
    body: string;
}

export interface OctoPrintAccessFake {
    readonly apikey: string;
    readonly version: Version;
    /** Every request it answered, oldest first. */
    readonly requests: FakeRequest[];
    /** A deep copy of the users, groups and permissions; no password material. */
    state(): EmulatorState;
    /** The next request gets this answer instead (default body: OctoPrint's error text). */
    failNext(status: number, body?: Json): void;
    /**
     * The session's credentials were not checked recently (OctoPrint 1.10+): user and group
     * changes without an API key get 403 "Please reauthenticate with your credentials" and
     * user records `apikey: null`, until the page logs in again with `POST api/login`.
     */
    requireReauthentication(): void;
    /** Back to the state install() made; forgets the requests and a pending failNext. */
    reset(): void;
    /** jQuery answers from the network again. */
    uninstall(): void;
}

export interface FakeApi {
    install(options?: FakeOptions): OctoPrintAccessFake;
    /** The emulator itself, for use without jQuery (the Node server uses it). */
    createEmulator(options?: EmulatorOptions): Emulator;
    readonly versions: readonly Version[];
}

interface Client {
    getBaseUrl(): string;
}
interface ClientConstructor {
    prototype: {ajax?: (...args: unknown[]) => unknown};
}

const OPTIONS = [
    "apikey",
    "user",
    "version",
    "users",
    "groups",
    "latency",
    "reauthenticate",
    "jQuery",
    "OctoPrintClient"
];

// Werkzeug's reason phrases, as an XHR's statusText shows them.
const STATUS_TEXTS: {[status: number]: string} = {
    200: "OK",
    400: "BAD REQUEST",
    401: "UNAUTHORIZED",
    403: "FORBIDDEN",
    404: "NOT FOUND",
    405: "METHOD NOT ALLOWED",
    409: "CONFLICT",
    413: "REQUEST ENTITY TOO LARGE",
    500: "INTERNAL SERVER ERROR",
    502: "BAD GATEWAY",
    503: "SERVICE UNAVAILABLE",
    504: "GATEWAY TIMEOUT"
};

interface Answer {
    status: number;
    headers: {[name: string]: string};
    body: Json;
}

/** One transport per jQuery (jQuery cannot remove one): it asks whichever fake is installed. */
const slots = new WeakMap<JQueryStatic, {fake: Installed | null}>();
let current: Installed | null = null; // one fake per page at a time

interface Installed {
    transport(options: JQuery.AjaxSettings): JQuery.Transport | undefined;
}

const page = globalThis as unknown as {
    jQuery?: JQueryStatic;
    OctoPrintClient?: ClientConstructor;
    OctoPrint?: Client;
};

/**
 * Runs `fn` in a later task, as a server's answer arrives: after `ms`, or with no delay at
 * all for 0 (a message, which browsers do not clamp to 4 ms as they do nested timeouts).
 * Returns a function that cancels it.
 */
function later(ms: number, fn: () => void): () => void {
    if (ms > 0 || typeof MessageChannel === "undefined") {
        const timer = setTimeout(fn, ms);
        return () => clearTimeout(timer);
    }
    let cancelled = false;
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
        channel.port1.close();
        if (!cancelled) fn();
    };
    channel.port2.postMessage(null);
    return () => {
        cancelled = true;
        channel.port1.close();
    };
}

function fail(message: string): never {
    throw new Error(`OctoPrintAccessFake.install: ${message}`);
}

/**
 * The path below a client's base URL ("/api/access/...", or "/api/login") that `url`
 * addresses, or null.
 * The URL is not normalised beyond resolving it against the page: the emulator decodes the
 * path once, as OctoPrint does.
 */
export function accessPath(url: string, bases: URL[]): string | null {
    const raw = String(url).split("#")[0];
    let origin: string;
    let path: string;
    try {
        const absolute = /^([a-z][a-z\d+.-]*:)?\/\/([^/?#]*)(.*)$/i.exec(raw);
        if (absolute) {
            origin = new URL(`${absolute[1] || location.protocol}//${absolute[2]}/`)
                .origin;
            path = absolute[3] || "/";
        } else if (raw.charAt(0) === "/") {
            origin = location.origin;
            path = raw;
        } else {
            const base = new URL(document.baseURI);
            origin = base.origin;
            path = base.pathname.replace(/[^/]*$/, "") + raw;
        }
    } catch {
        return null;
    }
    path = path.split("?")[0];
    for (const base of bases) {
        const rest = path.slice(base.pathname.length);
        if (
            base.origin === origin &&
            path.indexOf(base.pathname) === 0 &&
            /^api\/(access(\/|$)|login$)/.test(rest)
        ) {
            return `/${rest}`;
        }
    }
    return null;
}

function validate(options: FakeOptions): void {
    if (typeof options !== "object" || options === null || Array.isArray(options)) {
        fail("the options must be an object");
    }
    for (const key of Object.keys(options)) {
        if (OPTIONS.indexOf(key) < 0) {
            fail(`unknown option "${key}" (known: ${OPTIONS.join(", ")})`);
        }
    }
    if (options.version !== undefined && VERSIONS.indexOf(options.version) < 0) {
        fail(
            `version must be one of ${VERSIONS.join(", ")}, not ${String(options.version)}`
        );
    }
    const latency = options.latency;
    if (
        latency !== undefined &&
        !(typeof latency === "number" && latency >= 0 && isFinite(latency))
    ) {
        fail(
            `latency must be a number of milliseconds, 0 or more, not ${String(latency)}`
        );
    }
    if (
        options.reauthenticate !== undefined &&
        typeof options.reauthenticate !== "boolean"
    ) {
        fail("reauthenticate must be true or false");
    }
    if (
        options.user !== undefined &&
        options.user !== null &&
        typeof options.user !== "string"
    ) {
        fail("user must be a user's name or null");
    }
}

export function createFakeApi(loadedWith: JQueryStatic | undefined): FakeApi {
    function install(options: FakeOptions = {}): OctoPrintAccessFake {
        validate(options);
        if (current) fail("a fake is installed already; uninstall() it first");
        const $ = options.jQuery || loadedWith || page.jQuery;
        if (!$ || typeof $.ajaxTransport !== "function") {
            fail("no jQuery: load it first, or pass it as the jQuery option");
        }
        if (typeof document === "undefined") fail("the fake needs a page (a document)");

        const coreOptions: EmulatorOptions = {
            version: options.version,
            apikey: options.apikey,
            sessionUser: options.user === undefined ? "admin" : options.user,
            users: options.users,
            groups: options.groups,
            reauthenticate: options.reauthenticate
        };
        const make = (): Emulator => {
            try {
                return createEmulator(coreOptions);
            } catch (error) {
                return fail((error as Error).message.replace(/^sessionUser/, "user"));
            }
        };
        let emulator = make();
        coreOptions.apikey = emulator.apikey; // reset() keeps the key
        const latency = options.latency || 0;
        const requests: FakeRequest[] = [];
        let failure: Answer | null = null;

        // The clients whose base URLs it answers: window.OctoPrint and every instance that
        // sends a request while it is installed (their ajax is wrapped to note them).
        const clients: Client[] = [];
        const Host = options.OctoPrintClient || page.OctoPrintClient;
        const original = Host && Host.prototype && Host.prototype.ajax;
        const wrapped =
            original &&
            function (this: Client, ...args: unknown[]) {
                if (clients.indexOf(this) < 0) clients.push(this);
                return original.apply(this, args);
            };
        if (Host && wrapped) Host.prototype.ajax = wrapped;

        function bases(): URL[] {
            const all = page.OctoPrint ? [page.OctoPrint].concat(clients) : clients;
            const urls: URL[] = [];
            for (const client of all) {
                try {
                    let base = String(client.getBaseUrl());
                    if (base.slice(-1) !== "/") base += "/";
                    urls.push(new URL(base, document.baseURI));
                } catch {
                    // not a client after all, or a base URL that is no URL
                }
            }
            return urls;
        }

        function answer(request: FakeRequest, path: string): Answer {
            if (failure) {
                const given = failure;
                failure = null;
                return given;
            }
            try {
                return emulator.handle({
                    method: request.method,
                    path,
                    headers: request.headers,
                    body: request.body
                });
            } catch (error) {
                // A bug of the emulator's: answer as a server would, and say so.
                console.error(error);
                return {status: 500, headers: {}, body: {error: ERROR_TEXTS[500]}};
            }
        }

        const installed: Installed = {
            transport(settings) {
                const path = accessPath(String(settings.url), bases());
                if (path === null) return undefined;
                let cancel: (() => void) | undefined;
                return {
                    send(headers, complete) {
                        const request: FakeRequest = {
                            method: String(settings.type || "GET").toUpperCase(),
                            url: String(settings.url),
                            headers: {...headers},
                            body: typeof settings.data === "string" ? settings.data : ""
                        };
                        requests.push(request);
                        const result = answer(request, path);
                        const text =
                            result.body === null || request.method === "HEAD"
                                ? ""
                                : JSON.stringify(result.body);
                        let head = "Content-Type: application/json\r\n";
                        for (const name of Object.keys(result.headers)) {
                            head += `${name}: ${result.headers[name]}\r\n`;
                        }
                        cancel = later(latency, () => {
                            cancel = undefined;
                            complete(
                                result.status,
                                (STATUS_TEXTS[result.status] ||
                                    "UNKNOWN") as JQuery.Ajax.TextStatus,
                                {text},
                                head
                            );
                        });
                    },
                    abort() {
                        if (cancel) cancel();
                        cancel = undefined;
                    }
                };
            }
        };

        let slot = slots.get($);
        if (!slot) {
            const created: {fake: Installed | null} = {fake: null};
            slot = created;
            slots.set($, created);
            $.ajaxTransport("+*", (settings: JQuery.AjaxSettings) =>
                created.fake ? created.fake.transport(settings) : undefined
            );
        }
        slot.fake = installed;
        current = installed;
        const ownSlot = slot;

        return {
            get apikey() {
                return emulator.apikey;
            },
            get version() {
                return emulator.version;
            },
            requests,
            state: () => emulator.state(),
            failNext(status: number, body?: Json) {
                if (
                    typeof status !== "number" ||
                    status % 1 !== 0 ||
                    status < 100 ||
                    status > 599
                ) {
                    throw new Error(
                        `failNext: status must be an HTTP status, not ${status}`
                    );
                }
                const error = {error: ERROR_TEXTS[status] || `Error ${status}`};
                failure = {
                    status,
                    headers: {},
                    body:
                        body === undefined
                            ? error
                            : (JSON.parse(JSON.stringify(body)) as Json)
                };
            },
            requireReauthentication() {
                emulator.requireReauthentication();
            },
            reset() {
                emulator = make();
                requests.length = 0;
                failure = null;
            },
            uninstall() {
                if (ownSlot.fake === installed) ownSlot.fake = null;
                if (current === installed) current = null;
                if (Host && wrapped && Host.prototype.ajax === wrapped) {
                    Host.prototype.ajax = original;
                }
            }
        };
    }

    return {install, createEmulator, versions: VERSIONS};
}
