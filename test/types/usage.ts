// Type tests of the shipped dist/octoprint-access.d.mts (and the opt-in page globals), for plugin code written in TypeScript:
// intended uses compile, and each `@ts-expect-error` line is a misuse the types must reject.
// Compiled (never run) by `tsc -p test/types --noEmit --strict` in `npm test`.
/// <reference path="../../dist/globals.d.ts" />
import {
    OctoPrintAccessClient,
    register,
    type Group,
    type Needs,
    type NewGroup,
    type NewUser,
    type Permission,
    type User,
    type UserSettings
} from "../../dist/octoprint-access.mjs";

type Xhr<T> = JQuery.jqXHR<T>;

/** Compiles only when A and B are the same type (and neither is `any`). */
type Equal<A, B> =
    (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function expectType<T>(value: T): T {
    return value;
}
function same<A, B>(check: Equal<A, B>): Equal<A, B> {
    return check;
}

// Every field of every record is exactly its type: one that turned `any` fails here.
same<Needs, Record<string, string[]>>(true);
same<UserSettings, Record<string, unknown>>(true);
same<
    keyof Permission,
    "key" | "name" | "description" | "dangerous" | "default_groups" | "needs"
>(true);
same<Permission["key"], string>(true);
same<Permission["name"], string>(true);
same<Permission["description"], string>(true);
same<Permission["dangerous"], boolean>(true);
same<Permission["default_groups"], string[]>(true);
same<Permission["needs"], Needs>(true);
same<
    keyof User,
    | "name"
    | "active"
    | "permissions"
    | "groups"
    | "needs"
    | "apikey"
    | "settings"
    | "has_password"
>(true);
same<User["name"], string>(true);
same<User["active"], boolean>(true);
same<User["permissions"], string[]>(true);
same<User["groups"], string[]>(true);
same<User["needs"], Needs>(true);
same<User["apikey"], string | null>(true);
same<User["settings"], UserSettings>(true);
same<User["has_password"], boolean | undefined>(true);
same<
    keyof Group,
    | "key"
    | "name"
    | "description"
    | "permissions"
    | "subgroups"
    | "needs"
    | "default"
    | "removable"
    | "changeable"
    | "toggleable"
    | "dangerous"
>(true);
same<Group["key"], string>(true);
same<Group["name"], string>(true);
same<Group["description"], string>(true);
same<Group["permissions"], string[]>(true);
same<Group["subgroups"], string[]>(true);
same<Group["needs"], Needs>(true);
same<Group["default"], boolean>(true);
same<Group["removable"], boolean>(true);
same<Group["changeable"], boolean>(true);
same<Group["toggleable"], boolean>(true);
same<Group["dangerous"], boolean>(true);

// The bundler entry: register on the host you pass; it returns the constructor.
const Component: typeof OctoPrintAccessClient = register(OctoPrintClient);
const client = new OctoPrintClient({baseurl: "http://octopi.local/", apikey: "KEY"});
const access: OctoPrintAccessClient = client.access;
expectType<OctoPrintAccessClient>(new Component(client));

// Responses are typed jqXHRs, never `any`.
same<ReturnType<typeof access.users.list>, Xhr<{users: User[]}>>(true);
same<ReturnType<typeof access.users.get>, Xhr<User>>(true);
same<ReturnType<typeof access.groups.list>, Xhr<{groups: Group[]}>>(true);
same<ReturnType<typeof access.permissions.list>, Xhr<{permissions: Permission[]}>>(true);
same<ReturnType<typeof access.users.generateApiKey>, Xhr<{apikey: string}>>(true);
same<ReturnType<typeof access.users.list>, Xhr<any>>(false); // eslint-disable-line @typescript-eslint/no-explicit-any

access.users.list().done((response) => {
    const names: string[] = response.users.map((user) => user.name);
    const active: boolean = response.users[0].active;
    expectType<string[]>(names);
    expectType<boolean>(active);
});
access.users
    .generateApiKey("alice")
    .done((response) => expectType<string>(response.apikey));
access.permissions.list().then((response) => response.permissions[0].needs.role);
const xhr = access.users.get("alice", {timeout: 5000, headers: {"X-Test": "1"}});
xhr.abort();

// Every documented signature, and the quirks callers rely on.
const user: NewUser = {name: "bob", password: "secret", groups: ["users"], active: true};
access.users.add(user);
access.users.add({name: "bob", password: "secret"}, {timeout: 1000});
access.users.update("bob", true, ["PRINT"], ["users"], {timeout: 1000});
access.users.update("bob", false);
access.users.update("bob", undefined, null, ["users"]);
access.users.update("bob", true, false, ["PRINT"], ["users"], {timeout: 1000}); // 1.x order
access.users.delete("bob");
access.users.changePassword("bob", "new");
access.users.changePassword("bob", "new", "old", {timeout: 1000});
access.users.changePassword("bob", "new", {timeout: 1000});
access.users.resetApiKey("bob");
access.users.getSettings("bob").done((settings) => settings["interface"]);
access.users.saveSettings("bob", {interface: {language: "de"}});
access.users.saveSettings("bob");
access.users.saveSettings("bob", null, {timeout: 1000});
const group: NewGroup = {
    key: "staff",
    name: "Staff",
    permissions: ["PRINT"],
    default: false
};
access.groups.add(group);
access.groups.get("staff");
access.groups.update({key: "staff", description: "The staff", default: null});
access.groups.delete("staff");

// Misuses.
declare const send: <T>() => Xhr<T>;
// @ts-expect-error a number where a name goes
access.users.get(42);
// @ts-expect-error a group key must be a string
access.groups.delete(7);
// @ts-expect-error a missing password
access.users.add({name: "bob"});
// @ts-expect-error a wrong member in a group
access.groups.add({key: "staff", name: "Staff", colour: "red"});
// @ts-expect-error a group needs a name
access.groups.add({key: "staff"});
// @ts-expect-error groups.update needs the key
access.groups.update({description: "d"});
// @ts-expect-error permissions are a list of keys
access.users.update("bob", true, "PRINT");
// @ts-expect-error the password is required
access.users.changePassword("bob");
// @ts-expect-error settings are an object
access.users.saveSettings("bob", "dark");
// @ts-expect-error no such member in the response
access.users.list().done((response) => response.user);
// @ts-expect-error users are typed: no such member
access.users.get("bob").done((found) => found.nmae);
// @ts-expect-error no such method
access.users.rename("bob", "robert");
const stub = {get: send, delete: send, postJson: send, putJson: send, patchJson: send};
// @ts-expect-error a base must be an OctoPrintClient: its class has InvalidArgumentError
new OctoPrintAccessClient(stub);
// @ts-expect-error opts are request options
access.users.list("everything");
