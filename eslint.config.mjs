// ESLint flat config: typescript-eslint's recommended-type-checked rules over every TypeScript file
// of the project (all of them are in tsconfig.json's include, so the type-aware rules can see them).
import tseslint from "typescript-eslint";

/** Tests, their doubles and the store contract (which runs inside jest). */
const TESTS = ["**/*.test.ts", "**/*.test.tsx", "test/**/*.ts", "server/test-*.ts", "server/store/contract*.ts", "server/store/*/contract-*.ts"];

export default tseslint.config(
  {
    ignores: [
      "dist*/**",
      "node_modules/**",
      "reports/**",
      ".stryker-tmp/**",
      "test-results/**",
      "coverage/**",
      "build/**",
      "lib/**",
      "**/*.js",
      "**/*.cjs",
      "**/*.mjs",
    ],
  },
  {
    files: [
      "core/**/*.{ts,tsx}",
      "server/**/*.{ts,tsx}",
      "src/**/*.{ts,tsx}",
      "scripts/**/*.{ts,tsx}",
      "cloudfunctions/**/*.{ts,tsx}",
      "config/**/*.{ts,tsx}",
      "test/**/*.{ts,tsx}",
      "types/**/*.{ts,tsx}",
    ],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        project: "./tsconfig.json",
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // The code's convention (as tsc's noUnused* checks it): a leading underscore marks a binding kept unused on purpose.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },
  {
    // better-sqlite3 and the local fs/memory adapters are synchronous behind async ports: `async` turns their throws into rejections.
    files: ["server/sqlite-*.ts", "server/store/*/sqlite-*.ts", "server/local-*.ts", "server/memory-*.ts"],
    rules: { "@typescript-eslint/require-await": "off" },
  },
  {
    // Test doubles implement async interfaces synchronously; `async` keeps a double's throw a rejection, as the real one's.
    files: TESTS,
    rules: { "@typescript-eslint/require-await": "off" },
  },
  {
    // Jest types its asymmetric matchers (expect.any, expect.stringContaining, expect.objectContaining…) as `any`.
    files: TESTS,
    rules: { "@typescript-eslint/no-unsafe-assignment": "off", "@typescript-eslint/no-unsafe-argument": "off" },
  },
  {
    // Asserts on parsed Open311 XML documents, whose shape is what the test checks, field by field.
    files: ["server/open311-client.test.ts", "server/open311-photos.test.ts"],
    rules: {
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-return": "off",
    },
  },
);
