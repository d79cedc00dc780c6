import type { CoachLanguage } from "./types";

/** What a person's message says about where they are, read from its words. */
export interface Signals {
  words: number;
  asksAdvice: boolean;
  stuck: boolean;
  ready: boolean;
  swapped: boolean;
  /** A stated intention to act ("I will…", "voy a…"). */
  intends: boolean;
  timeFrame: string | null;
}

const ADVICE = /\b(what should i do|what do i do|what (would|do) you (do|suggest|recommend)|tell me what to do|give me (some |an )?advice|any advice|what's the right (thing|choice)|should i (stay|leave|quit|go|tell|do|choose|take|say)|which (one )?should i|what is the answer)\b/i;
const ADVICE_HE = /(מה (אני )?צריכ?ה? לעשות|מה לעשות|תגיד(י)? לי מה|מה את\/?ה ממליצ|מה כדאי לי|מה היית עושה)/;
const ADVICE_ES = /(qu[ée] (debo|deber[ií]a|tengo que) hacer|dime qu[ée] hacer|qu[ée] me recomiendas|qu[ée] har[ií]as( t[úu])?|dame (un )?consejo)/i;

const STUCK = /\b(i don'?t know|i do not know|no idea|not sure|nothing comes|can'?t think|dunno|idk|i have no clue|my mind is blank|i'?m blank|nothing really)\b/i;
const STUCK_HE = /(לא יודע|לא יודעת|אין לי מושג|לא בטוח|לא בטוחה|כלום לא עולה)/;
const STUCK_ES = /(no s[ée]|ni idea|no lo s[ée]|no estoy segur[oa]|no se me ocurre)/i;

const READY = /\b(i'?m ready|ready to (move|go|continue)|let'?s move on|move on|let'?s continue|what'?s next|next step|let'?s go on|that'?s enough for (this|now)|i'?ve got it)\b/i;
const READY_HE = /(אני מוכנ|מוכן להמשיך|מוכנה להמשיך|נמשיך|הלאה|אפשר להתקדם)/;
const READY_ES = /(estoy list[oa]|sigamos|avancemos|lo siguiente|podemos seguir|continuemos)/i;

const SWAP = /\b(swapp?ed|changed|switched|exchanged) (my |the )?card|\bnew card|\bfirst card didn'?t fit|\bother card\b/i;

const INTENDS = /\b(i will|i'?ll|i am going to|i'?m going to|i plan to|i commit|my step is|i want to (call|write|talk|start|stop|ask|try|book|walk|tell|take)|i can (call|write|talk|start|ask|try|book|walk|tell))\b/i;
const INTENDS_HE = /(אני אעשה|אני א[א-ת]|אתקשר|אכתוב|אדבר|אתחיל|אלך|אשאל|אנסה|הצעד שלי)/;
const INTENDS_ES = /(voy a|har[ée]|llamar[ée]|escribir[ée]|hablar[ée]|empezar[ée]|me comprometo|mi paso es|intentar[ée])/i;

const WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday";
const TIME_EN = new RegExp(
  `\\b(today|tonight|tomorrow( (morning|evening|night))?|this (week|weekend|month|evening|morning|afternoon)|next (week|month|${WEEKDAYS})|by (the end of (the )?(day|week|month)|tomorrow|${WEEKDAYS}|next \\w+)|(within|in) (the next )?(\\d+|one|two|three|a|24) (hours?|days?|weeks?)|on (${WEEKDAYS})|(this|on) (${WEEKDAYS})|before (${WEEKDAYS}|the weekend)|${WEEKDAYS})\\b`,
  "i",
);
const TIME_HE = /(מחר|היום|הערב|השבוע|בשבוע הבא|בחודש הבא|תוך \d+ (שעות|ימים)|עד (יום|סוף))/;
const TIME_ES = /(mañana|hoy|esta (semana|noche|tarde)|la (pr[óo]xima|semana que viene) semana|la semana que viene|en (las pr[óo]ximas )?\d+ (horas|d[ií]as)|antes del? (viernes|lunes|fin de semana)|el (lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo))/i;

const by = (lang: CoachLanguage, en: RegExp, he: RegExp, es: RegExp, text: string) => (lang === "he" ? he : lang === "es" ? es : en).test(text) || (lang !== "en" && en.test(text));

export function readSignals(text: string, lang: CoachLanguage): Signals {
  const words = text.trim().split(/\s+/).filter(Boolean).length;
  const tf = (lang === "he" ? TIME_HE : lang === "es" ? TIME_ES : TIME_EN).exec(text) ?? TIME_EN.exec(text);
  return {
    words,
    asksAdvice: by(lang, ADVICE, ADVICE_HE, ADVICE_ES, text),
    stuck: by(lang, STUCK, STUCK_HE, STUCK_ES, text) && words <= 8,
    ready: by(lang, READY, READY_HE, READY_ES, text),
    swapped: SWAP.test(text),
    intends: by(lang, INTENDS, INTENDS_HE, INTENDS_ES, text),
    timeFrame: tf ? tf[0] : null,
  };
}

const DAY = 86_400_000;
const NUMBER_WORDS: Record<string, number> = { a: 1, one: 1, two: 2, three: 3 };

/** Turns a time frame in the person's words into a due date, when it names one. */
export function resolveDue(timeFrame: string | null, now: Date): string | null {
  if (!timeFrame) return null;
  const t = timeFrame.toLowerCase();
  const at = (ms: number) => new Date(now.getTime() + ms).toISOString();
  const n = /(\d+|one|two|three|a)\s+(hours?|days?|weeks?|horas|d[ií]as|שעות|ימים)/.exec(t);
  if (n) {
    const count = NUMBER_WORDS[n[1]] ?? Number(n[1]);
    const unit = /hour|hora|שעות/.test(n[2]) ? 3_600_000 : /week/.test(n[2]) ? 7 * DAY : DAY;
    return at(count * unit);
  }
  if (/today|tonight|this (evening|afternoon|morning)|hoy|esta (noche|tarde)|היום|הערב/.test(t)) return at(DAY / 2);
  if (/tomorrow|mañana|מחר/.test(t)) return at(DAY);
  const weekday = new RegExp(WEEKDAYS).exec(t);
  if (weekday) {
    const target = WEEKDAYS.split("|").indexOf(weekday[0]);
    const today = (now.getUTCDay() + 6) % 7;
    return at(((target - today + 7) % 7 || 7) * DAY);
  }
  if (/next week|semana que viene|pr[óo]xima semana|בשבוע הבא/.test(t)) return at(7 * DAY);
  if (/week|weekend|semana|השבוע/.test(t)) return at(5 * DAY);
  if (/month|mes|בחודש/.test(t)) return at(30 * DAY);
  return null;
}
