import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
    {ignores: ["dist/", "node_modules/", "test/artifacts/", "build/"]},
    js.configs.recommended,
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
        files: ["server/host/base.js", "test/setup.js", "test/qunit-report.js"],
        languageOptions: {
            sourceType: "script",
            globals: {...globals.browser, define: "readonly"}
        }
    },
    {
        // The console page's script (index.html): a classic script on OctoPrint's globals.
        files: ["console/**/*.js"],
        languageOptions: {
            sourceType: "script",
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
        files: ["**/*.mjs"],
        languageOptions: {globals: globals.node}
    }
);
