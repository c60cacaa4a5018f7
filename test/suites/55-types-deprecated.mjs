// The legacy OctoPrint.users and upgrade() in the shipped types, as an editor shows them:
// test/types/users.ts and upgrade.ts compile without errors (so each @ts-expect-error misuse is
// rejected; the rest of test/types is checked by `npm run typecheck`), and the compiler
// reports every one of the ten methods as deprecated where it is called, while the shipped
// declarations (.d.mts, .d.cts) name each method's replacement.
import {readFile} from "node:fs/promises";
import {fileURLToPath} from "node:url";
import ts from "typescript";
import {checker} from "../checks.mjs";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const CONFIG = `${ROOT}test/types/tsconfig.json`;
const FILE = `${ROOT}test/types/users.ts`;
const COMPILED = [FILE, `${ROOT}test/types/upgrade.ts`];
const METHODS = [
    "list",
    "get",
    "add",
    "update",
    "delete",
    "changePassword",
    "generateApiKey",
    "resetApiKey",
    "getSettings",
    "saveSettings"
];
// "'{0}' is deprecated." and "The signature '{0}' of '{1}' is deprecated."
const DEPRECATED = new Set([6385, 6387]);

function languageService() {
    const config = ts.getParsedCommandLineOfConfigFile(
        CONFIG,
        {},
        {...ts.sys, onUnRecoverableConfigFileDiagnostic() {}}
    );
    return ts.createLanguageService({
        getScriptFileNames: () => config.fileNames,
        getScriptVersion: () => "1",
        getScriptSnapshot: (file) =>
            ts.sys.fileExists(file)
                ? ts.ScriptSnapshot.fromString(ts.sys.readFile(file))
                : undefined,
        getCurrentDirectory: () => ROOT,
        getCompilationSettings: () => config.options,
        getDefaultLibFileName: (options) => ts.getDefaultLibFilePath(options),
        fileExists: ts.sys.fileExists,
        readFile: ts.sys.readFile,
        readDirectory: ts.sys.readDirectory,
        directoryExists: ts.sys.directoryExists,
        getDirectories: ts.sys.getDirectories
    });
}

export default async function () {
    const {results, check} = checker("types", Infinity);
    const service = languageService();
    const text = (d) => ts.flattenDiagnosticMessageText(d.messageText, "\n");

    for (const file of COMPILED) {
        const name = file.slice(ROOT.length);
        await check(`${name} compiles (strict), every misuse rejected`, () => {
            const errors = [
                ...service.getSyntacticDiagnostics(file),
                ...service.getSemanticDiagnostics(file)
            ];
            if (errors.length) throw new Error(errors.map(text).join("; "));
        });
    }

    await check("every OctoPrint.users method is reported deprecated", () => {
        const source = service.getProgram().getSourceFile(FILE);
        const seen = new Set();
        for (const d of service.getSuggestionDiagnostics(FILE)) {
            if (!DEPRECATED.has(d.code)) continue;
            const line = source.getLineAndCharacterOfPosition(d.start).line;
            const code = source.text.split("\n")[line];
            const method = /users\.(\w+)\(/.exec(code);
            if (method) seen.add(method[1]);
        }
        const missing = METHODS.filter((method) => !seen.has(method));
        if (missing.length) throw new Error(`not reported deprecated: ${missing}`);
    });

    for (const file of ["dist/octoprint-access.d.mts", "dist/octoprint-access.d.cts"]) {
        await check(`${file}: each @deprecated names its replacement`, async () => {
            const declarations = await readFile(`${ROOT}${file}`, "utf8");
            const missing = METHODS.filter(
                (method) =>
                    !declarations.includes(
                        `@deprecated Use \`OctoPrint.access.users.${method}(`
                    )
            );
            if (missing.length) throw new Error(`no replacement named for ${missing}`);
        });
    }
    console.log(`types: ${results.passed} passed, ${results.failed} failed`);
    return results;
}
