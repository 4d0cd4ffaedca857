import tseslint from "typescript-eslint";
import importDirection from "./eslint/import-direction.js";

export default tseslint.config(
  { ignores: ["node_modules/", "var/", "dist/", "bench/**/out/"] },
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts"],
    plugins: { migmon: { rules: { "import-direction": importDirection } } },
    rules: {
      "migmon/import-direction": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      "no-console": "error",
    },
  },
  {
    files: ["test/**/*.ts", "bench/**/*.ts", "src/**/*.test.ts"],
    rules: { "no-console": "off" },
  },
);
