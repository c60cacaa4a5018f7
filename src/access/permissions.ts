import type {Host, RequestOptions, Xhr} from "./host";
import {copy} from "./request";

/** What a permission, group or user needs, by kind of need: `{role: ["admin"]}`. */
export type Needs = Record<string, string[]>;

/** A permission, as `GET api/access/permissions` lists it. */
export interface Permission {
    key: string;
    name: string;
    description: string;
    dangerous: boolean;
    default_groups: string[];
    needs: Needs;
}

/** `OctoPrint.access.permissions`. */
export interface OctoPrintAccessPermissionsClient {
    /** The client this one sends its requests through. */
    readonly base: Host;

    /** GET `api/access/permissions`. */
    list(opts?: RequestOptions): Xhr<{permissions: Permission[]}>;
}

/** Makes `OctoPrint.access.permissions` for one client. */
export function permissionsClient(base: Host): OctoPrintAccessPermissionsClient {
    return {base, list: (opts) => base.get("api/access/permissions", copy(opts))};
}
