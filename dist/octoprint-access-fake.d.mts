/*! octoprint-access-client 1.0.0 | MIT */
/// <reference types="jquery" />
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

/** The OctoPrint release whose rules the emulator follows. */
type Version = "1.10" | "1.11" | "2.0";
/** A JSON value, as a request body parses to and an answer serialises from. */
type Json = null | boolean | number | string | Json[] | JsonObject;
interface JsonObject {
    [key: string]: Json;
}

/** A permission, as GET api/access/permissions lists it. */
interface PermissionData extends Permission {
    /** Set on the permissions of a plugin. */
    plugin?: string;
}
/** A group as the server answers it. */
type GroupRecord = Group;
/**
 * A user as the server answers it: 1.10 and 1.11 add the deprecated `admin`, `user` and
 * `roles`; 2.0 has `has_password` instead.
 */
interface UserRecord extends Omit<User, "settings"> {
    settings: JsonObject;
    admin?: boolean;
    user?: boolean;
    roles?: string[];
}
/** An extra user to start with. */
interface UserSeed {
    name: string;
    password: string;
    /** Default true. */
    active?: boolean;
    /** Default: the default groups (`users`). */
    groups?: string[];
    /** Default none. */
    permissions?: string[];
    /** Default none (null). */
    apikey?: string | null;
    /** Default {}. */
    settings?: JsonObject;
}
/** An extra group to start with. */
interface GroupSeed {
    key: string;
    name: string;
    description?: string;
    permissions?: string[];
    subgroups?: string[];
    default?: boolean;
}
/** How passwords are kept: the Node server hashes them, the page needs no more than memory. */
interface PasswordStore {
    hash(password: string): unknown;
    check(stored: unknown, password: string): boolean;
}
interface EmulatorOptions {
    /** Default "1.10". */
    version?: Version;
    /** The built-in admin's API key; default a new random one. */
    apikey?: string;
    /**
     * Who a request without an X-Api-Key is logged in as (a session); default null: nobody.
     * Given at all (even null), the emulator has a session, which `POST api/login` with
     * `{user, pass}` logs in as that user; without it (`npm start`), only API keys log in.
     */
    sessionUser?: string | null;
    /**
     * true: the session's credentials were not checked recently (OctoPrint 1.10+), until
     * `POST api/login`; see `requireReauthentication()`. Default false.
     */
    reauthenticate?: boolean;
    users?: UserSeed[];
    groups?: GroupSeed[];
    /** Makes a new API key; default 32 random hex digits from crypto.getRandomValues. */
    newApiKey?: () => string;
    passwords?: PasswordStore;
}
/** One request: `path` is the raw path (a query string is ignored), header names any case. */
interface EmulatorRequest {
    method: string;
    path: string;
    headers?: {
        [name: string]: string | string[] | undefined;
    };
    /** The request body as text; "" for none. */
    body?: string;
}
/** One answer: `body` is JSON to send, or null for no body (HEAD, OPTIONS). */
interface EmulatorResponse {
    status: number;
    headers: {
        [name: string]: string;
    };
    body: Json;
}
interface EmulatorState {
    users: UserRecord[];
    groups: GroupRecord[];
    permissions: PermissionData[];
}
interface Emulator {
    readonly version: Version;
    /** The built-in admin's API key. */
    readonly apikey: string;
    handle(request: EmulatorRequest): EmulatorResponse;
    /** A deep copy of the users, groups and permissions, as the server would answer them. */
    state(): EmulatorState;
    /**
     * From now on the session's credentials were not checked recently, as OctoPrint 1.10+
     * has it after `accessControl.defaultReauthenticationTimeout` (5 minutes): user and group
     * changes through the session get 403 "Please reauthenticate with your credentials" and
     * user records show `apikey: null`, until `POST api/login`. API keys are not affected.
     */
    requireReauthentication(): void;
}

/** The texts of OctoPrint's (Werkzeug's) error answers that carry no message of their own. */
declare const ERROR_TEXTS: {
    [status: number]: string;
};
/** 32 random upper-case hex digits, as OctoPrint's keys are. */
declare function newApiKey(): string;
/** A fresh emulator with OctoPrint's built-in state, the admin and the seeds. */
declare function createEmulator(options?: EmulatorOptions): Emulator;

interface FakeOptions {
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
interface FakeRequest {
    method: string;
    url: string;
    headers: {
        [name: string]: string;
    };
    body: string;
}
interface OctoPrintAccessFake {
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
interface FakeApi {
    install(options?: FakeOptions): OctoPrintAccessFake;
    /** The emulator itself, for use without jQuery (the Node server uses it). */
    createEmulator(options?: EmulatorOptions): Emulator;
    readonly versions: readonly Version[];
}
interface ClientConstructor {
    prototype: {
        ajax?: (...args: unknown[]) => unknown;
    };
}

declare const install: (options?: FakeOptions) => OctoPrintAccessFake;
declare const versions: readonly Version[];

export { ERROR_TEXTS, createEmulator, install, newApiKey, versions };
export type { Emulator, EmulatorOptions, EmulatorRequest, EmulatorResponse, EmulatorState, FakeApi, FakeOptions, FakeRequest, GroupRecord, GroupSeed, Json, Needs, OctoPrintAccessFake, PasswordStore, PermissionData, UserRecord, UserSeed, Version };
