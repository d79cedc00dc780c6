import { z } from "zod";
import { Dashboard, DashboardQuery, MyAnalytics, OrgAnalyticsSettings, SessionAnalytics } from "../../domain/api/analytics";
import { IdParams } from "../../domain/api/common";
import type { AppContext } from "../context";
import { requireOrgActor, requireUser } from "../http/auth-hook";
import { errorResponses, type ZApp } from "../http/types";
import { reportCsv, reportPdf } from "./exports";
import { analyticsMaterialiser, type AnalyticsMaterialiser } from "./materialise";
import { analyticsService, type AnalyticsService } from "./service";

/** A file name that survives every browser and file system: the title's letters and digits. */
function fileName(title: string, ext: string): string {
  const base = title.normalize("NFKD").replace(/[^\w\s-]/g, "").trim().replace(/\s+/g, "-").slice(0, 60) || "session";
  return `${base}-report.${ext}`;
}

/** Installed analytics, for other features (GraphQL) and tests that must wait for materialising. */
export const analyticsOf = new WeakMap<AppContext, { service: AnalyticsService; materialiser: AnalyticsMaterialiser }>();

export function analyticsRoutes(app: ZApp, ctx: AppContext) {
  const materialiser = analyticsMaterialiser(ctx);
  materialiser.start();
  ctx.onClose(() => materialiser.idle());
  const analytics = analyticsService(ctx, materialiser);
  analyticsOf.set(ctx, { service: analytics, materialiser });
  const tags = ["analytics"];

  app.get(
    "/api/analytics/sessions/:id",
    { config: { access: "analytics.own" }, schema: { tags, summary: "A session's summary for its facilitators and the organisation's admins", params: IdParams, response: { 200: SessionAnalytics, ...errorResponses } } },
    async (req) => analytics.sessionReport(requireOrgActor(req), req.params.id),
  );

  app.get(
    "/api/analytics/sessions/:id/report.json",
    { config: { access: "analytics.own" }, schema: { tags, summary: "The session report as a JSON download", params: IdParams, response: { 200: SessionAnalytics, ...errorResponses } } },
    async (req, reply) => {
      const r = await analytics.sessionReport(requireOrgActor(req), req.params.id);
      return reply.header("content-disposition", `attachment; filename="${fileName(r.title, "json")}"`).send(r);
    },
  );

  app.get(
    "/api/analytics/sessions/:id/report.csv",
    { config: { access: "analytics.own" }, schema: { tags, summary: "The session report as CSV (section, item, metric, value)", params: IdParams, produces: ["text/csv"], response: { 200: z.string().describe("CSV with a header row"), ...errorResponses } } },
    async (req, reply) => {
      const r = await analytics.sessionReport(requireOrgActor(req), req.params.id);
      return reply.type("text/csv; charset=utf-8").header("content-disposition", `attachment; filename="${fileName(r.title, "csv")}"`).send(reportCsv(r));
    },
  );

  app.get(
    "/api/analytics/sessions/:id/report.pdf",
    { config: { access: "analytics.own" }, schema: { tags, summary: "The printable session report with charts", params: IdParams, produces: ["application/pdf"], response: { 200: z.unknown().describe("A PDF document"), ...errorResponses } } },
    async (req, reply) => {
      const r = await analytics.sessionReport(requireOrgActor(req), req.params.id);
      return reply.type("application/pdf").header("content-disposition", `attachment; filename="${fileName(r.title, "pdf")}"`).send(await reportPdf(r));
    },
  );

  app.get(
    "/api/analytics/dashboard",
    { config: { access: "analytics.own" }, schema: { tags, summary: "The facilitator's dashboard over their own ended sessions", querystring: DashboardQuery, response: { 200: Dashboard, ...errorResponses } } },
    async (req) => analytics.facilitatorDashboard(requireOrgActor(req), req.query),
  );

  app.get(
    "/api/analytics/org",
    {
      config: { access: "analytics.org" },
      schema: { tags, summary: "The organisation's dashboard: small groups withheld, optional differential-privacy noise", querystring: DashboardQuery, response: { 200: Dashboard, ...errorResponses } },
    },
    async (req) => analytics.orgDashboard(requireOrgActor(req), req.query),
  );

  app.get(
    "/api/analytics/org/settings",
    { config: { access: "settings.manage" }, schema: { tags, summary: "The organisation's analytics privacy settings", response: { 200: OrgAnalyticsSettings, ...errorResponses } } },
    async (req) => analytics.settings(requireOrgActor(req)),
  );

  app.put(
    "/api/analytics/org/settings",
    { config: { access: "settings.manage" }, schema: { tags, summary: "Set the differential-privacy ε for organisation figures (null for none)", body: OrgAnalyticsSettings, response: { 200: OrgAnalyticsSettings, ...errorResponses } } },
    async (req) => analytics.updateSettings(requireOrgActor(req), req.body.epsilon),
  );

  app.get(
    "/api/analytics/me",
    { config: { access: "user" }, schema: { tags, summary: "Your own commitments and how your sessions went for you", response: { 200: MyAnalytics, ...errorResponses } } },
    async (req) => analytics.mine(requireUser(req).userId),
  );
}
