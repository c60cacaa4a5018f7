/*
 * The access-control console (index.html). Every API call goes through OctoPrint.access, on
 * a client made for the server chosen under "Connect": jQuery, lodash and OctoPrint's client
 * (base.js) come from that server, the access component from this page's own dist/.
 *
 * connection.js connects and lists; users.js, groups.js and permissions.js each own their
 * part of the page; api.js runs the calls; dom.js holds the DOM helpers; state.js what the
 * page knows.
 */
import {startConnection} from "./connection.js";
import {wireGroups} from "./groups.js";
import {refreshUsers, wireUsers} from "./users.js";

// The sticky bar's height, for the CSS that keeps what scrolls into view below it.
const bar = document.querySelector(".bar");
new ResizeObserver(() =>
    document.documentElement.style.setProperty("--bar-height", bar.offsetHeight + "px")
).observe(bar);

wireUsers();
wireGroups({onMembersChanged: () => refreshUsers("List the users")});
startConnection();
