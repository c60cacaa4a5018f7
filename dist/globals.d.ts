/*! octoprint-access-client 1.0.0 | MIT */
/// <reference types="jquery" />
import * as Package from 'octoprint-access-client';

/** Request options handed to the base client and from there to `$.ajax` (headers, timeout, ...). */
type RequestOptions = JQuery.AjaxSettings;
/** The base client's answer: jQuery's jqXHR itself, so `.done/.fail/.then/.abort` all work. */
type Xhr<T> = JQuery.jqXHR<T>;
/** A client instance: `OctoPrint`, or `new OctoPrintClient({baseurl, apikey})`. */
interface Host {
    /** Its class, OctoPrintClient: its InvalidArgumentError, its deprecation warnings. */
    readonly constructor: Pick<HostConstructor, "InvalidArgumentError" | "deprecated">;
    get<T>(url: string, opts?: RequestOptions): Xhr<T>;
    delete<T>(url: string, opts?: RequestOptions): Xhr<T>;
    postJson<T>(url: string, data: unknown, opts?: RequestOptions): Xhr<T>;
    putJson<T>(url: string, data: unknown, opts?: RequestOptions): Xhr<T>;
    patchJson<T>(url: string, data: unknown, opts?: RequestOptions): Xhr<T>;
}
/** The `OctoPrintClient` constructor itself. */
interface HostConstructor {
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
/** The options of an OctoPrint client (`new OctoPrintClient(options)`). */
interface OctoPrintClientOptions {
    baseurl?: string;
    apikey?: string;
    locale?: string;
}

type AccessClient = Package.OctoPrintAccessClient;
type AccessClientClass = typeof Package.OctoPrintAccessClient;
declare global {
    /** A client instance: `OctoPrint`, or `new OctoPrintClient({baseurl, apikey})`. */
    interface OctoPrintClient extends Host {
        options: OctoPrintClientOptions;
        getBaseUrl(): string;
        readonly access: AccessClient;
        /**
         * The legacy namespace, deprecated: OctoPrint 1.4 to 1.11 have it, OctoPrint 2.0 only
         * with dist/octoprint-users.js loaded. Use `access.users`.
         */
        readonly users: Package.OctoPrintUserClient;
    }
    /** OctoPrint's base client (static/js/app/client/base.js). */
    interface OctoPrintClientConstructor extends HostConstructor {
        new (options?: OctoPrintClientOptions): OctoPrintClient;
        prototype: OctoPrintClient;
    }
    var OctoPrintClient: OctoPrintClientConstructor;
    /** The page's default client. */
    var OctoPrint: OctoPrintClient;
    /** This component's constructor, as the script-tag bundle sets it. */
    var OctoPrintAccessClient: AccessClientClass;
    /** `OctoPrint.access`. */
    type OctoPrintAccessClient = AccessClient;
}
