// The whole database schema: one file per area, re-exported here for Drizzle and drizzle-kit.
export * from "./schema-core";
export * from "./schema-content";
export * from "./schema-sessions";
export * from "./schema-ai";
export * from "./schema-analytics";
export * from "./schema-recs";
export * from "./schema-integrations";
