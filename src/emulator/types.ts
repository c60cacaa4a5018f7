// The emulator's public types: its options, the request and answer it deals in, the records
// it answers with. No transport in here: the Node server and the in-page fake adapt to these.
import type {Group} from "../access/groups";
import type {Needs, Permission} from "../access/permissions";
import type {User} from "../access/users";

/** The OctoPrint release whose rules the emulator follows. */
export type Version = "1.10" | "1.11" | "2.0";

/** A JSON value, as a request body parses to and an answer serialises from. */
export type Json = null | boolean | number | string | Json[] | JsonObject;
export interface JsonObject {
    [key: string]: Json;
}

// The records are the component's own (src/access/), so the two cannot drift apart; the
// emulator adds what only its answers carry.
export type {Needs};

/** A permission, as GET api/access/permissions lists it. */
export interface PermissionData extends Permission {
    /** Set on the permissions of a plugin. */
    plugin?: string;
}

/** A group's own data (the record adds `needs` and `dangerous`). */
export type GroupData = Omit<Group, "needs" | "dangerous">;

/** A group as the server answers it. */
export type GroupRecord = Group;

/**
 * A user as the server answers it: 1.10 and 1.11 add the deprecated `admin`, `user` and
 * `roles`; 2.0 has `has_password` instead.
 */
export interface UserRecord extends Omit<User, "settings"> {
    settings: JsonObject;
    admin?: boolean;
    user?: boolean;
    roles?: string[];
}

/** An extra user to start with. */
export interface UserSeed {
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
export interface GroupSeed {
    key: string;
    name: string;
    description?: string;
    permissions?: string[];
    subgroups?: string[];
    default?: boolean;
}

/** How passwords are kept: the Node server hashes them, the page needs no more than memory. */
export interface PasswordStore {
    hash(password: string): unknown;
    check(stored: unknown, password: string): boolean;
}

export interface EmulatorOptions {
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
export interface EmulatorRequest {
    method: string;
    path: string;
    headers?: {[name: string]: string | string[] | undefined};
    /** The request body as text; "" for none. */
    body?: string;
}

/** One answer: `body` is JSON to send, or null for no body (HEAD, OPTIONS). */
export interface EmulatorResponse {
    status: number;
    headers: {[name: string]: string};
    body: Json;
}

export interface EmulatorState {
    users: UserRecord[];
    groups: GroupRecord[];
    permissions: PermissionData[];
}

export interface Emulator {
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
