import type { z } from "zod";
import type { CreateExperimentInput, DriftReport, ExperimentView, RecommenderModelView } from "../../../../domain/api/recs";
import { api } from "../../lib/api";

export type { DriftReport, ExperimentView, RecommenderModelView };
export type NewExperiment = z.input<typeof CreateExperimentInput>;
export type ArmView = ExperimentView["arms"][number];

export const experimentKeys = {
  list: (orgId: string) => ["org", orgId, "experiments"] as const,
  drift: (orgId: string) => ["org", orgId, "experiments", "drift"] as const,
  models: (orgId: string) => ["org", orgId, "recs", "models"] as const,
};

export const experimentsApi = {
  list: () => api.get<{ items: ExperimentView[] }>("/api/experiments").then((r) => r.items),
  create: (body: NewExperiment) => api.post<ExperimentView>("/api/experiments", body),
  stop: (id: string) => api.post<ExperimentView>(`/api/experiments/${id}/stop`),
  drift: () => api.get<DriftReport>("/api/experiments/drift?weeks=8"),
  models: () => api.get<{ items: RecommenderModelView[]; serving: { name: string; version: string } }>("/api/recommendations/models"),
  retrain: () => api.post<RecommenderModelView>("/api/recommendations/models/train"),
};
