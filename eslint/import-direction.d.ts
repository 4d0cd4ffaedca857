// Types of the import-direction rule's exports, for the tests that read them (the rule itself is plain JS for ESLint).
import type { Rule } from "eslint";

/** Which src/ areas each area may import. */
export declare const allowedImports: Readonly<Record<string, readonly string[]>>;

/** Packages of one technology and the areas or files that may import them. */
export declare const packageRules: readonly { readonly what: string; readonly pattern: RegExp; readonly areas: readonly string[]; readonly files?: readonly RegExp[] }[];

declare const rule: Rule.RuleModule;
export default rule;
