// dist/octoprint-access-fake.js: the body of the UMD wrapper's factory (rollup.config.mjs).
// `jQuery` is its parameter (AMD module "jquery", else the global jQuery), and `component`,
// declared by the wrapper, is what it returns: the global OctoPrintAccessFake.
import {createFakeApi} from "./fake/fake";

declare const jQuery: JQueryStatic | undefined;
declare let component: ReturnType<typeof createFakeApi>;

component = createFakeApi(jQuery);
