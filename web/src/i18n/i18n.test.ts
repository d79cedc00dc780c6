import { describe, expect, it } from "vitest";
import en from "./en.json";
import he from "./he.json";
import { changeLanguage, directionOf, setupI18n } from "./index";

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

/** The main bundle and every feature's own namespace (web/src/features/<name>/i18n/{en,he}.json). */
const featureEnglish = import.meta.glob<Tree>("../features/*/i18n/en.json", { eager: true, import: "default" });
const featureHebrew = import.meta.glob<Tree>("../features/*/i18n/he.json", { eager: true, import: "default" });
const bundles: Array<[string, Tree, Tree | undefined]> = [
  ["main", en as Tree, he as Tree],
  ...Object.entries(featureEnglish).map(([path, tree]): [string, Tree, Tree | undefined] => [path, tree, featureHebrew[path.replace(/en\.json$/, "he.json")]]),
];

describe.each(bundles)("translations (%s)", (_name, englishTree, hebrewTree) => {
  const english = flatten(englishTree);
  const hebrew = flatten(hebrewTree ?? {});

  it("exists in Hebrew", () => {
    expect(hebrewTree).toBeDefined();
  });

  it("has every English key in Hebrew, with text", () => {
    const missing = [...english.keys()].filter((k) => !hebrew.get(k)?.trim());
    expect(missing).toEqual([]);
  });

  it("has no Hebrew keys that English lacks", () => {
    expect([...hebrew.keys()].filter((k) => !english.has(k))).toEqual([]);
  });

  it("uses the same placeholders in both languages", () => {
    const mismatched = [...english.entries()].filter(([k, v]) => JSON.stringify(placeholders(v)) !== JSON.stringify(placeholders(hebrew.get(k) ?? "")));
    expect(mismatched.map(([k]) => k)).toEqual([]);
  });
});

describe("text direction", () => {
  it("knows right-to-left languages", () => {
    expect(directionOf("he")).toBe("rtl");
    expect(directionOf("he-IL")).toBe("rtl");
    expect(directionOf("en")).toBe("ltr");
  });

  it("puts lang and dir on <html> when the language changes", async () => {
    const i18n = await setupI18n("en");
    expect(document.documentElement.getAttribute("dir")).toBe("ltr");
    await changeLanguage("he");
    expect(document.documentElement.getAttribute("dir")).toBe("rtl");
    expect(document.documentElement.lang).toBe("he");
    expect(i18n.t("nav.signIn")).toBe(he.nav.signIn);
    expect(localStorage.getItem("pyou.lang")).toBe("he");
    await changeLanguage("en");
    expect(document.documentElement.getAttribute("dir")).toBe("ltr");
    expect(i18n.t("nav.signIn")).toBe("Sign in");
  });
});
