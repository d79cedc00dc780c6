import type { PhaseKey } from "../../domain/content";
import type { PromptRow } from "./types";

// Hebrew prompts, written for Hebrew speakers rather than translated word for word.
export const HE_PROMPTS: Readonly<Record<PhaseKey, readonly PromptRow[]>> = {
  pause: [
    ["arrive", "איך את/ה מגיע/ה לכאן עכשיו?"],
    ["arrive", "במילה אחת, איך הרגע הזה בשבילך?"],
    ["arrive", "מה היית רוצה להשאיר בצד לזמן מה?"],
    ["notice-body", "קח/י שלוש נשימות איטיות. מה את/ה מרגיש/ה בגוף?", ["body"]],
    ["notice-body", "איפה בגוף יש מתח, ואיך הוא מרגיש?", ["body"]],
    ["notice-body", "הרגש/י את כפות הרגליים על הרצפה. מה משתנה?", ["body", "grounding"]],
    ["reflect", "איזו תחושה הכי נוכחת אצלך עכשיו?", ["emotions"]],
    ["reflect", "איזו מחשבה חוזרת אלייך שוב ושוב?"],
    ["group", "נשמע מילה אחת מכל אחד ואחת. מי רוצה להתחיל?", ["group"]],
  ],
  expand: [
    ["image", "מה את/ה רואה בתמונה הזאת?", ["cards"]],
    ["image", "על איזה פרט העין שלך נחה קודם?", ["cards"]],
    ["image", "מה קורה מחוץ לגבולות התמונה?", ["cards"]],
    ["projection", "מה {word} אומר/ת על המצב שלך?", ["cards"]],
    ["projection", "איפה את/ה בתוך התמונה הזאת?", ["cards"]],
    ["surprise", "מה הפתיע אותך כשהפכת את הקלף?", ["cards"]],
    ["choice", "מה משך אותך דווקא לקלף הזה?", ["cards"]],
    ["swap", "מה גרם לקלף הראשון לא להתאים?", ["cards"]],
    ["perspective", "איך מישהו שאכפת לו ממך היה רואה את זה?", ["relationships"]],
    ["metaphor", "אם '{phrase}' היה נוף, איך הוא היה נראה?"],
    ["reflect", "'{phrase}' — מה זה אומר לך עכשיו?"],
  ],
  focus: [
    ["insight", "מכל מה שעלה, מה הכי בולט בשבילך?"],
    ["insight", "אם היית לוקח/ת תובנה אחת מהיום, מה היא הייתה?"],
    ["value", "מה הכי חשוב לך כאן?", ["values"]],
    ["value", "איזה ערך נמצא מתחת ל'{phrase}'?", ["values"]],
    ["choice", "אם היית יכול/ה להתמקד בדבר אחד בלבד, מה הוא היה?", ["priorities"]],
    ["scaling", "בסולם של 1 עד 10, כמה זה חשוב לך עכשיו?", ["scaling"]],
    ["handback", "אילו אפשרויות את/ה רואה?"],
    ["stuck", "אם כן היית יודע/ת מה הכי חשוב, מה זה היה?"],
  ],
  do: [
    ["action", "מה צעד אחד קטן שאת/ה יכול/ה לעשות?", ["action"]],
    ["action", "מה הצעד הקטן ביותר שעדיין יעשה הבדל?", ["action"]],
    ["timeframe", "מה תוכל/י לעשות ב-24 השעות הקרובות?", ["time"]],
    ["timeframe", "מתי בדיוק תעשה/י את זה?", ["time"]],
    ["scaling", "מ-1 עד 10, כמה את/ה מוכן/ה לצעד הזה?", ["scaling"]],
    ["obstacle", "מה עלול להפריע, ומה תעשה/י אם זה יקרה?", ["obstacles"]],
    ["support", "מי יכול לתמוך בך בצעד הזה?", ["support"]],
    ["reflect", "איך תדע/י שעשית את זה?"],
    ["close", "מה את/ה לוקח/ת איתך מהמפגש הזה?", ["closure"]],
  ],
};
