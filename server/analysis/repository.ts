import type { Db } from "../db/client";
import { textAnalyses } from "../db/schema";

export function textAnalysisRepository(db: Db) {
  return {
    async insert(row: typeof textAnalyses.$inferInsert) {
      await db.insert(textAnalyses).values(row);
    },
  };
}
