// Lint configuration: typescript-eslint's recommended rules, zero warnings allowed (npm run lint).
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "artifacts/", "content/schema/", "data/"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      "no-restricted-properties": ["error", { object: "Math", property: "random", message: "Use the seeded PRNG (shared/rules/rng.ts)." }],
    },
  },
);
