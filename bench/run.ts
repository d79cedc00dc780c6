// `npm run bench [section…]`: prints every figure; docs/BENCHMARKS.md records them with the machine.
import { Reporter, machine, type Section } from "./lib";

const sections: Record<string, () => Promise<{ default: Section }>> = {
  http: () => import("./http"),
  coach: () => import("./coach"),
  live: () => import("./sessions"),
  search: () => import("./search"),
  analytics: () => import("./analytics"),
  signals: () => import("./signals"),
  recs: () => import("./recs"),
};

const wanted = process.argv.slice(2);
const names = wanted.length ? wanted : Object.keys(sections);
const unknown = names.filter((n) => !sections[n]);
if (unknown.length) {
  process.stderr.write(`Unknown benchmark section(s): ${unknown.join(", ")}. Known: ${Object.keys(sections).join(", ")}\n`);
  process.exit(2);
}
process.stdout.write(`Benchmarks on ${machine()}\n`);
const reporter = new Reporter();
for (const name of names) {
  process.stdout.write(`\n[${name}]\n`);
  const mod = await sections[name]();
  await mod.default(reporter);
}
process.exit(0);
