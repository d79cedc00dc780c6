import { randomUUID } from "node:crypto";
import { z } from "zod";
import { Journey, type JourneyInput, type JourneyPhase } from "../../domain/content";
import { assertEditor, assertVisible, type OrgActor } from "../cards/service";
import type { AppContext } from "../context";
import { forbidden, unprocessable } from "../errors";
import { journeyRepository, type JourneyRow } from "./repository";

export const JourneyView = Journey.extend({
  archived: z.boolean(),
  /** True for the studio's default journeys: copy one to adapt it. */
  readOnly: z.boolean(),
  copiedFrom: z.uuid().nullable(),
});
export type JourneyView = z.infer<typeof JourneyView>;

const READ_ONLY = "The studio's default journeys are read-only; copy the journey into your organisation to change it.";

export function presentJourney(row: JourneyRow): JourneyView {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    audience: row.audience,
    phases: row.phases as JourneyPhase[],
    orgId: row.orgId,
    archived: row.archivedAt !== null,
    readOnly: row.orgId === null,
    copiedFrom: row.copiedFrom,
  };
}

export function journeyService(ctx: AppContext) {
  const repo = journeyRepository(ctx.database.db);

  async function visible(actor: OrgActor, id: string) {
    return assertVisible(await repo.find(id), actor, "The journey");
  }
  async function editable(actor: OrgActor, id: string) {
    const row = await visible(actor, id);
    if (row.orgId === null) throw forbidden(READ_ONLY);
    return row;
  }

  /**
   * Gives every step an id (keeping the editor's where they are unique, so a session can
   * keep pointing at a step across edits) and checks that the decks it names are usable.
   */
  async function normalise(actor: OrgActor, input: JourneyInput): Promise<JourneyPhase[]> {
    const seen = new Set<string>();
    const phases = input.phases.map((phase) => ({
      ...phase,
      steps: phase.steps.map((step) => {
        const id = step.id && !seen.has(step.id) ? step.id : randomUUID();
        seen.add(id);
        return { ...step, id };
      }),
    }));
    const deckIds = [...new Set(phases.flatMap((p) => p.steps.map((s) => s.deckId)).filter((d): d is string => typeof d === "string"))];
    const usable = await repo.usableDeckIds(actor.orgId, deckIds);
    const unknown = deckIds.filter((d) => !usable.has(d));
    if (unknown.length) {
      const step = phases.flatMap((p) => p.steps).find((s) => s.deckId && unknown.includes(s.deckId));
      throw unprocessable(`The step "${step?.title}" uses a deck that does not exist or is not available to your organisation.`, { deckIds: unknown });
    }
    return phases;
  }

  return {
    async list(actor: OrgActor, includeArchived: boolean) {
      if (includeArchived) assertEditor(actor, "archived journeys");
      return (await repo.list(actor.orgId, includeArchived)).map(presentJourney);
    },
    async get(actor: OrgActor, id: string) {
      return presentJourney(await visible(actor, id));
    },
    async create(actor: OrgActor, input: JourneyInput) {
      const phases = await normalise(actor, input);
      return presentJourney(await repo.insert({ orgId: actor.orgId, name: input.name, description: input.description, audience: input.audience, phases, createdBy: actor.userId }));
    },
    async replace(actor: OrgActor, id: string, input: JourneyInput) {
      await editable(actor, id);
      const phases = await normalise(actor, input);
      return presentJourney((await repo.update(id, { name: input.name, description: input.description, audience: input.audience, phases }))!);
    },
    async copy(actor: OrgActor, id: string, name?: string) {
      const source = await visible(actor, id);
      // Fresh step ids: the copy is a new plan, and sessions of the original must not match its steps.
      const phases = (source.phases as JourneyPhase[]).map((p) => ({ ...p, steps: p.steps.map((s) => ({ ...s, id: randomUUID() })) }));
      return presentJourney(
        await repo.insert({
          orgId: actor.orgId, name: name ?? `${source.name} (copy)`.slice(0, 120), description: source.description, audience: source.audience,
          phases, copiedFrom: source.id, createdBy: actor.userId,
        }),
      );
    },
    async setArchived(actor: OrgActor, id: string, archived: boolean) {
      await editable(actor, id);
      return presentJourney((await repo.update(id, { archivedAt: archived ? new Date() : null }))!);
    },
  };
}
