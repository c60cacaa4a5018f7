// The entry for bundlers (dist/octoprint-access.mjs and .cjs): importing registers nothing, as
// there is no global host to find; call register(OctoPrintClient) with yours.
import {OctoPrintAccessClient} from "./access";
import type {Host, HostConstructor} from "./host";

export {OctoPrintAccessClient, register} from "./access";
export type {OctoPrintAccessGroupsClient} from "./groups";
export type {
    Group,
    GroupChanges,
    GroupList,
    GroupUpdate,
    GroupUpdateBody,
    NewGroup,
    NewGroupBody
} from "./groups";
export type {Empty, Host, HostConstructor, RequestOptions, Xhr} from "./host";
export type {Needs, OctoPrintAccessPermissionsClient, Permission} from "./permissions";
export type {
    NewUser,
    NewUserBody,
    OctoPrintAccessUsersClient,
    PasswordBody,
    User,
    UserList,
    UserSettings,
    UserUpdateBody
} from "./users";

/** The options of an OctoPrint client (`new OctoPrintClient(options)`). */
export interface OctoPrintClientOptions {
    baseurl?: string;
    apikey?: string;
    locale?: string;
}

type AccessClient = OctoPrintAccessClient;
type AccessClientClass = typeof OctoPrintAccessClient;

// What a page that loads OctoPrint's client and this component has, for plugin code written in
// TypeScript. OctoPrint ships no types; other components can add to the OctoPrintClient
// interface the same way.
declare global {
    /** A client instance: `OctoPrint`, or `new OctoPrintClient({baseurl, apikey})`. */
    interface OctoPrintClient extends Host {
        options: OctoPrintClientOptions;
        getBaseUrl(): string;
        readonly access: OctoPrintAccessClient;
    }

    /** OctoPrint's base client (static/js/app/client/base.js). */
    interface OctoPrintClientConstructor extends HostConstructor {
        new (options?: OctoPrintClientOptions): OctoPrintClient;
        prototype: OctoPrintClient;
    }

    var OctoPrintClient: OctoPrintClientConstructor;
    /** The page's default client. */
    var OctoPrint: OctoPrintClient;
    /** This component's constructor, as the UMD bundle sets it. */
    var OctoPrintAccessClient: AccessClientClass;
    /** `OctoPrint.access`. */
    type OctoPrintAccessClient = AccessClient;
}
