import type { HelpResource, Safety, SafetyKind } from "../../domain/api/coach";
import type { CoachLanguage } from "./engine/types";

/**
 * Checked before any provider is called, whatever the provider. Crisis signs stop the coaching;
 * requests for medical, legal or financial advice are declined gently. Patterns err towards
 * caring: a false alarm costs a kind paragraph, a miss can cost far more.
 */
const CRISIS: { kind: Extract<SafetyKind, "self_harm" | "harm_to_others" | "abuse">; re: RegExp }[] = [
  {
    kind: "self_harm",
    re: /\b(kill(ing)? myself|end(ing)? (it all|my life)|take my (own )?life|suicid\w*|self[- ]?harm\w*|hurt(ing)? myself|cut(ting)? myself|don'?t want to (live|be alive|be here anymore|wake up)|want to die|wish i (was|were) dead|better off (dead|without me)|no reason to live|overdose)\b|(להתאבד|לשים קץ לחיי|לפגוע בעצמי|לא רוצה לחיות|רוצה למות)|(suicid\w*|quitarme la vida|matarme|hacerme da[ñn]o|no quiero vivir|quiero morir(me)?)/i,
  },
  {
    kind: "harm_to_others",
    re: /\b(kill|hurt|stab|shoot|beat up|attack|strangle) (him|her|them|my \w+|someone|somebody|people|everyone)\b(?![^.]*\b(feelings?|chances?)\b)|\b(going|want|planning) to (kill|hurt|shoot|stab)\b|(להרוג אות|לפגוע בו|לפגוע בה)|(matarl[oae]s?|hacerle da[ñn]o a)/i,
  },
  {
    kind: "abuse",
    re: /\b((he|she|they|my (husband|wife|partner|boyfriend|girlfriend|father|mother|dad|mom|boss|uncle|stepfather)) (hits|beats|hurts|chokes|kicks|slaps|rapes|touches) me|being (abused|hit|beaten)|abus(es|ed|ing) me|i'?m (afraid|scared) (of|to go home to) my (husband|wife|partner|boyfriend|girlfriend|father|mother)|sexual(ly)? (abuse|assault)\w*|forced me to)\b|(מכה אותי|מרביץ לי|מתעלל|התעללות)|(me pega|me golpea|abusa de m[ií]|maltrato)/i,
  },
];

const ASK = /\b(should i|can i|do i need|is it (safe|ok|okay|legal)|what (dose|medication|pills?|medicine)|how (much|many)|recommend|advice|tell me|which|diagnos\w*|do i have|is this)\b|(האם כדאי|מה כדאי|האם מותר)|(deber[ií]a|puedo|me recomiendas|qu[ée] (medicamento|dosis))/i;
const DOMAINS: { kind: Extract<SafetyKind, "medical" | "legal" | "financial">; re: RegExp }[] = [
  { kind: "medical", re: /\b(medication|medicine|meds|pills?|dose|dosage|antidepressants?|diagnos\w*|symptoms?|disorder|adhd|bipolar|depression|anxiety disorder|doctor|therapy|prescription|tumou?r|cancer|pregnan\w*)\b|(תרופ|אבחנה|דיכאון|רופא)|(medicament|dosis|diagn[óo]stic|depresi[óo]n|m[ée]dico)/i },
  { kind: "legal", re: /\b(sue|lawsuit|lawyer|attorney|legal(ly)?|illegal|custody|contract|court|divorce papers|visa|immigration|fired illegally|press charges)\b|(עורך דין|תביעה|משמורת|חוקי)|(abogad[oa]|demanda|legal|custodia|contrato)/i },
  { kind: "financial", re: /\b(invest\w*|stocks?|shares|crypto\w*|bitcoin|mortgage|loan|debt|tax(es)?|retirement fund|pension|savings account|buy a (house|flat|car))\b|(להשקיע|משכנתא|הלוואה|מניות)|(invertir|acciones|hipoteca|pr[ée]stamo|impuestos)/i },
];

export function classifySafety(text: string): SafetyKind | null {
  for (const c of CRISIS) if (c.re.test(text)) return c.kind;
  if (ASK.test(text)) for (const d of DOMAINS) if (d.re.test(text)) return d.kind;
  return null;
}

const INTERNATIONAL: HelpResource[] = [
  { name: "Emergency services (if you are in immediate danger)", contact: "Your local emergency number: 112 in Europe, 911 in North America, 101/100 in Israel" },
  { name: "Find a Helpline (international directory of free, confidential lines)", contact: "https://findahelpline.com" },
];
const REGIONAL: Record<string, HelpResource[]> = {
  crisis_en: [
    { name: "988 Suicide & Crisis Lifeline (United States)", contact: "Call or text 988" },
    { name: "Samaritans (United Kingdom and Ireland)", contact: "Call 116 123" },
  ],
  crisis_he: [{ name: "ער״ן — עזרה ראשונה נפשית (ישראל)", contact: "1201" }],
  crisis_es: [
    { name: "Línea 024 de atención a la conducta suicida (España)", contact: "024" },
    { name: "Línea de la Vida (México)", contact: "800 911 2000" },
  ],
  abuse: [
    { name: "National Domestic Violence Hotline (United States)", contact: "1-800-799-7233" },
    { name: "Refuge National Domestic Abuse Helpline (United Kingdom)", contact: "0808 2000 247" },
    { name: "Violencia de género, 016 (España)", contact: "016" },
    { name: "קו חם לנפגעות ולנפגעי אלימות במשפחה (ישראל)", contact: "118" },
  ],
};

export function helpResources(kind: SafetyKind, language: CoachLanguage): HelpResource[] {
  if (kind === "medical") return [{ name: "A doctor, nurse or pharmacist you trust", contact: "Your local health service" }];
  if (kind === "legal") return [{ name: "A qualified lawyer or a free legal aid service", contact: "Your local bar association or legal aid office" }];
  if (kind === "financial") return [{ name: "A licensed financial adviser or a free debt advice service", contact: "Your bank or a non-profit money advice service" }];
  const regional = language === "he" ? [...REGIONAL.crisis_he, ...REGIONAL.crisis_en] : language === "es" ? [...REGIONAL.crisis_es, ...REGIONAL.crisis_en] : REGIONAL.crisis_en;
  return kind === "abuse" ? [...REGIONAL.abuse, ...INTERNATIONAL, ...regional] : [...INTERNATIONAL, ...regional];
}

const REPLIES: Record<CoachLanguage, Record<SafetyKind, string>> = {
  en: {
    self_harm: "I'm really glad you told me, and I'm concerned for your safety. This is more than a card conversation can hold, and you deserve support from a person right now. Please reach out to one of the lines below, or to someone you trust. If you are in immediate danger, call your local emergency number.",
    harm_to_others: "Thank you for saying this out loud. When thoughts of hurting someone are present, it matters to talk with a person who can help right now. Please reach out to one of the lines below, and if anyone is in immediate danger, call your local emergency number.",
    abuse: "Thank you for trusting me with this. What you describe is not okay, and it is not your fault. You deserve to be safe. The people at the lines below can listen and help you think about safety. If you are in immediate danger, call your local emergency number.",
    medical: "That is an important question, and it deserves a proper answer from a doctor, nurse or pharmacist who can look at your situation. I can't give medical advice. If you'd like, we can stay with what this is like for you.",
    legal: "That is an important question, and a qualified lawyer or legal aid service is the right place for it. I can't give legal advice. If you'd like, we can stay with what this situation means to you.",
    financial: "That is an important decision, and a licensed financial adviser is the right person to help with it. I can't give financial advice. If you'd like, we can stay with what matters to you in it.",
  },
  he: {
    self_harm: "אני ממש שמח/ה שסיפרת לי, ואני דואג/ת לשלומך. זה יותר ממה ששיחת קלפים יכולה להכיל, ומגיעה לך תמיכה מאדם עכשיו. אפשר לפנות לאחד הקווים למטה או למישהו שאת/ה סומך/ת עליו. בסכנה מיידית — התקשר/י למוקד החירום.",
    harm_to_others: "תודה שאמרת את זה בקול. כשיש מחשבות לפגוע במישהו, חשוב לדבר עכשיו עם אדם שיכול לעזור. אפשר לפנות לאחד הקווים למטה, ובסכנה מיידית — למוקד החירום.",
    abuse: "תודה שסמכת עליי. מה שתיארת לא בסדר, וזו לא אשמתך. מגיע לך להיות בטוח/ה. בקווים למטה יקשיבו ויעזרו לחשוב על ביטחון. בסכנה מיידית — התקשר/י למוקד החירום.",
    medical: "זו שאלה חשובה, והיא ראויה לתשובה מרופא/ה או רוקח/ת. אני לא יכול/ה לתת ייעוץ רפואי. אם תרצה/י, נוכל להישאר עם מה שזה מעורר בך.",
    legal: "זו שאלה חשובה, והמקום הנכון לה הוא עורך/ת דין או סיוע משפטי. אני לא יכול/ה לתת ייעוץ משפטי. אם תרצה/י, נוכל להישאר עם מה שהמצב הזה אומר לך.",
    financial: "זו החלטה חשובה, ויועץ/ת פיננסי/ת מוסמך/ת יכול/ה לעזור בה. אני לא יכול/ה לתת ייעוץ פיננסי. אם תרצה/י, נוכל להישאר עם מה שחשוב לך בזה.",
  },
  es: {
    self_harm: "Me alegra mucho que me lo hayas contado, y me preocupa tu seguridad. Esto es más de lo que una conversación con cartas puede sostener, y mereces el apoyo de una persona ahora. Por favor, contacta una de las líneas de abajo o a alguien de confianza. Si estás en peligro inmediato, llama al número de emergencias.",
    harm_to_others: "Gracias por decirlo en voz alta. Cuando aparecen pensamientos de hacer daño a alguien, es importante hablar ahora con una persona que pueda ayudar. Contacta una de las líneas de abajo y, si alguien está en peligro inmediato, llama al número de emergencias.",
    abuse: "Gracias por confiarme esto. Lo que describes no está bien y no es tu culpa. Mereces estar a salvo. En las líneas de abajo pueden escucharte y ayudarte a pensar en tu seguridad. Si estás en peligro inmediato, llama al número de emergencias.",
    medical: "Es una pregunta importante y merece una respuesta de un médico o farmacéutico que conozca tu situación. No puedo dar consejo médico. Si quieres, podemos quedarnos con lo que esto significa para ti.",
    legal: "Es una pregunta importante, y un abogado o un servicio de asistencia jurídica es el lugar adecuado. No puedo dar consejo legal. Si quieres, podemos quedarnos con lo que esta situación significa para ti.",
    financial: "Es una decisión importante, y un asesor financiero acreditado es quien puede ayudarte. No puedo dar consejo financiero. Si quieres, podemos quedarnos con lo que te importa en ello.",
  },
};

export function isCrisis(kind: SafetyKind): boolean {
  return kind === "self_harm" || kind === "harm_to_others" || kind === "abuse";
}

export function safetyAnswer(kind: SafetyKind, language: CoachLanguage): { text: string; safety: Safety } {
  return { text: REPLIES[language][kind], safety: { kind, resources: helpResources(kind, language) } };
}
