// Bundles the site's look at build time (no CDN, no network):
//
//   build/inspraak.css           NL Design System components (Utrecht's component CSS, from npm)
//                                and our own layout (main.css), in that order: cargo-leptos
//                                serves it as the site's stylesheet.
//   build/public/themes/*.css    design tokens, one file a theme, each setting its custom
//                                properties on :root, only those the stylesheet uses (directly or
//                                through other tokens). The server serves the one INSPRAAK_THEME
//                                names (a path), or the default, without a rebuild.
//
// Run by scripts/setup.sh before every build (`npm ci` here first); `node build.mjs` by hand.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const modules = join(here, "node_modules");
const out = join(here, "build");

// The components the pages use, by the class names in app/src (utrecht-button, …).
const COMPONENTS = [
  "button",
  "button-link",
  "form-field",
  "form-label",
  "form-field-description",
  "form-field-error-message",
  "textbox",
  "textarea",
  "select",
  "checkbox",
  "alert",
];

// Theme name → the token package's file that sets the tokens on :root.
const THEMES = {
  // The NL Design System's example theme: the neutral default.
  default: "@nl-design-system-unstable/voorbeeld-design-tokens/dist/variables.css",
  // A municipality's own token set (Gemeente Utrecht's), the second theme.
  utrecht: "@utrecht/design-tokens/dist/root.css",
};

const read = (path) => readFileSync(join(modules, path), "utf8");

function componentCss(name) {
  return `/* @utrecht/${name}-css */\n${read(`@utrecht/${name}-css/dist/index.min.css`)}\n`;
}

/**
 * Keeps of a token file (one `--name: value;` a line, after compactTokens) only the tokens the
 * bundle uses, directly or through other tokens: the token packages set thousands, for
 * components we do not ship (the example theme: 200 kB, of which a tenth is used).
 */
function usedTokens(css, bundle) {
  const declarations = new Map();
  for (const line of css.split("\n")) {
    const m = /^(--[\w-]+)\s*:/.exec(line);
    if (m) declarations.set(m[1], line);
  }
  const references = (text) => [...text.matchAll(/var\(\s*(--[\w-]+)/g)].map((m) => m[1]);
  const used = new Set();
  const pending = references(bundle);
  while (pending.length > 0) {
    const name = pending.pop();
    if (used.has(name) || !declarations.has(name)) continue;
    used.add(name);
    pending.push(...references(declarations.get(name)));
  }
  const kept = [...declarations.entries()].filter(([name]) => used.has(name)).map(([, line]) => line);
  return `:root {\n${kept.join("\n")}\n}`;
}

/** Drops comments and blank lines: the token files are mostly comments ("[code-only]"). */
function compactTokens(css) {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .join("\n");
}

const themes = join(out, "public", "themes");
mkdirSync(themes, { recursive: true });

const license =
  "/* NL Design System components: @utrecht/component-library-css (EUPL-1.2, Gemeente Utrecht, Frameless B.V.). */\n";
const bundle = license + COMPONENTS.map(componentCss).join("") + readFileSync(join(here, "main.css"), "utf8");
writeFileSync(join(out, "inspraak.css"), bundle);

for (const [name, path] of Object.entries(THEMES)) {
  const css = compactTokens(read(path));
  if (!css.startsWith(":root")) throw new Error(`${path} does not set its tokens on :root`);
  const trimmed = usedTokens(css, bundle);
  writeFileSync(join(themes, `${name}.css`), `/* ${path.split("/dist/")[0]}, the tokens the site uses */\n${trimmed}\n`);
}

console.log(`style/build: inspraak.css (${COMPONENTS.length} components + main.css), themes: ${Object.keys(THEMES).join(", ")}`);
