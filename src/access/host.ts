// What the component needs from OctoPrint's base client (OctoPrintClient, static/js/app/client/base.js).

/** Request options handed to the base client and from there to `$.ajax` (headers, timeout, ...). */
export type RequestOptions = JQuery.AjaxSettings;

/** The base client's answer: jQuery's jqXHR itself, so `.done/.fail/.then/.abort` all work. */
export type Xhr<T> = JQuery.jqXHR<T>;

/** An empty JSON object, as OctoPrint answers a password change or a settings save. */
export type Empty = Record<string, never>;

/** A client instance: `OctoPrint`, or `new OctoPrintClient({baseurl, apikey})`. */
export interface Host {
    /** Its class, OctoPrintClient: its InvalidArgumentError, its deprecation warnings. */
    readonly constructor: Pick<HostConstructor, "InvalidArgumentError" | "deprecated">;
    get<T>(url: string, opts?: RequestOptions): Xhr<T>;
    delete<T>(url: string, opts?: RequestOptions): Xhr<T>;
    postJson<T>(url: string, data: unknown, opts?: RequestOptions): Xhr<T>;
    putJson<T>(url: string, data: unknown, opts?: RequestOptions): Xhr<T>;
    patchJson<T>(url: string, data: unknown, opts?: RequestOptions): Xhr<T>;
}

/** The `OctoPrintClient` constructor itself. */
export interface HostConstructor {
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

/**
 * The Error's message when there is no host class: the page loaded this file before
 * OctoPrint's client, or base.js itself failed (it throws while loading without lodash), or,
 * as a module, it was given no class.
 */
export const LOAD_FIRST =
    "OctoPrintClient is missing: OctoPrint's base.js (which needs jQuery and lodash) must be loaded first, without an error";
/** The options of an OctoPrint client (`new OctoPrintClient(options)`). */
export interface OctoPrintClientOptions {
    baseurl?: string;
    apikey?: string;
    locale?: string;
}

/** The page's default client, `window.OctoPrint`, where there is a page (a module may have none). */
export const pageClient = (): unknown =>
    typeof window === "object" ? (window as {OctoPrint?: unknown}).OctoPrint : undefined;
