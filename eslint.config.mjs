// ESLint flat config: typescript-eslint's recommended-type-checked rules over every TypeScript file
// of the project (all of them are in tsconfig.json's include, so the type-aware rules can see them).
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "dist*/**",
      "node_modules/**",
      "reports/**",
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
  },
);
