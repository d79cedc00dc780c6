import type { PhaseKey } from "../../domain/content";
import type { PromptRow } from "./types";

// Spanish prompts, in a warm neutral register (tú) that works across regions.
export const ES_PROMPTS: Readonly<Record<PhaseKey, readonly PromptRow[]>> = {
  pause: [
    ["arrive", "¿Cómo llegas en este momento?"],
    ["arrive", "En una palabra, ¿cómo describirías este momento?"],
    ["arrive", "¿Qué te gustaría dejar a un lado por un rato?"],
    ["notice-body", "Respira tres veces despacio. ¿Qué notas en tu cuerpo?", ["body"]],
    ["notice-body", "¿Dónde sientes tensión en el cuerpo, y cómo es?", ["body"]],
    ["notice-body", "Siente tus pies en el suelo. ¿Qué cambia?", ["body", "grounding"]],
    ["reflect", "¿Qué emoción está más presente para ti ahora?", ["emotions"]],
    ["reflect", "¿Qué pensamiento vuelve una y otra vez?"],
    ["group", "Escuchemos una palabra de cada persona. ¿Quién quiere empezar?", ["group"]],
  ],
  expand: [
    ["image", "¿Qué ves en esta imagen?", ["cards"]],
    ["image", "¿En qué detalle se detiene primero tu mirada?", ["cards"]],
    ["image", "¿Qué hay justo fuera del borde de la imagen?", ["cards"]],
    ["projection", "¿Qué dice {word} sobre tu situación?", ["cards"]],
    ["projection", "¿Dónde estás tú en esta imagen?", ["cards"]],
    ["surprise", "¿Qué te sorprendió al dar la vuelta a la carta?", ["cards"]],
    ["choice", "¿Qué te atrajo de esta carta?", ["cards"]],
    ["swap", "¿Qué hizo que la primera carta no encajara?", ["cards"]],
    ["perspective", "¿Cómo lo vería alguien que te quiere?", ["relationships"]],
    ["metaphor", "Si '{phrase}' fuera un paisaje, ¿cómo sería?"],
    ["reflect", "'{phrase}'... ¿qué significa eso para ti ahora?"],
  ],
  focus: [
    ["insight", "De todo lo que hemos explorado, ¿qué destaca más para ti?"],
    ["insight", "Si te llevaras una sola idea de hoy, ¿cuál sería?"],
    ["value", "¿Qué es lo que más te importa aquí?", ["values"]],
    ["value", "¿Qué valor hay debajo de '{phrase}'?", ["values"]],
    ["choice", "Si pudieras centrarte en una sola cosa, ¿cuál sería?", ["priorities"]],
    ["scaling", "Del 1 al 10, ¿cuánto te importa esto ahora?", ["scaling"]],
    ["handback", "¿Qué opciones ves?"],
    ["stuck", "Si supieras qué es lo más importante, ¿qué sería?"],
  ],
  do: [
    ["action", "¿Cuál es un paso que podrías dar?", ["action"]],
    ["action", "¿Cuál es el paso más pequeño que aún marcaría una diferencia?", ["action"]],
    ["timeframe", "¿Qué podrías hacer en las próximas 24 horas?", ["time"]],
    ["timeframe", "¿Cuándo exactamente lo harás?", ["time"]],
    ["scaling", "Del 1 al 10, ¿qué tan preparado o preparada te sientes para este paso?", ["scaling"]],
    ["obstacle", "¿Qué podría interponerse, y qué harás si ocurre?", ["obstacles"]],
    ["support", "¿Quién podría apoyarte en este paso?", ["support"]],
    ["reflect", "¿Cómo sabrás que lo has hecho?"],
    ["close", "¿Qué te llevas de esta sesión?", ["closure"]],
  ],
};
