import type { PhaseKey } from "../../../domain/content";
import type { CoachLanguage } from "./types";

/**
 * The coach's own short lines around the prompt bank's questions. None of them is a question,
 * so a turn still asks exactly one; none advises or judges what the person feels.
 */
interface Lines {
  reflect: string[];
  ack: Partial<Record<"sadness" | "fear" | "anger" | "joy" | "surprise" | "calm" | "negative", string>>;
  bridge: Record<PhaseKey, { withCard: string; plain: string; withPhrase?: string }>;
  handback: string[];
  /** Hands a dilemma back, naming it in the person's words. */
  handbackPhrase: string;
  /** Brings back an earlier phrase when the latest answer is too short to reflect. */
  earlier: string;
  stuck: string[];
  closing: string;
  memory: string;
}

export const LINES: Record<CoachLanguage, Lines> = {
  en: {
    reflect: ["You said '{phrase}'.", "I hear '{phrase}'.", "'{phrase}' — those are your words."],
    ack: {
      sadness: "That sounds heavy to carry.",
      fear: "There is some worry in that.",
      anger: "Something here clearly matters to you.",
      joy: "There is some lightness in that.",
      surprise: "That seems to have caught you by surprise.",
      calm: "There is some calm in that.",
      negative: "That sounds hard.",
    },
    bridge: {
      pause: { withCard: "Let's slow down for a moment.", plain: "Let's slow down for a moment." },
      expand: { withCard: "Let's turn to your card, {word}.", plain: "Let's widen the view a little." },
      focus: { withCard: "Let's narrow it down to what matters most.", plain: "Let's narrow it down to what matters most.", withPhrase: "You have spoken about '{phrase}'. Let's narrow it down to what matters most." },
      do: { withCard: "Let's turn this into one small step.", plain: "Let's turn this into one small step.", withPhrase: "Let's turn '{phrase}' into one small step." },
    },
    handback: ["You know your life better than anyone, so I won't choose for you.", "That is yours to decide, and you know this situation best."],
    stuck: ["There is no rush, and no wrong answer.", "Not knowing is a fine place to be for a moment."],
    handbackPhrase: "'{phrase}' — that choice is yours, and you know your life best.",
    earlier: "Earlier you said '{phrase}'.",
    closing: "Thank you for the care you brought to this.",
    memory: "Last time you chose to keep '{memory}'.",
  },
  he: {
    reflect: ["אמרת '{phrase}'.", "אני שומע/ת '{phrase}'."],
    ack: { negative: "זה נשמע כבד.", joy: "יש בזה משהו קל." },
    bridge: {
      pause: { withCard: "בוא/י נאט לרגע.", plain: "בוא/י נאט לרגע." },
      expand: { withCard: "בוא/י נפנה לקלף שלך, {word}.", plain: "בוא/י נרחיב את המבט." },
      focus: { withCard: "בוא/י נתמקד במה שהכי חשוב.", plain: "בוא/י נתמקד במה שהכי חשוב.", withPhrase: "דיברת על '{phrase}'. בוא/י נתמקד במה שהכי חשוב." },
      do: { withCard: "בוא/י נהפוך את זה לצעד קטן אחד.", plain: "בוא/י נהפוך את זה לצעד קטן אחד.", withPhrase: "בוא/י נהפוך את '{phrase}' לצעד קטן אחד." },
    },
    handback: ["את/ה מכיר/ה את החיים שלך הכי טוב, ולכן לא אבחר בשבילך."],
    stuck: ["אין לחץ, ואין תשובה לא נכונה."],
    handbackPhrase: "'{phrase}' — ההחלטה הזאת שלך, ואת/ה מכיר/ה את החיים שלך הכי טוב.",
    earlier: "קודם אמרת '{phrase}'.",
    closing: "תודה על האכפתיות שהבאת לכאן.",
    memory: "בפעם הקודמת בחרת לשמור את '{memory}'.",
  },
  es: {
    reflect: ["Dijiste '{phrase}'.", "Escucho '{phrase}'."],
    ack: { negative: "Eso suena difícil de llevar.", joy: "Hay algo de ligereza en eso." },
    bridge: {
      pause: { withCard: "Vamos a detenernos un momento.", plain: "Vamos a detenernos un momento." },
      expand: { withCard: "Miremos tu carta, {word}.", plain: "Ampliemos un poco la mirada." },
      focus: { withCard: "Centrémonos en lo que más importa.", plain: "Centrémonos en lo que más importa.", withPhrase: "Has hablado de '{phrase}'. Centrémonos en lo que más importa." },
      do: { withCard: "Convirtamos esto en un paso pequeño.", plain: "Convirtamos esto en un paso pequeño.", withPhrase: "Convirtamos '{phrase}' en un paso pequeño." },
    },
    handback: ["Tú conoces tu vida mejor que nadie, así que no elegiré por ti."],
    stuck: ["No hay prisa, y no hay respuestas equivocadas."],
    handbackPhrase: "'{phrase}': esa decisión es tuya, y tú conoces tu vida mejor que nadie.",
    earlier: "Antes dijiste '{phrase}'.",
    closing: "Gracias por el cuidado que has puesto en esto.",
    memory: "La última vez elegiste guardar '{memory}'.",
  },
};

/** Picks deterministically, varying with the turn so the same line does not repeat back to back. */
export function pick<T>(list: readonly T[], turn: number): T {
  return list[turn % list.length];
}
