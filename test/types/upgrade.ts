// Type tests of taking over a registered access component: upgrade(client), the module export
// and the static, return the component; register keeps its return type.
/// <reference path="../../dist/globals.d.ts" />
import {OctoPrintAccessClient, register, upgrade} from "../../dist/octoprint-access.mjs";

const Component: typeof OctoPrintAccessClient = register(OctoPrintClient);
const client = new OctoPrintClient({baseurl: "http://octopi.local/"});
const a: OctoPrintAccessClient = upgrade(client);
const b: OctoPrintAccessClient = Component.upgrade(OctoPrint);
const c: OctoPrintAccessClient = OctoPrintAccessClient.upgrade(client);
a.users.get("alice").done((user) => user.name.toUpperCase());
console.log(b, c);

// @ts-expect-error a client is needed
upgrade();
// @ts-expect-error a string is no client
upgrade("OctoPrint");
