import type { Journey } from "../../domain/content";
import { buildJourney } from "./build";
import { CONFLICT, GRATITUDE, TEAM_RETRO } from "./group";
import { ONE_TO_ONE, SELF_REFLECTION, VISION } from "./personal";

export const DEFAULT_JOURNEYS: readonly Journey[] = [ONE_TO_ONE, SELF_REFLECTION, TEAM_RETRO, CONFLICT, VISION, GRATITUDE].map(buildJourney);
