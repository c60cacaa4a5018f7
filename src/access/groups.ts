import type {Host, RequestOptions, Xhr} from "./host";
import type {Needs} from "./permissions";
import {copy} from "./request";
import {invalid, segment} from "./segment";

/** A group, as the groups API returns it. */
export interface Group {
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

/** The members of a group that can be changed; `null` or absent means "leave as it is". */
export interface GroupChanges {
    description?: string | null;
    permissions?: string[] | null;
    subgroups?: string[] | null;
    default?: boolean | null;
}

/** `groups.update`'s argument: the group's key and what to change. */
export interface GroupUpdate extends GroupChanges {
    key: string;
}

/** `groups.add`'s argument: key and name are required. */
export interface NewGroup extends GroupUpdate {
    name: string;
}

/** The body of `POST api/access/groups` (the lists are always set, after `description`). */
interface NewGroupBody {
    key: string;
    name: string;
    description?: string;
    permissions?: string[];
    subgroups?: string[];
    default?: boolean;
}

/** The body of `PUT api/access/groups/{key}`. */
type GroupUpdateBody = {[K in keyof GroupChanges]?: NonNullable<GroupChanges[K]>};

/** What the groups API answers a change with: every group. */
export interface GroupList {
    groups: Group[];
}

/** `OctoPrint.access.groups`. */
export interface OctoPrintAccessGroupsClient {
    /** The client this one sends its requests through. */
    readonly base: Host;

    /** GET `api/access/groups`. */
    list(opts?: RequestOptions): Xhr<GroupList>;

    /** GET `api/access/groups/{key}`. */
    get(key: string, opts?: RequestOptions): Xhr<Group>;

    /** POST `api/access/groups`. */
    add(group: NewGroup, opts?: RequestOptions): Xhr<GroupList>;

    /** PUT `api/access/groups/{key}`: only the members given change. */
    update(group: GroupUpdate, opts?: RequestOptions): Xhr<GroupList>;

    /** DELETE `api/access/groups/{key}`. */
    delete(key: string, opts?: RequestOptions): Xhr<GroupList>;
}

const url = "api/access/groups";

/** Makes `OctoPrint.access.groups` for one client. */
export function groupsClient(base: Host): OctoPrintAccessGroupsClient {
    const groupUrl = (key: unknown) => url + "/" + segment(base, key, "group key");
    return {
        base,

        list: (opts) => base.get(url, copy(opts)),

        get: (key, opts) => base.get(groupUrl(key), copy(opts)),

        add(group, opts) {
            if (!group || !group.key) invalid(base, "group key must be set");
            if (!group.name) invalid(base, "group name must be set");
            // Built member by member in OctoPrint's order, so that with everything given the
            // body is byte for byte the one OctoPrint's own client sends.
            const body: NewGroupBody = {key: group.key, name: group.name};
            if (group.description != null) body.description = group.description;
            // OctoPrint's server requires both lists (and answers 500 for null).
            body.permissions = group.permissions || [];
            body.subgroups = group.subgroups || [];
            if (group.default != null) body.default = group.default;
            return base.postJson(url, body, copy(opts));
        },

        update(group, opts) {
            const path = groupUrl(group && group.key);
            const body: GroupUpdateBody = {};
            // Only what the caller gave: OctoPrint's own client sends the rest as null, which
            // its server takes as "reset the default flag, wipe the description".
            if (group.description != null) body.description = group.description;
            if (group.permissions != null) body.permissions = group.permissions;
            if (group.subgroups != null) body.subgroups = group.subgroups;
            if (group.default != null) body.default = group.default;
            return base.putJson(path, body, copy(opts));
        },

        delete: (key, opts) => base.delete(groupUrl(key), copy(opts))
    };
}
