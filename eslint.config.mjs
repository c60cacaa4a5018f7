import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

// The fleet's plan, desired-state, drift and executor modules (and the failure words they
// share with the console) run in the page, in Node and from a command line: ES modules with
// no globals beyond the language's (no DOM, jQuery, OctoPrint or Node).
const PORTABLE = [
    "console/fleet/plan.js",
    "console/fleet/desired-state.js",
    "console/fleet/drift.js",
    "console/fleet/apply.js",
    "console/answer.js"
];

export default tseslint.config(
    {ignores: ["dist/", "node_modules/", "test/artifacts/", "build/"]},
    js.configs.recommended,
    // One equality style: === everywhere, but `x == null` for "null or undefined".
    {rules: {eqeqeq: ["error", "always", {null: "ignore"}]}},
    {
        files: ["src/**/*.ts"],
        extends: [tseslint.configs.strict],
        languageOptions: {globals: globals.browser}
    },
    {
        // UMD factory bodies assign `component`, which the wrapper declares and returns.
        files: ["src/*.umd.ts"],
        rules: {"prefer-const": "off", "@typescript-eslint/no-unused-vars": "off"}
    },
    {
        // Browser-side tests and pages: QUnit, sinon and nise come as globals.
        files: ["test/**/*.js"],
        languageOptions: {
            globals: {
                ...globals.browser,
                QUnit: "readonly",
                sinon: "readonly",
                nise: "readonly"
            }
        }
    },
    {
        // Classic scripts; the host double (server/host/) runs in the page too.
        files: [
            "server/host/base.js",
            "server/host/access.js",
            "test/setup.js",
            "test/qunit-report.js"
        ],
        languageOptions: {
            sourceType: "script",
            globals: {...globals.browser, define: "readonly"}
        }
    },
    {
        // The docs' examples of the test kit: a plugin's classic scripts.
        files: ["test/fake/example/*.js"],
        languageOptions: {
            sourceType: "script",
            globals: {OctoPrint: "readonly", OctoPrintAccessFake: "readonly"}
        },
        rules: {
            "no-unused-vars": ["error", {varsIgnorePattern: "^(UsersPanel|UserRemover)$"}]
        }
    },
    {
        files: ["test/fake/example/users-panel.test.js"],
        languageOptions: {globals: {UsersPanel: "readonly"}}
    },
    {
        files: ["test/fake/example/user-remover.test.js"],
        languageOptions: {globals: {UserRemover: "readonly"}}
    },
    {
        // The console page's ES modules (index.html), on OctoPrint's globals.
        files: ["console/**/*.js"],
        ignores: PORTABLE,
        languageOptions: {
            sourceType: "module",
            globals: {
                ...globals.browser,
                OctoPrintClient: "readonly",
                OctoPrint: "readonly",
                jQuery: "readonly",
                $: "readonly"
            }
        }
    },
    {
        files: PORTABLE,
        languageOptions: {sourceType: "module", globals: {}}
    },
    {
        files: ["**/*.mjs"],
        languageOptions: {globals: globals.node}
    },
    {
        // The runner recipe: what it hands page.evaluate runs in the page.
        files: ["test/fake/example/run.mjs"],
        languageOptions: {globals: {window: "readonly", QUnit: "readonly"}}
    }
);
