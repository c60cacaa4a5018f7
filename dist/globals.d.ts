/*! octoprint-access-client 1.0.0 | MIT */
/// <reference types="jquery" />
import * as Package from 'octoprint-access-client';

/** Request options handed to the base client and from there to `$.ajax` (headers, timeout, ...). */
type RequestOptions = JQuery.AjaxSettings;
/** The base client's answer: jQuery's jqXHR itself, so `.done/.fail/.then/.abort` all work. */
type Xhr<T> = JQuery.jqXHR<T>;
/** A client instance: `OctoPrint`, or `new OctoPrintClient({baseurl, apikey})`. */
interface Host {
    /** Its class, OctoPrintClient, whose InvalidArgumentError the component throws. */
    readonly constructor: Pick<HostConstructor, "InvalidArgumentError">;
    get<T>(url: string, opts?: RequestOptions): Xhr<T>;
    delete<T>(url: string, opts?: RequestOptions): Xhr<T>;
    postJson<T>(url: string, data: unknown, opts?: RequestOptions): Xhr<T>;
    putJson<T>(url: string, data: unknown, opts?: RequestOptions): Xhr<T>;
    patchJson<T>(url: string, data: unknown, opts?: RequestOptions): Xhr<T>;
}
/** The `OctoPrintClient` constructor itself. */
interface HostConstructor {
    prototype: object;
    registerComponent(name: string, component: new (base: Host) => object): void;
    InvalidArgumentError: new (message: string) => Error;
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
