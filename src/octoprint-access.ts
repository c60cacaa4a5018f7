// The package entry (dist/octoprint-access.mjs and .cjs): importing registers nothing, as there
// is no global host to find; call register(OctoPrintClient) with yours. Page globals are typed
// by the opt-in "octoprint-access-client/globals" (src/globals.ts).
export {OctoPrintAccessClient, register, upgrade, type Client} from "./access/access";
// The legacy OctoPrint.users namespace (dist/octoprint-users.js as a module): nothing of it is
// registered unless registerUsers(OctoPrintClient) is called.
export {registerUsers, type OctoPrintUserClient} from "./users-alias/users";
export type {
    Group,
    GroupChanges,
    GroupList,
    GroupUpdate,
    NewGroup,
    OctoPrintAccessGroupsClient
} from "./access/groups";
export type {OctoPrintClientOptions, RequestOptions} from "./access/host";
export type {
    Needs,
    OctoPrintAccessPermissionsClient,
    Permission
} from "./access/permissions";
export type {
    NewUser,
    OctoPrintAccessUsersClient,
    User,
    UserList,
    UserSettings
} from "./access/users";
