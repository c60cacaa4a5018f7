// Each OctoPrint version's built-in state, as data: the build (rollup.config.mjs) makes this
// module from the recordings of real servers in test/data/, one entry per recorded version.
declare module "octoprint-access-builtin" {
    interface Builtin {
        /** The permissions, as GET permissions lists them. */
        permissions: import("./types").PermissionData[];
        /** The built-in groups, as GET groups lists them, without the computed members. */
        groups: import("./types").GroupData[];
        /** The admin user's groups. */
        adminGroups: string[];
    }
    const builtin: {[version: string]: Builtin};
    export default builtin;
}
